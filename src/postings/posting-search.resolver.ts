import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { toConnection } from '../shared/pagination.js';
import { PostingFilter, toPostingView } from './posting.types.js';
import { JobPostingConnectionType } from './posting-search.types.js';

@Resolver()
export class PostingSearchResolver {
  @Query(() => JobPostingConnectionType, { description: 'Job boards: full-text search of open postings' })
  async searchPostings(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('filter', () => PostingFilter, { nullable: true }) filter: PostingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobPostingConnectionType> {
    const page = await ctx.services.postingSearch.search({ query, filter, first, after });
    return toConnection(page, toPostingView);
  }
}
