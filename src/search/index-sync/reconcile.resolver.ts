import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../../api/graphql/context.js';
import type { ReconcileService } from './reconcile.js';

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
  constructor(private readonly reconcile: ReconcileService) {}

  @Mutation(() => ReconcileReportType, { description: 'Admins: compare the search index with MongoDB and repair every difference' })
  async reconcileSearchIndex(@Ctx() ctx: GraphQLContext): Promise<ReconcileReportType> {
    return this.reconcile.reconcileAs(ctx.principal);
  }
}
