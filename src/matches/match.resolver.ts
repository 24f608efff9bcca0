import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toConnection } from '../shared/pagination.js';
import { PostingFilter, toPostingView } from '../postings/posting.types.js';
import { toCandidateView } from '../candidates/candidate.types.js';
import { CandidateMatchConnectionType, JobMatchConnectionType, toMatchExplanationView } from './match.types.js';
import type { MatchService } from './match.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';

@Resolver()
export class MatchResolver {
  constructor(
    private readonly matches: MatchService,
    private readonly qualifications: QualificationService,
  ) {}

  @Query(() => JobMatchConnectionType, { description: 'Open postings ranked for one candidate' })
  async matchesForCandidate(
    @Arg('candidateId', () => ID) candidateId: string,
    @Arg('filter', () => PostingFilter, { nullable: true }) filter: PostingFilter | null,
    @Arg('includeIneligible', () => Boolean, { nullable: true, defaultValue: false }) includeIneligible: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Judge eligibility and score on this day (>= today) instead of today: expiry compared with it, open experience counted up to it',
    })
    asOf: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobMatchConnectionType> {
    const page = await this.matches.matchesForCandidate(ctx.principal, candidateId, { filter, includeIneligible, first, after, asOf });
    const catalog = await this.qualifications.catalog();
    return toConnection(page, ({ posting, result, distanceMiles }) => ({
      posting: toPostingView(posting),
      distanceMiles,
      score: result.score,
      eligible: result.eligible,
      explanation: toMatchExplanationView(result, catalog),
    }));
  }

  @Query(() => CandidateMatchConnectionType, { description: 'Recruiters: discoverable candidates ranked for one posting' })
  async candidatesForPosting(
    @Arg('postingId', () => ID) postingId: string,
    @Arg('includeIneligible', () => Boolean, { nullable: true, defaultValue: false }) includeIneligible: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CandidateMatchConnectionType> {
    const page = await this.matches.candidatesForPosting(ctx.principal, postingId, { includeIneligible, first, after });
    const catalog = await this.qualifications.catalog();
    return toConnection(page, ({ candidate, result }) => ({
      candidate: toCandidateView(candidate),
      score: result.score,
      eligible: result.eligible,
      explanation: toMatchExplanationView(result, catalog),
    }));
  }
}
