import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import type { PostingRecord } from './posting.model.js';
import { GeoRadiusInput } from '../geo/geo.types.js';
import { recordLocation } from '../geo/geo-input.js';
import { DEFAULT_OCCUPATION_CODE } from './posting-input.js';

@ObjectType('DegreeRequirement')
export class DegreeRequirementType {
  @Field(() => DegreeLevel) minLevel!: DegreeLevel;
  @Field(() => [String], { description: 'Empty: any field of study' }) fields!: string[];
}

@ObjectType('JobPosting')
export class JobPostingType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => CareSetting) setting!: CareSetting;
  @Field(() => EmploymentType) employmentType!: EmploymentType;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) zip!: string | null;
  @Field(() => Float, { nullable: true, description: 'From zip, else the city+state centroid; null when unknown' })
  latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => Boolean) remote!: boolean;
  @Field(() => Int, { nullable: true }) salaryMin!: number | null;
  @Field(() => Int, { nullable: true }) salaryMax!: number | null;
  @Field(() => DegreeRequirementType, { nullable: true }) minDegree!: DegreeRequirementType | null;
  @Field(() => Float) minYearsExperience!: number;
  @Field(() => [String]) skills!: string[];
  @Field(() => PostingStatus) status!: PostingStatus;
  @Field(() => DateTimeISOResolver) postedAt!: Date;
  @Field(() => String, { nullable: true, description: "The job board's own reference for this posting" })
  externalRef!: string | null;
  @Field(() => String, { description: 'O*NET-SOC occupation code, default "11-9111.00" (medical and health services managers)' })
  occupationCode!: string;
  // Not exposed directly: resolved into Employer / Qualification objects by field resolvers.
  employerId!: string;
  /** For jsonLd's validThrough. */
  closedAt!: Date | null;
  validThrough!: Date | null;
  requiredQualificationCodes!: string[];
  preferredQualificationCodes!: string[];
}

@InputType('DegreeRequirementInput')
export class DegreeRequirementInput {
  @Field(() => DegreeLevel) minLevel!: DegreeLevel;
  @Field(() => [String], { nullable: true, defaultValue: [] }) fields?: string[] | null;
}

@InputType('JobPostingUpdateInput')
export class JobPostingUpdateInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => CareSetting, { nullable: true }) setting?: CareSetting | null;
  @Field(() => EmploymentType, { nullable: true }) employmentType?: EmploymentType | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => Boolean, { nullable: true }) remote?: boolean | null;
  @Field(() => Int, { nullable: true }) salaryMin?: number | null;
  @Field(() => Int, { nullable: true }) salaryMax?: number | null;
  @Field(() => DegreeRequirementInput, { nullable: true }) minDegree?: DegreeRequirementInput | null;
  @Field(() => Float, { nullable: true }) minYearsExperience?: number | null;
  @Field(() => [String], { nullable: true }) requiredQualificationCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) preferredQualificationCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) skills?: string[] | null;
}

/**
 * The posting fields createJobPosting and upsertJobPostings share (one definition for both
 * inputs). Decorated so type-graphql registers it; not referenced by any field, so the schema
 * never shows it.
 */
@InputType('PostingFieldsInput')
export abstract class PostingFieldsInput {
  @Field(() => ID) employerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => CareSetting, { nullable: true, description: "Default: the employer's setting" })
  setting?: CareSetting | null;
  @Field(() => EmploymentType, { nullable: true, defaultValue: EmploymentType.FULL_TIME })
  employmentType?: EmploymentType | null;
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
}

@InputType('JobPostingInput')
export class JobPostingInput extends PostingFieldsInput {
  @Field(() => String, { nullable: true, description: "The job board's own reference for this posting" })
  externalRef?: string | null;
}

@InputType('PostingFilter')
export class PostingFilter {
  @Field(() => [String], { nullable: true }) states?: string[] | null;
  @Field(() => [CareSetting], { nullable: true }) settings?: CareSetting[] | null;
  @Field(() => [EmploymentType], { nullable: true }) employmentTypes?: EmploymentType[] | null;
  @Field(() => Boolean, { nullable: true }) remote?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Postings whose salaryMax (or salaryMin) reaches this' })
  minSalary?: number | null;
  @Field(() => ID, { nullable: true }) employerId?: string | null;
  @Field(() => GeoRadiusInput, { nullable: true, description: "The posting's zip (or city+state) within the radius; remote postings excluded" })
  near?: GeoRadiusInput | null;
}

export function toPostingView(p: PostingRecord): JobPostingType {
  return {
    id: p._id.toHexString(),
    title: p.title,
    description: p.description,
    setting: p.setting,
    employmentType: p.employmentType,
    city: p.city,
    state: p.state,
    zip: p.zip ?? null,
    ...recordLocation(p),
    remote: p.remote,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    minDegree: p.minDegree ? { minLevel: p.minDegree.minLevel, fields: [...p.minDegree.fields] } : null,
    minYearsExperience: p.minYearsExperience,
    skills: [...p.skills],
    status: p.status,
    postedAt: p.postedAt,
    externalRef: p.externalRef,
    occupationCode: p.occupationCode ?? DEFAULT_OCCUPATION_CODE,
    employerId: p.employerId.toHexString(),
    closedAt: p.closedAt ?? null,
    validThrough: p.validThrough ?? null,
    requiredQualificationCodes: [...p.requiredQualificationCodes],
    preferredQualificationCodes: [...p.preferredQualificationCodes],
  };
}
