// jobPostings: postings of any status straight from MongoDB (the index holds open ones only),
// for admins and for a recruiter's own employer, keyset-paged newest first. Its facets count
// the listed postings with simple $group aggregations (FerretDB v1 runs them).
import type { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { postingListScope } from '../auth/access-policy.js';
import { facetList, salaryBand, type FacetCount } from '../matching/facets.js';
import type { PostingFacetCounts } from '../search/search-engine.js';
import type { PostingStatus } from '../shared/enums.js';
import { keysetWindow, type KeysetPage } from '../shared/keyset-pagination.js';
import { parseId } from '../shared/validation.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingRepository } from './posting.repository.js';

export interface PostingListArgs {
  employerId?: string | null;
  status?: PostingStatus | null;
  first?: number | null;
  after?: string | null;
}

export class PostingListService {
  constructor(private readonly repo: PostingRepository) {}

  async list(actor: Principal, args: PostingListArgs): Promise<{ page: KeysetPage<PostingRecord>; employerId: string | null; status: PostingStatus | null }> {
    if (args.employerId != null) parseId(args.employerId, 'employerId');
    const employerId = postingListScope(actor, args.employerId ?? null);
    const w = keysetWindow(args.first, args.after);
    const status = args.status ?? null;
    const page = await this.repo.list(employerId === null ? null : parseId(employerId, 'employerId'), status, w);
    return { page, employerId, status };
  }

  /** Over the listed postings; no facet has its own filter here, so nothing is dropped. */
  async facets(employerIdArg: string | null, status: PostingStatus | null): Promise<PostingFacetCounts> {
    const employerId: Types.ObjectId | null = employerIdArg === null ? null : parseId(employerIdArg, 'employerId');
    const count = (field: string, extra?: Record<string, unknown>) => this.repo.countBy(employerId, status, field, extra);
    const [states, settings, types, remote, byMax, byMin] = await Promise.all([
      count('state'),
      count('setting'),
      count('employmentType'),
      count('remote'),
      count('salaryMax', { salaryMax: { $ne: null } }),
      count('salaryMin', { salaryMax: null, salaryMin: { $ne: null } }),
    ]);
    const bands = new Map<string, number>();
    for (const m of [byMax, byMin]) {
      for (const [ceiling, n] of m) {
        const band = salaryBand(typeof ceiling === 'number' ? ceiling : null);
        if (band !== null) bands.set(band, (bands.get(band) ?? 0) + n);
      }
    }
    return {
      states: values(states),
      settings: values(settings),
      employmentTypes: values(types),
      remote: values(remote),
      salaryBands: facetList(bands),
    };
  }
}

/** Group results as facet counts, leaving out the null group (no value). */
function values(m: Map<unknown, number>): FacetCount[] {
  const out = new Map<string, number>();
  for (const [v, n] of m) if (v !== null && v !== undefined) out.set(String(v), n);
  return facetList(out);
}
