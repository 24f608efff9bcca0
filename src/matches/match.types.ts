import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RequirementKind } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import { QualificationType, qualificationViews } from '../qualifications/qualification.types.js';
import type { QualificationRecord } from '../qualifications/qualification.model.js';
import type { MatchResult } from '../matching/matching.types.js';
import { JobPostingType } from '../postings/posting.types.js';
import { CandidateType } from '../candidates/candidate.types.js';

@ObjectType('MissingRequirement')
export class MissingRequirementType {
  @Field(() => RequirementKind) kind!: RequirementKind;
  @Field(() => String, { nullable: true, description: 'The qualification code for QUALIFICATION; null otherwise' })
  code!: string | null;
  @Field(() => String) detail!: string;
}

@ObjectType('MatchExplanation')
export class MatchExplanationType {
  @Field(() => [MissingRequirementType], { description: 'Empty exactly when eligible' }) missing!: MissingRequirementType[];
  @Field(() => [QualificationType]) matchedRequired!: QualificationType[];
  @Field(() => [QualificationType]) matchedPreferred!: QualificationType[];
  @Field(() => String) summary!: string;
}

@ObjectType('JobMatch')
export class JobMatchType {
  @Field(() => JobPostingType) posting!: JobPostingType;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => MatchExplanationType) explanation!: MatchExplanationType;
  @Field(() => Float, { nullable: true, description: 'Miles from filter.near; set when it is given' }) distanceMiles!: number | null;
}

@ObjectType('CandidateMatch')
export class CandidateMatchType {
  @Field(() => CandidateType) candidate!: CandidateType;
  @Field(() => Float) score!: number;
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => MatchExplanationType) explanation!: MatchExplanationType;
}

@ObjectType('JobMatchEdge')
export class JobMatchEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => JobMatchType) node!: JobMatchType;
}

@ObjectType('JobMatchConnection')
export class JobMatchConnectionType {
  @Field(() => [JobMatchEdgeType]) edges!: JobMatchEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('CandidateMatchEdge')
export class CandidateMatchEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => CandidateMatchType) node!: CandidateMatchType;
}

@ObjectType('CandidateMatchConnection')
export class CandidateMatchConnectionType {
  @Field(() => [CandidateMatchEdgeType]) edges!: CandidateMatchEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}

export function toMatchExplanationView(result: MatchResult, catalog: ReadonlyMap<string, QualificationRecord>): MatchExplanationType {
  return {
    missing: result.missing,
    matchedRequired: qualificationViews(result.matchedRequiredCodes, catalog),
    matchedPreferred: qualificationViews(result.matchedPreferredCodes, catalog),
    summary: result.summary,
  };
}
