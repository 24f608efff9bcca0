import { Arg, Int, Query, Resolver } from 'type-graphql';
import { toConnection } from '../shared/pagination.js';
import { PostingFilter, toPostingView } from './posting.types.js';
import { JobPostingConnectionType } from './posting-search.types.js';
import type { PostingSearchService } from './posting-search.service.js';

@Resolver()
export class PostingSearchResolver {
  constructor(private readonly postingSearch: PostingSearchService) {}

  @Query(() => JobPostingConnectionType, { description: 'Job boards: full-text search of open postings' })
  async searchPostings(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('filter', () => PostingFilter, { nullable: true }) filter: PostingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<JobPostingConnectionType> {
    const page = await this.postingSearch.search({ query, filter, first, after });
    return toConnection(page, toPostingView);
  }
}
