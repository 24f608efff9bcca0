import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { encodeKeysetCursor, toKeysetConnection } from '../shared/keyset-pagination.js';
import { PostingStatus } from '../shared/enums.js';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { JobPostingType, toPostingView } from '../postings/posting.types.js';
import { EmployerConnectionType, EmployerInput, EmployerType, toEmployerView } from './employer.types.js';

@Resolver(() => EmployerType)
export class EmployerResolver {
  @Query(() => EmployerType, { nullable: true })
  async employer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EmployerType | null> {
    const employer = await ctx.services.employers.get(id);
    return employer ? toEmployerView(employer) : null;
  }

  @Query(() => EmployerConnectionType, { description: 'Public: employers by name, A-Z; query matches part of the name' })
  async employers(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmployerConnectionType> {
    const page = await ctx.services.employers.list(query, first, after);
    return toKeysetConnection(page, (e) => encodeKeysetCursor(e.name, e._id), toEmployerView);
  }

  @Mutation(() => EmployerType)
  async createEmployer(
    @Arg('input', () => EmployerInput) input: EmployerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmployerType> {
    return toEmployerView(await ctx.services.employers.create(ctx.principal, input));
  }

  @FieldResolver(() => [JobPostingType])
  async postings(
    @Root() employer: EmployerType,
    @Arg('status', () => PostingStatus, { nullable: true }) status: PostingStatus | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobPostingType[]> {
    const rows = await ctx.loaders.postingsByEmployer(status ?? undefined).load(employer.id);
    return rows.map(toPostingView);
  }
}
