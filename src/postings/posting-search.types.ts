import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import { JobPostingType } from './posting.types.js';

@ObjectType('JobPostingEdge')
export class JobPostingEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => JobPostingType) node!: JobPostingType;
}

@ObjectType('JobPostingConnection')
export class JobPostingConnectionType {
  @Field(() => [JobPostingEdgeType]) edges!: JobPostingEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
