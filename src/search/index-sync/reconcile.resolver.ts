import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../../shared/graphql/context.js';

@ObjectType('ReconcileReport', { description: 'One reconciliation pass of the search index against MongoDB' })
export class ReconcileReportType {
  @Field(() => Int, { description: 'Documents in MongoDB compared with the index' }) checked!: number;
  @Field(() => Int, { description: 'Missing from the index: indexed' }) added!: number;
  @Field(() => Int, { description: 'Older in the index than in MongoDB: re-indexed' }) updated!: number;
  @Field(() => Int, { description: 'In the index but not in MongoDB: removed' }) removed!: number;
  @Field(() => Int, { description: 'Duration of the pass in milliseconds' }) tookMs!: number;
  @Field(() => DateTimeISOResolver) finishedAt!: Date;
}

@Resolver()
export class ReconcileResolver {
  @Mutation(() => ReconcileReportType, { description: 'Admins: compare the search index with MongoDB and repair every difference' })
  async reconcileSearchIndex(@Ctx() ctx: GraphQLContext): Promise<ReconcileReportType> {
    return ctx.services.reconcile.reconcileAs(ctx.principal);
  }
}
