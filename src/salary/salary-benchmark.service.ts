// Salary benchmarks (DESIGN §9): BLS OEWS wage percentiles by state and national, from the
// data file loaded once at start-up, and where a posting's salaryCeiling sits among them.
import type { SalaryBenchmarkData, AreaWages } from './salary-benchmark.data.js';
import { salaryPercentile } from './salary-percentile.js';
import { normalizeState } from '../shared/normalize.js';
import { InputChecks, isUsState } from '../shared/validation.js';

export const DEFAULT_OCCUPATION_CODE = '11-9111.00';
const OCCUPATION_PATTERN = /^\d{2}-\d{4}(\.\d{2})?$/;

export interface SalaryBenchmark extends AreaWages {
  occupationCode: string;
  source: string;
}

export class SalaryBenchmarkService {
  constructor(private readonly data: SalaryBenchmarkData) {}

  /**
   * Query.salaryBenchmark: the state's figures (national with no state), or null when the
   * file has none for it (an occupation or territory BLS does not publish here).
   */
  benchmark(stateArg: string | null | undefined, occupationArg: string | null | undefined): SalaryBenchmark | null {
    const state = normalizeState(stateArg) || null;
    const occupation = (occupationArg ?? DEFAULT_OCCUPATION_CODE).trim();
    const checks = new InputChecks();
    if (state !== null) checks.require(isUsState(state), 'state', 'must be a two-letter US state code');
    checks.require(OCCUPATION_PATTERN.test(occupation), 'occupationCode', 'must be an O*NET-SOC code like "11-9111.00"');
    checks.throwIfAny();
    if (!this.covers(occupation)) return null;
    return this.area(state ?? '');
  }

  /** JobPosting.salaryBenchmark: the posting's state when the file has it, else national. */
  forPosting(posting: { state: string | null }): SalaryBenchmark | null {
    return (posting.state ? this.area(posting.state) : null) ?? this.area('');
  }

  /** JobPosting.salaryPercentile: salaryMax, else salaryMin (the salaryCeiling), in its benchmark. */
  percentileForPosting(posting: { state: string | null; salaryMin: number | null; salaryMax: number | null }): number | null {
    const benchmark = this.forPosting(posting);
    return benchmark ? salaryPercentile(posting.salaryMax ?? posting.salaryMin, benchmark) : null;
  }

  /** "11-9111" and "11-9111.00" name the same SOC occupation. */
  private covers(occupation: string): boolean {
    const bare = (code: string) => code.replace(/\.00$/, '');
    return bare(occupation) === bare(this.data.occupationCode);
  }

  private area(key: string): SalaryBenchmark | null {
    const wages = this.data.areas.get(key);
    return wages ? { ...wages, occupationCode: this.data.occupationCode, source: this.data.source } : null;
  }
}
