import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { EmployerRecord } from '../../employers/employer.model.js';
import type { PostingRecord } from '../../postings/posting.model.js';
import type { PostingStatus } from '../../shared/enums.js';
import type { RequestLoaders } from './context.js';

/** The two look-ups the loaders batch (the employer and posting services). */
export interface LoaderSources {
  employers: { findByIds(ids: readonly Types.ObjectId[]): Promise<(EmployerRecord | undefined)[]> };
  postings: { forEmployers(employerIds: readonly Types.ObjectId[], status: PostingStatus | undefined): Promise<PostingRecord[]> };
}

export function createLoaders(services: LoaderSources): RequestLoaders {
  const employerById = new DataLoader<string, EmployerRecord | undefined>((ids) =>
    services.employers.findByIds(ids.map((id) => new Types.ObjectId(id))),
  );
  const byStatus = new Map<string, DataLoader<string, PostingRecord[]>>();
  const postingsByEmployer = (status: PostingStatus | undefined) => {
    const key = status ?? 'ALL';
    let loader = byStatus.get(key);
    if (!loader) {
      loader = new DataLoader<string, PostingRecord[]>(async (employerIds) => {
        const rows = await services.postings.forEmployers(
          employerIds.map((id) => new Types.ObjectId(id)),
          status,
        );
        return employerIds.map((id) => rows.filter((p) => p.employerId.toHexString() === id));
      });
      byStatus.set(key, loader);
    }
    return loader;
  };
  return { employerById, postingsByEmployer };
}
