import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { toConnection } from '../shared/pagination.js';
import { AuditEntryConnectionType, toAuditEntryView } from './audit.types.js';
import type { AuditService } from './audit.service.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnectionType, { description: 'Admins: executed mutations, newest first' })
  async auditLog(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('keyId', () => String, { nullable: true }) keyId: string | null,
    @Arg('operation', () => String, { nullable: true }) operation: string | null,
    @Arg('targetId', () => String, { nullable: true }) targetId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditEntryConnectionType> {
    const page = await this.audit.list(ctx.principal, {
      first,
      after,
      keyId: keyId ?? undefined,
      operation: operation ?? undefined,
      targetId: targetId ?? undefined,
    });
    return toConnection(page, toAuditEntryView);
  }
}
