import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PostingStatus } from '../shared/enums.js';
import type { GraphQLContext } from '../api/graphql/context.js';
import { JobPostingType, toPostingView } from '../postings/posting.types.js';
import { EmployerInput, EmployerType, toEmployerView } from './employer.types.js';
import type { EmployerService } from './employer.service.js';

@Resolver(() => EmployerType)
export class EmployerResolver {
  constructor(private readonly employers: EmployerService) {}

  @Query(() => EmployerType, { nullable: true })
  async employer(@Arg('id', () => ID) id: string): Promise<EmployerType | null> {
    const employer = await this.employers.get(id);
    return employer ? toEmployerView(employer) : null;
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
