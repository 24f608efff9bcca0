import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toConnection } from '../shared/pagination.js';
import { encodeKeysetCursor, toKeysetConnection } from '../shared/keyset-pagination.js';
import { toCandidateView } from './candidate.types.js';
import { CandidateConnectionType, CandidateFacetsType, CandidateFilter } from './candidate-search.types.js';
import type { CandidateSearchService } from './candidate-search.service.js';

@Resolver(() => CandidateConnectionType)
export class CandidateSearchResolver {
  constructor(private readonly candidateSearch: CandidateSearchService) {}

  @Query(() => CandidateConnectionType, {
    description: 'Recruiters, job boards, admins: discoverable candidates by words and filter (email for admins only)',
  })
  async searchCandidates(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('filter', () => CandidateFilter, { nullable: true }) filter: CandidateFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CandidateConnectionType> {
    const { page, facets } = await this.candidateSearch.search(ctx.principal, { query, filter, first, after });
    const conn = toConnection(page, (hit) => hit);
    const edges = conn.edges.map((e) => ({ cursor: e.cursor, node: toCandidateView(e.node.candidate), distanceMiles: e.node.distanceMiles }));
    return { ...conn, edges, facetSource: facets };
  }

  @Query(() => CandidateConnectionType, { description: 'Admins: every candidate, discoverable or not, newest first' })
  async candidates(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CandidateConnectionType> {
    const page = await this.candidateSearch.list(ctx.principal, first, after);
    const conn = toKeysetConnection(page, (c) => encodeKeysetCursor(c.createdAt, c._id), toCandidateView);
    return { ...conn, edges: conn.edges.map((e) => ({ ...e, distanceMiles: null })), facetSource: { kind: 'list' } };
  }

  @FieldResolver(() => CandidateFacetsType)
  async facets(@Root() conn: CandidateConnectionType): Promise<CandidateFacetsType> {
    return this.candidateSearch.facets(conn.facetSource);
  }
}
