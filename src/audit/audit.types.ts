import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { RoleEnum } from '../api-keys/api-key.types.js';
import type { Role } from '../auth/principal.js';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import type { AuditOutcome, AuditRecord } from './audit.model.js';

export const AuditOutcomeEnum: { [O in AuditOutcome]: O } = { SUCCESS: 'SUCCESS', FAILURE: 'FAILURE' };
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome' });

@ObjectType('AuditEntry', { description: 'One executed mutation' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISOResolver) at!: Date;
  @Field(() => String, { nullable: true, description: 'API key id ("bootstrap-admin" for ADMIN_API_KEY); null: no valid key' })
  keyId!: string | null;
  @Field(() => RoleEnum, { nullable: true }) role!: Role | null;
  @Field(() => String, { description: 'The mutation, e.g. "updateJobPosting"' }) operation!: string;
  @Field(() => ID, { nullable: true, description: 'The record the mutation touched, when known' }) targetId!: string | null;
  @Field(() => AuditOutcomeEnum) outcome!: AuditOutcome;
  @Field(() => String, { nullable: true, description: 'Error code of a failed mutation' }) errorCode!: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEntryType) node!: AuditEntryType;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType]) edges!: AuditEntryEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}

export function toAuditEntryView(a: AuditRecord): AuditEntryType {
  return {
    id: a._id.toHexString(),
    at: a.at,
    keyId: a.keyId,
    role: a.role,
    operation: a.operation,
    targetId: a.targetId,
    outcome: a.outcome,
    errorCode: a.errorCode,
  };
}
