import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toConnection } from '../shared/pagination.js';
import { encodeKeysetCursor, toKeysetConnection } from '../shared/keyset-pagination.js';
import { PostingSort, PostingStatus } from '../shared/enums.js';
import { PostingFilter, toPostingView } from './posting.types.js';
import { JobPostingConnectionType, PostingFacetsType } from './posting-search.types.js';
import type { PostingSearchService } from './posting-search.service.js';
import type { PostingListService } from './posting-list.service.js';

@Resolver(() => JobPostingConnectionType)
export class PostingSearchResolver {
  constructor(
    private readonly postingSearch: PostingSearchService,
    private readonly postingLists: PostingListService,
  ) {}

  @Query(() => JobPostingConnectionType, { description: 'Job boards: full-text search of open postings' })
  async searchPostings(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('filter', () => PostingFilter, { nullable: true }) filter: PostingFilter | null,
    @Arg('sort', () => PostingSort, { nullable: true, description: 'Default RELEVANCE with a query, NEWEST without; DISTANCE needs filter.near' })
    sort: PostingSort | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<JobPostingConnectionType> {
    const { page, facets } = await this.postingSearch.search({ query, filter, sort, first, after });
    const conn = toConnection(page, (hit) => hit);
    const edges = conn.edges.map((e) => ({ cursor: e.cursor, node: toPostingView(e.node.posting), distanceMiles: e.node.distanceMiles }));
    return { ...conn, edges, facetSource: facets };
  }

  @Query(() => JobPostingConnectionType, { description: 'Admins, and recruiters for their own employer: postings of any status, newest first' })
  async jobPostings(
    @Arg('employerId', () => ID, { nullable: true }) employerId: string | null,
    @Arg('status', () => PostingStatus, { nullable: true }) status: PostingStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobPostingConnectionType> {
    const listed = await this.postingLists.list(ctx.principal, { employerId, status, first, after });
    const conn = toKeysetConnection(listed.page, (p) => encodeKeysetCursor(p.postedAt, p._id), toPostingView);
    return {
      ...conn,
      edges: conn.edges.map((e) => ({ ...e, distanceMiles: null })),
      facetSource: { kind: 'list', employerId: listed.employerId, status: listed.status },
    };
  }

  @FieldResolver(() => PostingFacetsType)
  async facets(@Root() conn: JobPostingConnectionType): Promise<PostingFacetsType> {
    return this.postingSearch.facets(conn.facetSource);
  }
}
