import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { QualificationKind } from '../shared/enums.js';
import type { GraphQLContext } from '../api/graphql/context.js';
import { QualificationInput, QualificationType, toQualificationView } from './qualification.types.js';
import type { QualificationService } from './qualification.service.js';

@Resolver(() => QualificationType)
export class QualificationResolver {
  constructor(private readonly qualificationService: QualificationService) {}

  @Query(() => [QualificationType])
  async qualifications(
    @Arg('kind', () => QualificationKind, { nullable: true }) kind: QualificationKind | null,
  ): Promise<QualificationType[]> {
    return (await this.qualificationService.list(kind ?? undefined)).map(toQualificationView);
  }

  @Mutation(() => QualificationType)
  async upsertQualification(
    @Arg('input', () => QualificationInput) input: QualificationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QualificationType> {
    return toQualificationView(await this.qualificationService.upsert(ctx.principal, input));
  }
}
