import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toQualificationView } from '../qualifications/qualification.types.js';
import { RenewalDueType, toRenewalStatusView } from './renewal.types.js';
import type { RenewalService } from './renewal.service.js';

@Resolver()
export class RenewalResolver {
  constructor(private readonly renewals: RenewalService) {}

  @Query(() => [RenewalDueType], {
    description: 'The candidate (own key) or an admin: held qualifications due within withinDays of today (lapsed too), soonest first',
  })
  async renewalsDue(
    @Arg('candidateId', () => ID) candidateId: string,
    @Arg('withinDays', () => Int, { nullable: true, defaultValue: 180 }) withinDays: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RenewalDueType[]> {
    const due = await this.renewals.renewalsDue(ctx.principal, candidateId, withinDays);
    return due.map((d) => ({
      qualification: toQualificationView(d.qualification),
      renewal: toRenewalStatusView(d.renewal),
      matchesAtRisk: d.matchesAtRisk,
    }));
  }
}
