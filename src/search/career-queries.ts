// The search port's career and market questions (DESIGN §9 "Career steps", "Talent supply"),
// in their own file so the port itself stays readable. Both engines answer them by counting in
// the index; no posting or candidate list leaves the engine.
import type { CandidateProfile, CatalogQualification, IsoDate } from '../matching/matching.types.js';
import type { StepCount } from '../matching/career-steps.js';
import type { CandidateSearchFilter, PostingSearchFilter } from './search-engine.js';

export type { StepCount } from '../matching/career-steps.js';

export interface CareerStepsQuery {
  candidate: CandidateProfile;
  /** Which open postings count (PostingFilter). */
  filter?: PostingSearchFilter | null;
  catalog: ReadonlyMap<string, CatalogQualification>;
  today: IsoDate;
}

export interface CandidateCountsQuery {
  /** Each a CandidateFilter with codes resolved to tokens (qualification, degree, experience parts). */
  filters: readonly CandidateSearchFilter[];
  today: IsoDate;
}

export interface CareerSearch {
  /**
   * Every single change to the candidate (matching/career-steps.ts) that makes open postings
   * (after filter) eligible that are not now, with the exact count and median salaryCeiling of
   * those postings; steps unlocking none are left out. Any order (the service orders them).
   */
  careerSteps(query: CareerStepsQuery): Promise<StepCount[]>;
  /** Exact number of discoverable candidates passing each filter on `today`, in order. */
  countCandidates(query: CandidateCountsQuery): Promise<number[]>;
}
