import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { CareSetting } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import { GeoRadiusInput } from '../geo/geo.types.js';
import { DegreeRequirementInput } from '../postings/posting.types.js';
import { FacetCountType } from '../postings/posting-search.types.js';
import { CandidateType } from './candidate.types.js';
import type { CandidateFacetSource } from './candidate-search.service.js';

@InputType('QualificationHeldInput')
export class QualificationHeldInput {
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true, description: 'For a state-specific qualification: granted in this state' })
  state?: string | null;
}

@InputType('CandidateFilter')
export class CandidateFilter {
  @Field(() => [String], { nullable: true, description: "The candidate's own state" }) states?: string[] | null;
  @Field(() => [QualificationHeldInput], { nullable: true, description: 'ALL must be held and current today' })
  qualifications?: QualificationHeldInput[] | null;
  @Field(() => DegreeRequirementInput, { nullable: true, description: "Same rule as a posting's minDegree" })
  minDegree?: DegreeRequirementInput | null;
  @Field(() => Float, { nullable: true }) minYearsExperience?: number | null;
  @Field(() => [CareSetting], { nullable: true, description: 'Has experience in at least one of these settings' })
  settings?: CareSetting[] | null;
  @Field(() => GeoRadiusInput, { nullable: true, description: "The candidate's zip (or city+state) within the radius" })
  near?: GeoRadiusInput | null;
}

@ObjectType('CandidateFacets', { description: 'Disjunctive, like PostingFacets' })
export class CandidateFacetsType {
  @Field(() => [FacetCountType]) states!: FacetCountType[];
  @Field(() => [FacetCountType], { description: 'By held, current qualification code' }) qualifications!: FacetCountType[];
  @Field(() => [FacetCountType], { description: "By the candidate's highest degree level" }) degreeLevels!: FacetCountType[];
}

@ObjectType('CandidateEdge')
export class CandidateEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => CandidateType) node!: CandidateType;
  @Field(() => Float, { nullable: true, description: 'Miles from filter.near; set when it is given' }) distanceMiles!: number | null;
}

@ObjectType('CandidateConnection')
export class CandidateConnectionType {
  @Field(() => [CandidateEdgeType]) edges!: CandidateEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
  // `facets` is a field resolver: counted only when selected.
  facetSource!: CandidateFacetSource;
}
