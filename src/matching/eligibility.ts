// DESIGN §5 rules 1-3 and the `missing` list: exactly one entry per unmet requirement (one
// DEGREE, one EXPERIENCE, one QUALIFICATION per unmet code), empty exactly when eligible.
import { RequirementKind } from '../shared/enums.js';
import type {
  CandidateProfile,
  CatalogQualification,
  IsoDate,
  MissingRequirement,
  PostingProfile,
} from './matching.types.js';
import { meetsDegree } from './degree.js';
import { DAYS_PER_YEAR, experienceDays, meetsExperience } from './experience.js';
import { evaluateQualification } from './qualifications.js';
import { distinctCodes } from '../shared/normalize.js';
import { degreeDetail, experienceDetail, qualificationDetail } from './explanation.js';

export interface EligibilityResult {
  eligible: boolean;
  missing: MissingRequirement[];
  /** Required codes (normalised, posting order, distinct) the candidate satisfies. */
  matchedRequiredCodes: string[];
  /** Number of hard requirements the posting has (degree, experience > 0, each code). */
  requirementCount: number;
  experienceDays: number;
  yearsOfExperience: number;
}

function catalogEntry(catalog: ReadonlyMap<string, CatalogQualification>, code: string): CatalogQualification | undefined {
  return catalog.get(code);
}

export function evaluateEligibility(
  candidate: CandidateProfile,
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): EligibilityResult {
  const missing: MissingRequirement[] = [];
  let requirementCount = 0;

  if (posting.minDegree !== null) {
    requirementCount++;
    if (!meetsDegree(candidate.degrees, posting)) {
      missing.push({
        kind: RequirementKind.DEGREE,
        code: null,
        detail: degreeDetail(posting.minDegree.minLevel, posting.minDegree.fields, candidate.degrees),
      });
    }
  }

  const days = experienceDays(candidate.experience, today);
  const years = days / DAYS_PER_YEAR;
  // A 0-year minimum is not a requirement a candidate could miss; don't count it as "met".
  if (posting.minYearsExperience > 0) {
    requirementCount++;
    if (!meetsExperience(days, posting.minYearsExperience)) {
      missing.push({
        kind: RequirementKind.EXPERIENCE,
        code: null,
        detail: experienceDetail(posting.minYearsExperience, years),
      });
    }
  }

  const matchedRequiredCodes: string[] = [];
  for (const code of distinctCodes(posting.requiredQualificationCodes)) {
    requirementCount++;
    const status = evaluateQualification(code, candidate.qualifications, catalog, posting.state, today);
    if (status.ok) {
      matchedRequiredCodes.push(code);
    } else {
      missing.push({
        kind: RequirementKind.QUALIFICATION,
        code,
        detail: qualificationDetail(code, status, catalogEntry(catalog, code)),
      });
    }
  }

  return {
    eligible: missing.length === 0,
    missing,
    matchedRequiredCodes,
    requirementCount,
    experienceDays: days,
    yearsOfExperience: years,
  };
}
