import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { QualificationKind } from '../shared/enums.js';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { QualificationInput, QualificationType, toQualificationView } from './qualification.types.js';

@Resolver(() => QualificationType)
export class QualificationResolver {
  @Query(() => [QualificationType])
  async qualifications(
    @Arg('kind', () => QualificationKind, { nullable: true }) kind: QualificationKind | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QualificationType[]> {
    return (await ctx.services.qualifications.list(kind ?? undefined)).map(toQualificationView);
  }

  @Mutation(() => QualificationType)
  async upsertQualification(
    @Arg('input', () => QualificationInput) input: QualificationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QualificationType> {
    return toQualificationView(await ctx.services.qualifications.upsert(ctx.principal, input));
  }
}
