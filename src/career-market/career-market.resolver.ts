import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { PostingFilter } from '../postings/posting.types.js';
import { CareerStepType, TalentSupplyType } from './career-market.types.js';
import type { CareerMarketService } from './career-market.service.js';

@Resolver()
export class CareerMarketResolver {
  constructor(private readonly careerMarket: CareerMarketService) {}

  @Query(() => [CareerStepType], { description: 'The single changes that make the most currently ineligible open postings eligible' })
  async nextSteps(
    @Arg('candidateId', () => ID) candidateId: string,
    @Arg('filter', () => PostingFilter, { nullable: true }) filter: PostingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareerStepType[]> {
    return this.careerMarket.nextSteps(ctx.principal, candidateId, { filter, first });
  }

  @Query(() => TalentSupplyType, { description: 'Recruiters: how many more discoverable candidates each single relaxation would make eligible' })
  async talentSupply(@Arg('postingId', () => ID) postingId: string, @Ctx() ctx: GraphQLContext): Promise<TalentSupplyType> {
    return this.careerMarket.talentSupply(ctx.principal, postingId);
  }
}
