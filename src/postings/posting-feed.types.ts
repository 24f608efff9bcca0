// GraphQL types of the feeds block (contract-next "feeds and data rights"): the bulk upsert
// input and its per-item results.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PostingStatus } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { PostingFieldsInput } from './posting.types.js';

@InputType('JobPostingUpsertInput')
export class JobPostingUpsertInput extends PostingFieldsInput {
  @Field(() => String, { description: "The feed's own id: unique per employer; the upsert key" }) externalRef!: string;
  @Field(() => PostingStatus, { nullable: true, defaultValue: PostingStatus.OPEN }) status?: PostingStatus | null;
}

@ObjectType('BulkItemError')
export class BulkItemErrorType {
  @Field(() => String, { description: 'BAD_USER_INPUT, FORBIDDEN, NOT_FOUND (CONFLICT for a concurrent write of the same externalRef)' })
  code!: string;
  @Field(() => String, { description: 'The message createJobPosting gives for the same input' }) message!: string;
  @Field(() => String, { nullable: true, description: 'The input field at fault, e.g. salaryMin' }) field!: string | null;
}

@ObjectType('BulkItemResult')
export class BulkItemResultType {
  @Field(() => Int, { description: 'Position in the request' }) index!: number;
  @Field(() => String, { nullable: true }) externalRef!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null when the item failed' }) id!: string | null;
  @Field(() => String, { description: '"created" | "updated" | "unchanged" | "failed"' }) outcome!: string;
  @Field(() => BulkItemErrorType, { nullable: true }) error!: BulkItemErrorType | null;
}

@ObjectType('BulkResult')
export class BulkResultType {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [BulkItemResultType]) items!: BulkItemResultType[];
}
