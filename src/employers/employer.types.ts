import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/graphql/page-info.types.js';
import { CareSetting } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import type { EmployerRecord } from './employer.model.js';

@ObjectType('Employer')
export class EmployerType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => CareSetting) setting!: CareSetting;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'Two-letter US state code, upper case' }) state!: string | null;
}

@InputType('EmployerInput')
export class EmployerInput {
  @Field(() => String) name!: string;
  @Field(() => CareSetting) setting!: CareSetting;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
}

@ObjectType('EmployerEdge')
export class EmployerEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => EmployerType) node!: EmployerType;
}

@ObjectType('EmployerConnection')
export class EmployerConnectionType {
  @Field(() => [EmployerEdgeType]) edges!: EmployerEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}

export function toEmployerView(e: EmployerRecord): EmployerType {
  return { id: e._id.toHexString(), name: e.name, setting: e.setting, city: e.city, state: e.state };
}
