import { Arg, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { JobPostingType } from '../postings/posting.types.js';
import { SalaryBenchmarkType } from './salary.types.js';
import { DEFAULT_OCCUPATION_CODE, type SalaryBenchmarkService } from './salary-benchmark.service.js';

@Resolver(() => JobPostingType)
export class SalaryResolver {
  constructor(private readonly salaries: SalaryBenchmarkService) {}

  @Query(() => SalaryBenchmarkType, {
    name: 'salaryBenchmark',
    nullable: true,
    description: 'Public: BLS OEWS wages by state (national without one); null for an occupation the data file lacks',
  })
  salaryBenchmarkQuery(
    @Arg('state', () => String, { nullable: true }) state: string | null,
    @Arg('occupationCode', () => String, { nullable: true, defaultValue: DEFAULT_OCCUPATION_CODE }) occupationCode: string | null,
  ): SalaryBenchmarkType | null {
    return this.salaries.benchmark(state, occupationCode);
  }

  @FieldResolver(() => SalaryBenchmarkType, { nullable: true, description: "The posting's state, else national" })
  salaryBenchmark(@Root() posting: JobPostingType): SalaryBenchmarkType | null {
    return this.salaries.forPosting(posting);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Where the posting's salaryCeiling sits in its benchmark, 0..100" })
  salaryPercentile(@Root() posting: JobPostingType): number | null {
    return this.salaries.percentileForPosting(posting);
  }
}
