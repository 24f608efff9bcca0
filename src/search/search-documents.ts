// The documents an engine holds (built by documents/posting-document.ts and
// candidate-document.ts); the port (search-engine.ts) re-exports them.
import type { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../shared/enums.js';
import type { CandidateDegree, ExperienceInterval, IsoDate } from '../matching/matching.types.js';

/** What the index knows about a posting. Free-text terms (skills, fields) are normalised. */
export interface PostingSearchDocument {
  id: string;
  /** The record's updatedAt in epoch ms when built from MongoDB: what reconciliation compares. */
  version?: number;
  title: string;
  description: string;
  employerId: string;
  employerName: string;
  setting: CareSetting;
  employmentType: EmploymentType;
  city: string | null;
  /** Two-letter upper-case code, or null. */
  state: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  /** salaryMax, else salaryMin: what `minSalary` is compared with (null: never reaches it). */
  salaryCeiling: number | null;
  status: PostingStatus;
  /** Epoch milliseconds. */
  postedAt: number;
  skills: string[];
  /** Rank in DEGREE_LEVEL_ORDER of the minimum degree, or null when no degree is required. */
  minDegreeRank: number | null;
  minDegreeFields: string[];
  /** The candidate must hold at least one of these degree tokens (see documents/search-tokens.ts). */
  degreeTokens: string[];
  minYearsExperience: number;
  /** Upper-case codes, in the posting's order. */
  requiredQualificationCodes: string[];
  /** One token per required code; state-specific codes carry the posting's state ("NHA_in_TX"). */
  requiredQualificationTokens: string[];
  preferredQualificationCodes: string[];
  /** Same token rule as the required ones: a preferred licence counts in the posting's state. */
  preferredQualificationTokens: string[];
  /** From the zip, else the city+state centroid (stored in MongoDB too); null: unknown. */
  latitude: number | null;
  longitude: number | null;
  /** salaryBand(salaryCeiling) (matching/facets.ts), the salaryBands facet's value. */
  salaryBand: string | null;
}

/** One held qualification as the candidate entered it (code and state upper case). */
export interface CandidateQualificationEntry {
  code: string;
  state: string | null;
  expiresOn: IsoDate | null;
}

/** What the index knows about a candidate. */
export interface CandidateSearchDocument {
  id: string;
  /** The record's updatedAt in epoch ms when built from MongoDB: what reconciliation compares. */
  version?: number;
  discoverable: boolean;
  state: string | null;
  /** Degree levels with normalised fields. */
  degrees: CandidateDegree[];
  /** Every degree token the candidate satisfies (see documents/search-tokens.ts). */
  degreeTokens: string[];
  qualifications: CandidateQualificationEntry[];
  /**
   * Token -> latest expiry epoch day (NO_EXPIRY_DAY when it never expires). Tokens are the bare
   * code, plus code+state for a qualification held with a state, so "held AND current on day D
   * AND granted in S" is the single comparison `qualificationExpiry[token(code, S)] >= D`.
   */
  qualificationExpiry: Record<string, number>;
  experience: ExperienceInterval[];
  /**
   * experienceGrowthAnchor() taken on `indexedOnDay`: experience days on a day d in
   * [indexedOnDay, experienceValidUntilDay) are `d - experienceEffectiveStartDay` while a
   * position is open, else `experienceClosedDays`; outside that range use the intervals.
   */
  indexedOnDay: number;
  experienceClosedDays: number;
  experienceEffectiveStartDay: number | null;
  experienceValidUntilDay: number | null;
  skills: string[];
  /** Free text searchCandidates matches (headline x3, experience titles and skills x2, summary x1). */
  headline: string | null;
  summary: string | null;
  experienceTitles: string[];
  /** Distinct settings of the experience entries (CandidateFilter.settings). */
  experienceSettings: CareSetting[];
  /** The highest degree level held, or null (the degreeLevels facet). */
  highestDegree: DegreeLevel | null;
  latitude: number | null;
  longitude: number | null;
}
