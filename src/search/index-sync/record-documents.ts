// Turns MongoDB records into search documents: the one place that knows both shapes, and the
// implementation of the index sync's document source. Employer names come through the
// employer service (its per-process cache), the catalog through the qualification service.
import { Types } from 'mongoose';
import type { CandidateRecord } from '../../candidates/candidate.model.js';
import { candidateProfile } from '../../candidates/candidate-profile.js';
import type { EmployerRecord } from '../../employers/employer.model.js';
import type { PostingRecord } from '../../postings/posting.model.js';
import { postingProfile } from '../../postings/posting-profile.js';
import type { CatalogQualification, IsoDate } from '../../matching/matching.types.js';
import { buildCandidateDocument } from '../documents/candidate-document.js';
import { buildPostingDocument } from '../documents/posting-document.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';
import type { SearchDocumentSource } from './document-source.js';
import { recordLocation } from '../../geo/geo-input.js';

type Catalog = ReadonlyMap<string, CatalogQualification>;

export interface RecordSources {
  postings: {
    findByIds(ids: readonly Types.ObjectId[]): Promise<(PostingRecord | undefined)[]>;
    idsUsingCode(code: string): Promise<Types.ObjectId[]>;
    count(): Promise<number>;
    cursor(batchSize: number): AsyncIterable<PostingRecord>;
  };
  candidates: {
    findByIds(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]>;
    count(): Promise<number>;
    cursor(batchSize: number): AsyncIterable<CandidateRecord>;
  };
  employers: { findByIds(ids: readonly Types.ObjectId[]): Promise<(EmployerRecord | undefined)[]> };
  catalog(): Promise<Catalog>;
}

/** updatedAt in epoch ms: what reconciliation compares (reconcile.ts). */
function versionOf(r: { updatedAt?: Date | null }): number {
  return r.updatedAt instanceof Date ? r.updatedAt.getTime() : 0;
}

function postingDocument(p: PostingRecord, employerName: (id: Types.ObjectId) => string, catalog: Catalog): PostingSearchDocument {
  const doc = buildPostingDocument(
    {
      ...postingProfile(p),
      title: p.title,
      description: p.description,
      employerId: p.employerId.toHexString(),
      employerName: employerName(p.employerId),
      employmentType: p.employmentType,
      city: p.city,
      remote: p.remote,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      status: p.status,
      ...recordLocation(p),
    },
    catalog,
  );
  return { ...doc, version: versionOf(p) };
}

function candidateDocument(c: CandidateRecord, today: IsoDate): CandidateSearchDocument {
  const doc = buildCandidateDocument(
    {
      ...candidateProfile(c),
      discoverable: c.discoverable,
      state: c.state,
      headline: c.headline,
      summary: c.summary,
      experienceTitles: c.experience.map((e) => e.title),
      ...recordLocation(c),
    },
    today,
  );
  return { ...doc, version: versionOf(c) };
}

function employerNames(employers: Iterable<EmployerRecord | undefined>): (id: Types.ObjectId) => string {
  const names = new Map<string, string>();
  for (const e of employers) if (e) names.set(e._id.toHexString(), e.name);
  return (id) => names.get(id.toHexString()) ?? '';
}

export class RecordDocumentSource implements SearchDocumentSource {
  constructor(private readonly src: RecordSources) {}

  async postingDocuments(ids: readonly Types.ObjectId[], written?: ReadonlyMap<string, unknown>): Promise<(PostingSearchDocument | undefined)[]> {
    // `written` holds PostingRecords: what PostingBulkService stored (IndexChangeSink.committedBatch).
    const given = (id: Types.ObjectId) => written?.get(id.toHexString()) as PostingRecord | undefined;
    const toRead = written && written.size > 0 ? ids.filter((id) => given(id) === undefined) : ids;
    const read = toRead.length > 0 ? await this.src.postings.findByIds(toRead) : [];
    const readById = new Map(toRead.map((id, i) => [id.toHexString(), read[i]]));
    const records = toRead === ids ? read : ids.map((id) => given(id) ?? readById.get(id.toHexString()));
    const catalog = await this.src.catalog();
    return this.withEmployerNames(records, catalog);
  }

  async candidateDocuments(ids: readonly Types.ObjectId[], today: IsoDate): Promise<(CandidateSearchDocument | undefined)[]> {
    const records = await this.src.candidates.findByIds(ids);
    return records.map((c) => (c === undefined ? undefined : candidateDocument(c, today)));
  }

  postingIdsUsingCode(code: string): Promise<Types.ObjectId[]> {
    return this.src.postings.idsUsingCode(code);
  }

  postingCount(): Promise<number> {
    return this.src.postings.count();
  }

  candidateCount(): Promise<number> {
    return this.src.candidates.count();
  }

  async *postingBatches(batchSize: number): AsyncIterable<PostingSearchDocument[]> {
    const catalog = await this.src.catalog();
    for await (const batch of inBatches(this.src.postings.cursor(readSize(batchSize)), batchSize)) {
      yield (await this.withEmployerNames(batch, catalog)) as PostingSearchDocument[];
    }
  }

  async *candidateBatches(batchSize: number, today: IsoDate): AsyncIterable<CandidateSearchDocument[]> {
    for await (const batch of inBatches(this.src.candidates.cursor(readSize(batchSize)), batchSize)) {
      yield batch.map((c) => candidateDocument(c, today));
    }
  }

  private async withEmployerNames(records: (PostingRecord | undefined)[], catalog: Catalog): Promise<(PostingSearchDocument | undefined)[]> {
    const present = records.filter((r) => r !== undefined);
    const employerIds = [...new Set(present.map((p) => p.employerId.toHexString()))].map((id) => new Types.ObjectId(id));
    const names = employerNames(await this.src.employers.findByIds(employerIds));
    return records.map((p) => (p === undefined ? undefined : postingDocument(p, names, catalog)));
  }
}

/**
 * A rebuild's first batch: small, so the engine starts indexing after one short read instead
 * of a full batch's (measured with Meilisearch at 20,000 postings: it sat idle the first 8 s
 * of a 50 s phase while 5,000 documents were read and built). Reads from MongoDB in pieces of
 * this size too, or the cursor's first reply would hold a whole batch anyway.
 */
const FIRST_BATCH = 1_000;
const readSize = (batchSize: number) => Math.min(batchSize, FIRST_BATCH);

/** Groups `source` into arrays of `size` (the first one at most FIRST_BATCH, the last one shorter). */
export async function* inBatches<T>(source: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  let limit = Math.min(size, FIRST_BATCH);
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= limit) {
      limit = size;
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
