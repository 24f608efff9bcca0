import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toQualificationView } from '../qualifications/qualification.types.js';
import {
  CandidateInput,
  CandidateType,
  CandidateUpdateInput,
  HeldQualificationType,
  toCandidateView,
} from './candidate.types.js';
import type { CandidateService } from './candidate.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import { toRenewalStatusView } from '../renewals/renewal.types.js';

@Resolver(() => CandidateType)
export class CandidateResolver {
  constructor(
    private readonly candidates: CandidateService,
    private readonly qualificationService: QualificationService,
  ) {}

  @Query(() => CandidateType, { nullable: true })
  async candidate(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<CandidateType | null> {
    const candidate = await this.candidates.get(ctx.principal, id);
    return candidate ? toCandidateView(candidate) : null;
  }

  @Mutation(() => CandidateType)
  async createCandidate(
    @Arg('input', () => CandidateInput) input: CandidateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CandidateType> {
    return toCandidateView(await this.candidates.create(ctx.principal, input));
  }

  @Mutation(() => CandidateType)
  async updateCandidate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CandidateUpdateInput) input: CandidateUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CandidateType> {
    return toCandidateView(await this.candidates.update(ctx.principal, id, input));
  }

  @FieldResolver(() => Float, { description: 'Union of experience intervals up to today, in years' })
  yearsOfExperience(@Root() c: CandidateType): number {
    return this.candidates.yearsOfExperience(c);
  }

  @FieldResolver(() => [HeldQualificationType])
  async qualifications(@Root() c: CandidateType): Promise<HeldQualificationType[]> {
    const catalog = await this.qualificationService.catalog();
    return c.heldQualifications.flatMap((held) => {
      const q = catalog.get(held.code);
      if (!q) return [];
      return [
        {
          qualification: toQualificationView(q),
          earnedOn: held.earnedOn,
          expiresOn: held.expiresOn,
          state: held.state,
          current: this.candidates.isCurrent(held),
          continuingEducation: (held.continuingEducation ?? []).map((e) => ({ ...e })),
          renewal: toRenewalStatusView(this.candidates.renewal(held, q)),
        },
      ];
    });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible only to the candidate and to admins; null for everyone else',
  })
  email(@Root() c: CandidateType, @Ctx() ctx: GraphQLContext): string | null {
    return this.candidates.canSeeEmail(ctx.principal, c.id) ? c.emailAddress : null;
  }
}
