import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLContext } from '../api/graphql/context.js';
import { JobPostingType } from './posting.types.js';
import { BulkResultType, JobPostingUpsertInput } from './posting-feed.types.js';
import type { PostingBulkService } from './posting-bulk.service.js';
import type { PostingFeedService } from './posting-feed.service.js';
import type { PostingService } from './posting.service.js';

@Resolver(() => JobPostingType)
export class PostingFeedResolver {
  constructor(
    private readonly bulk: PostingBulkService,
    private readonly feeds: PostingFeedService,
    private readonly postings: PostingService,
  ) {}

  @Mutation(() => BulkResultType, { description: 'Admins; recruiters for their own employer. At most 1,000 items, each checked on its own' })
  async upsertJobPostings(
    @Arg('inputs', () => [JobPostingUpsertInput]) inputs: JobPostingUpsertInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkResultType> {
    return this.bulk.upsert(ctx.principal, inputs);
  }

  @Mutation(() => BulkResultType, { description: 'schema.org JobPosting JSON-LD documents mapped onto postings of one employer' })
  async importJobPostingsJsonLd(
    @Arg('employerId', () => ID) employerId: string,
    @Arg('documents', () => [GraphQLJSON]) documents: unknown[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkResultType> {
    return this.feeds.importJsonLd(ctx.principal, employerId, documents);
  }

  @Mutation(() => Boolean, { description: 'Admins; recruiters of its employer. False when nothing was there' })
  async deleteJobPosting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.postings.delete(ctx.principal, id);
  }

  @FieldResolver(() => GraphQLJSON, { description: "schema.org JobPosting as JSON-LD, valid for Google's job-posting structured data" })
  async jsonLd(@Root() posting: JobPostingType, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    const employer = await ctx.loaders.employerById.load(posting.employerId);
    return this.feeds.jsonLd(posting, employer?.name ?? '');
  }
}
