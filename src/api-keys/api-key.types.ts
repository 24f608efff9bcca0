import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { ApiKeyRecord } from './api-key.model.js';
import type { Role } from '../auth/principal.js';

/** The roles as a GraphQL enum; keys of this object are exactly the Role union. */
export const RoleEnum: { [R in Role]: R } = {
  ADMIN: 'ADMIN',
  JOB_BOARD: 'JOB_BOARD',
  RECRUITER: 'RECRUITER',
  CANDIDATE: 'CANDIDATE',
};
registerEnumType(RoleEnum, { name: 'Role', description: 'What an API key may do; see README "Roles, API keys and limits"' });

@ObjectType('ApiKey', { description: 'An issued API key. The key itself is shown only once, by issueApiKey.' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String) label!: string;
  @Field(() => ID, { nullable: true, description: 'RECRUITER keys: the employer whose postings the key manages' })
  employerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'CANDIDATE keys: the candidate the key acts for' })
  candidateId!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => String, { description: 'Id of the admin key that issued it' }) createdBy!: string;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'null: the key is active' }) revokedAt!: Date | null;
}

@ObjectType('IssuedApiKey')
export class IssuedApiKeyType {
  @Field(() => String, { description: 'The bearer key. Shown this once and never again: only its hash is stored.' })
  key!: string;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
}

@InputType('IssueApiKeyInput')
export class IssueApiKeyInput {
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { description: 'Who holds the key, e.g. "Indeed integration"' }) label!: string;
  @Field(() => ID, { nullable: true, description: 'Required for RECRUITER, refused otherwise' }) employerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for CANDIDATE, refused otherwise' }) candidateId?: string | null;
}

export function toApiKeyView(k: ApiKeyRecord): ApiKeyType {
  return {
    id: k._id.toHexString(),
    role: k.role,
    label: k.label,
    employerId: k.employerId?.toHexString() ?? null,
    candidateId: k.candidateId?.toHexString() ?? null,
    createdAt: k.createdAt,
    createdBy: k.createdBy,
    revokedAt: k.revokedAt,
  };
}
