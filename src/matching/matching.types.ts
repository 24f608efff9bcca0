// Plain data the pure matching code works on: no mongoose, no GraphQL.
// Dates are ISO calendar dates "YYYY-MM-DD" (LocalDate) so "today" is explicit and testable.
import type { DegreeLevel, CareSetting, QualificationKind, RequirementKind } from '../shared/enums.js';

export type { IsoDate } from '../shared/iso-date.js';
import type { IsoDate } from '../shared/iso-date.js';

/** What matching needs to know about a catalog entry. */
export interface CatalogQualification {
  code: string;
  stateSpecific: boolean;
  /** Only wording uses it ("NHA licence held in CA"); absent reads as a licence when stateSpecific. */
  kind?: QualificationKind;
}

export interface CandidateDegree {
  level: DegreeLevel;
  field: string;
}

export interface CandidateHeldQualification {
  code: string;
  expiresOn: IsoDate | null;
  state: string | null;
}

export interface ExperienceInterval {
  startDate: IsoDate;
  endDate: IsoDate | null; // null: current position, counts up to today
  /** Care setting of the position; feeds the optional setting-alignment term of the score. */
  setting?: CareSetting | null;
}

export interface CandidateProfile {
  id: string;
  degrees: CandidateDegree[];
  qualifications: CandidateHeldQualification[];
  experience: ExperienceInterval[];
  skills: string[];
}

export interface PostingProfile {
  id: string;
  minDegree: { minLevel: DegreeLevel; fields: string[] } | null;
  minYearsExperience: number;
  requiredQualificationCodes: string[];
  preferredQualificationCodes: string[];
  skills: string[];
  state: string | null;
  setting: CareSetting;
  postedAt: Date;
}

export interface MissingRequirement {
  kind: RequirementKind;
  code: string | null;
  detail: string;
}

export interface MatchResult {
  eligible: boolean;
  score: number; // 0..1
  missing: MissingRequirement[];
  matchedRequiredCodes: string[];
  matchedPreferredCodes: string[];
  summary: string;
}
