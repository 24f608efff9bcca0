import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../api/graphql/context.js';
import type { IndexSyncService } from './index-sync.service.js';
import { ParkedIndexUpdateType, toParkedIndexUpdateView } from './index-sync.types.js';

@Resolver()
export class IndexSyncResolver {
  constructor(private readonly indexSync: IndexSyncService) {}

  @Query(() => [ParkedIndexUpdateType], { description: 'Admins: index updates the search engine refused permanently, longest parked first (at most 100)' })
  async parkedIndexUpdates(@Ctx() ctx: GraphQLContext): Promise<ParkedIndexUpdateType[]> {
    return (await this.indexSync.parkedUpdates(ctx.principal)).map(toParkedIndexUpdateView);
  }
}
