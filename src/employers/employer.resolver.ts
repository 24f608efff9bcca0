import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { encodeKeysetCursor, toKeysetConnection } from '../shared/keyset-pagination.js';
import { PostingStatus } from '../shared/enums.js';
import type { GraphQLContext } from '../api/graphql/context.js';
import { JobPostingType, toPostingView } from '../postings/posting.types.js';
import { EmployerConnectionType, EmployerInput, EmployerType, toEmployerView } from './employer.types.js';
import type { EmployerService } from './employer.service.js';

@Resolver(() => EmployerType)
export class EmployerResolver {
  constructor(private readonly employers: EmployerService) {}

  @Query(() => EmployerType, { nullable: true })
  async employer(@Arg('id', () => ID) id: string): Promise<EmployerType | null> {
    const employer = await this.employers.get(id);
    return employer ? toEmployerView(employer) : null;
  }

  @Query(() => EmployerConnectionType, { name: 'employers', description: 'Public: employers by name, A-Z; query matches part of the name' })
  async listEmployers(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<EmployerConnectionType> {
    const page = await this.employers.list(query, first, after);
    return toKeysetConnection(page, (e) => encodeKeysetCursor(e.name, e._id), toEmployerView);
  }

  @Mutation(() => EmployerType)
  async createEmployer(
    @Arg('input', () => EmployerInput) input: EmployerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmployerType> {
    return toEmployerView(await this.employers.create(ctx.principal, input));
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
