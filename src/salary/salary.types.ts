import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SalaryBenchmark', { description: 'BLS OEWS annual wage percentiles (public domain)' })
export class SalaryBenchmarkType {
  @Field(() => String, { description: '"11-9111.00"' }) occupationCode!: string;
  @Field(() => String, { nullable: true, description: 'null: national figures' }) state!: string | null;
  @Field(() => Int, { nullable: true }) p10!: number | null;
  @Field(() => Int, { nullable: true }) p25!: number | null;
  @Field(() => Int, { nullable: true }) median!: number | null;
  @Field(() => Int, { nullable: true }) p75!: number | null;
  @Field(() => Int, { nullable: true }) p90!: number | null;
  @Field(() => String, { description: 'e.g. "BLS OEWS May 2025"' }) source!: string;
}
