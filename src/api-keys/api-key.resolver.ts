import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { ApiKeyType, IssueApiKeyInput, IssuedApiKeyType, toApiKeyView } from './api-key.types.js';
import type { ApiKeyService } from './api-key.service.js';

@Resolver()
export class ApiKeyResolver {
  constructor(private readonly apiKeyService: ApiKeyService) {}

  @Query(() => [ApiKeyType], { description: 'Admins: issued API keys, oldest first' })
  async apiKeys(
    @Arg('includeRevoked', () => Boolean, { nullable: true, defaultValue: false }) includeRevoked: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiKeyType[]> {
    return (await this.apiKeyService.list(ctx.principal, includeRevoked ?? false)).map(toApiKeyView);
  }

  @Mutation(() => IssuedApiKeyType, { description: 'Admins: issue a key; the returned `key` is shown only this once' })
  async issueApiKey(
    @Arg('input', () => IssueApiKeyInput) input: IssueApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedApiKeyType> {
    const { key, record } = await this.apiKeyService.issue(ctx.principal, input);
    return { key, apiKey: toApiKeyView(record) };
  }

  @Mutation(() => ApiKeyType, { description: 'Admins: revoke a key; it is refused (UNAUTHENTICATED) from the next request on' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKeyType> {
    return toApiKeyView(await this.apiKeyService.revoke(ctx.principal, id));
  }
}
