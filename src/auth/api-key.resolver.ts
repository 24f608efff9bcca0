import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { ApiKeyType, IssueApiKeyInput, IssuedApiKeyType, toApiKeyView } from './api-key.types.js';

@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKeyType], { description: 'Admins: issued API keys, oldest first' })
  async apiKeys(
    @Arg('includeRevoked', () => Boolean, { nullable: true, defaultValue: false }) includeRevoked: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiKeyType[]> {
    return (await ctx.services.apiKeys.list(ctx.principal, includeRevoked ?? false)).map(toApiKeyView);
  }

  @Mutation(() => IssuedApiKeyType, { description: 'Admins: issue a key; the returned `key` is shown only this once' })
  async issueApiKey(
    @Arg('input', () => IssueApiKeyInput) input: IssueApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedApiKeyType> {
    const { key, record } = await ctx.services.apiKeys.issue(ctx.principal, input);
    return { key, apiKey: toApiKeyView(record) };
  }

  @Mutation(() => ApiKeyType, { description: 'Admins: revoke a key; it is refused (UNAUTHENTICATED) from the next request on' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKeyType> {
    return toApiKeyView(await ctx.services.apiKeys.revoke(ctx.principal, id));
  }
}
