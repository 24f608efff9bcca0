import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLContext } from '../api/graphql/context.js';
import type { CandidateDataRightsService } from './candidate-data-rights.service.js';
import type { RecordDeletionService } from './record-deletion.service.js';

@Resolver()
export class DataRightsResolver {
  constructor(
    private readonly rights: CandidateDataRightsService,
    private readonly deletions: RecordDeletionService,
  ) {}

  @Mutation(() => Boolean, { description: 'Erasure: the candidate (own key) or an admin. False when nothing was there' })
  async deleteCandidate(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.rights.erase(ctx.principal, id);
  }

  @Mutation(() => Boolean, { description: 'Admins; CONFLICT while it has postings' })
  async deleteEmployer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.deletions.deleteEmployer(ctx.principal, id);
  }

  @Query(() => GraphQLJSON, { description: 'The candidate (own key) or an admin: everything held about the candidate' })
  async exportCandidateData(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    return this.rights.export(ctx.principal, id);
  }
}
