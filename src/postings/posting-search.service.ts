// Job boards' full-text search of open postings: the engine retrieves and orders ids, MongoDB
// supplies the postings of the page. Facets are a separate engine question, asked only when
// the client selects them (the connection's field resolver calls `facets`).
import { Types } from 'mongoose';
import type { PostingFacetCounts, PostingSearchFilter, SearchEngine } from '../search/search-engine.js';
import { pageFromHits, pageWindow, type Page } from '../shared/pagination.js';
import { InputChecks } from '../shared/validation.js';
import { PostingSort, PostingStatus } from '../shared/enums.js';
import { distanceFromCentre } from '../geo/geo-input.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingService } from './posting.service.js';
import type { PostingListService } from './posting-list.service.js';
import { checkPostingFilter, type PostingFilterArgs } from './posting-filter.validation.js';

export interface SearchPostingsArgs {
  query?: string | null;
  filter?: PostingFilterArgs | null;
  sort?: PostingSort | null;
  first?: number | null;
  after?: string | null;
}

/** What a connection's facets are counted over: a search, or a list straight from MongoDB. */
export type PostingFacetSource =
  | { kind: 'search'; text: string | null; filter: PostingSearchFilter | null }
  | { kind: 'list'; employerId: string | null; status: PostingStatus | null };

export interface PostingHit {
  posting: PostingRecord;
  distanceMiles: number | null;
}

export const MAX_QUERY_LENGTH = 200;

export class PostingSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly postings: PostingService,
    private readonly lists: PostingListService,
  ) {}

  async search(args: SearchPostingsArgs): Promise<{ page: Page<PostingHit>; facets: PostingFacetSource }> {
    const checks = new InputChecks();
    const filter = checkPostingFilter(args.filter, checks);
    const text = args.query?.trim() ?? '';
    checks.require(text.length <= MAX_QUERY_LENGTH, 'query', `must be at most ${MAX_QUERY_LENGTH} characters`);
    if (args.sort === PostingSort.DISTANCE) checks.require(!!args.filter?.near, 'sort', 'DISTANCE needs filter.near');
    checks.throwIfAny();
    const { offset, limit } = pageWindow(args.first, args.after);
    const res = await this.engine.searchPostings({ text: text || null, filter, sort: args.sort ?? null, offset, limit });
    const records = await this.postings.findForPage(res.ids.map((id) => new Types.ObjectId(id)));
    const near = filter?.near ?? null;
    // The index may briefly lag MongoDB (a posting closed a moment ago): MongoDB has the last word.
    const page = pageFromHits(records, offset, res.total, (p) =>
      p.status === PostingStatus.OPEN ? { posting: p, distanceMiles: near ? distanceFromCentre(near, p) : null } : null,
    );
    return { page, facets: { kind: 'search', text: text || null, filter } };
  }

  async facets(source: PostingFacetSource): Promise<PostingFacetCounts> {
    if (source.kind === 'list') return this.lists.facets(source.employerId, source.status);
    return this.engine.postingFacets({ text: source.text, filter: source.filter });
  }
}
