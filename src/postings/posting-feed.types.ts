// GraphQL types of the feeds block (contract-next "feeds and data rights"): the bulk upsert
// input and its per-item results.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CareSetting, EmploymentType, PostingStatus } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { DegreeRequirementInput } from './posting.types.js';

@InputType('JobPostingUpsertInput')
export class JobPostingUpsertInput {
  @Field(() => String, { description: "The feed's own id: unique per employer; the upsert key" }) externalRef!: string;
  @Field(() => ID) employerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => CareSetting, { nullable: true, description: "Default: the employer's setting" }) setting?: CareSetting | null;
  @Field(() => EmploymentType, { nullable: true, defaultValue: EmploymentType.FULL_TIME }) employmentType?: EmploymentType | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) remote?: boolean | null;
  @Field(() => Int, { nullable: true }) salaryMin?: number | null;
  @Field(() => Int, { nullable: true }) salaryMax?: number | null;
  @Field(() => DegreeRequirementInput, { nullable: true }) minDegree?: DegreeRequirementInput | null;
  @Field(() => Float, { nullable: true, defaultValue: 0 }) minYearsExperience?: number | null;
  @Field(() => [String], { nullable: true, defaultValue: [] }) requiredQualificationCodes?: string[] | null;
  @Field(() => [String], { nullable: true, defaultValue: [] }) preferredQualificationCodes?: string[] | null;
  @Field(() => [String], { nullable: true, defaultValue: [] }) skills?: string[] | null;
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
