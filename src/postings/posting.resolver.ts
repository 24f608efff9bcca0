import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { EmployerType, toEmployerView } from '../employers/employer.types.js';
import { QualificationType, qualificationViews } from '../qualifications/qualification.types.js';
import { JobPostingInput, JobPostingType, JobPostingUpdateInput, toPostingView } from './posting.types.js';
import type { PostingService } from './posting.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';

@Resolver(() => JobPostingType)
export class PostingResolver {
  constructor(
    private readonly postings: PostingService,
    private readonly qualifications: QualificationService,
  ) {}

  @Query(() => JobPostingType, { nullable: true })
  async jobPosting(@Arg('id', () => ID) id: string): Promise<JobPostingType | null> {
    const posting = await this.postings.get(id);
    return posting ? toPostingView(posting) : null;
  }

  @Mutation(() => JobPostingType)
  async createJobPosting(
    @Arg('input', () => JobPostingInput) input: JobPostingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobPostingType> {
    return toPostingView(await this.postings.create(ctx.principal, input));
  }

  @Mutation(() => JobPostingType)
  async updateJobPosting(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => JobPostingUpdateInput) input: JobPostingUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JobPostingType> {
    return toPostingView(await this.postings.update(ctx.principal, id, input));
  }

  @Mutation(() => JobPostingType)
  async closeJobPosting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<JobPostingType> {
    return toPostingView(await this.postings.close(ctx.principal, id));
  }

  @FieldResolver(() => EmployerType)
  async employer(@Root() posting: JobPostingType, @Ctx() ctx: GraphQLContext): Promise<EmployerType> {
    const employer = await ctx.loaders.employerById.load(posting.employerId);
    if (!employer) throw new Error(`posting ${posting.id} references missing employer ${posting.employerId}`);
    return toEmployerView(employer);
  }

  @FieldResolver(() => [QualificationType])
  async requiredQualifications(@Root() posting: JobPostingType): Promise<QualificationType[]> {
    return qualificationViews(posting.requiredQualificationCodes, await this.qualifications.catalog());
  }

  @FieldResolver(() => [QualificationType])
  async preferredQualifications(@Root() posting: JobPostingType): Promise<QualificationType[]> {
    return qualificationViews(posting.preferredQualificationCodes, await this.qualifications.catalog());
  }
}

