import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import { JobPostingType } from './posting.types.js';
import type { PostingFacetSource } from './posting-search.service.js';

@ObjectType('FacetCount')
export class FacetCountType {
  @Field(() => String) value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('PostingFacets', {
  description: "Disjunctive: each facet applies every other active filter and the words, not its own. Count desc, then value asc; zeros left out",
})
export class PostingFacetsType {
  @Field(() => [FacetCountType]) states!: FacetCountType[];
  @Field(() => [FacetCountType]) settings!: FacetCountType[];
  @Field(() => [FacetCountType]) employmentTypes!: FacetCountType[];
  @Field(() => [FacetCountType], { description: 'Values "true" / "false"' }) remote!: FacetCountType[];
  @Field(() => [FacetCountType], { description: 'By salaryCeiling: "<50000", "50000-74999", ..., ">=150000"; postings without a salary are not counted' })
  salaryBands!: FacetCountType[];
}

@ObjectType('JobPostingEdge')
export class JobPostingEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => JobPostingType) node!: JobPostingType;
  @Field(() => Float, { nullable: true, description: 'Miles from filter.near; set when it is given' }) distanceMiles!: number | null;
}

@ObjectType('JobPostingConnection')
export class JobPostingConnectionType {
  @Field(() => [JobPostingEdgeType]) edges!: JobPostingEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
  // `facets` is a field resolver (posting-search.resolver.ts): counted only when selected.
  facetSource!: PostingFacetSource;
}
