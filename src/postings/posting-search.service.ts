// Job boards' full-text search of open postings: the engine retrieves and orders ids, MongoDB
// supplies the postings of the page.
import { Types } from 'mongoose';
import type { SearchEngine } from '../search/search-engine.js';
import { pageFromHits, pageWindow, type Page } from '../shared/pagination.js';
import { InputChecks } from '../shared/validation.js';
import { PostingStatus } from '../shared/enums.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingService } from './posting.service.js';
import { checkPostingFilter, type PostingFilterArgs } from './posting-filter.validation.js';

export interface SearchPostingsArgs {
  query?: string | null;
  filter?: PostingFilterArgs | null;
  first?: number | null;
  after?: string | null;
}

const MAX_QUERY_LENGTH = 200;

export class PostingSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly postings: PostingService,
  ) {}

  async search(args: SearchPostingsArgs): Promise<Page<PostingRecord>> {
    const checks = new InputChecks();
    const filter = checkPostingFilter(args.filter, checks);
    const text = args.query?.trim() ?? '';
    checks.require(text.length <= MAX_QUERY_LENGTH, 'query', `must be at most ${MAX_QUERY_LENGTH} characters`);
    checks.throwIfAny();
    const { offset, limit } = pageWindow(args.first, args.after);
    const page = await this.engine.searchPostings({ text: text || null, filter, offset, limit });
    const records = await this.postings.findByIds(page.ids.map((id) => new Types.ObjectId(id)));
    // The index may briefly lag MongoDB (a posting closed a moment ago): MongoDB has the last word.
    return pageFromHits(records, offset, page.total, (p) => (p.status === PostingStatus.OPEN ? p : null));
  }
}
