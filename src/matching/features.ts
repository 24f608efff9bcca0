// Feature extraction for the score on the exact path: turns profiles into the few numbers
// fitScore works on. A search engine computes the same numbers from its index fields.
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from './matching.types.js';
import { bestQualifyingDegreeRank, requiredDegreeRank } from './degree.js';
import { yearsOfExperience } from './experience.js';
import { evaluateQualification } from './qualifications.js';
import { distinctCodes, normalizeTerms } from '../shared/normalize.js';
import type { FitFeatures } from './scoring.js';

/** Preferred codes (normalised, distinct, posting order) held, current and in the right state. */
export function matchedPreferredCodes(
  candidate: CandidateProfile,
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): string[] {
  const out: string[] = [];
  for (const code of distinctCodes(posting.preferredQualificationCodes)) {
    if (evaluateQualification(code, candidate.qualifications, catalog, posting.state, today).ok) out.push(code);
  }
  return out;
}

/** Distinct skills (trimmed, case-insensitive) listed by both. */
export function sharedSkillCount(candidateSkills: readonly string[], postingSkills: readonly string[]): number {
  const mine = new Set(normalizeTerms(candidateSkills));
  let n = 0;
  for (const s of normalizeTerms(postingSkills)) if (mine.has(s)) n++;
  return n;
}

/** 1 when some position of the candidate (started by today) was in the posting's care setting. */
export function settingMatch(candidate: CandidateProfile, posting: PostingProfile, today: IsoDate): number {
  for (const e of candidate.experience) {
    if (e.setting != null && e.setting === posting.setting && e.startDate <= today) return 1;
  }
  return 0;
}

export interface FitParts {
  years: number;
  preferredHeld: number;
}

/** Builds FitFeatures; `parts` lets matchCandidateToPosting reuse what it already computed. */
export function fitFeaturesFromParts(
  candidate: CandidateProfile,
  posting: PostingProfile,
  today: IsoDate,
  parts: FitParts,
): FitFeatures {
  const fields = posting.minDegree?.fields ?? [];
  return {
    degreeGap: bestQualifyingDegreeRank(candidate.degrees, fields) - requiredDegreeRank(posting),
    experienceGap: parts.years - posting.minYearsExperience,
    preferredHeld: parts.preferredHeld,
    preferredTotal: distinctCodes(posting.preferredQualificationCodes).length,
    skillOverlap: sharedSkillCount(candidate.skills, posting.skills),
    postingSkillCount: normalizeTerms(posting.skills).length,
    settingMatch: settingMatch(candidate, posting, today),
  };
}

export function computeFitFeatures(
  candidate: CandidateProfile,
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): FitFeatures {
  return fitFeaturesFromParts(candidate, posting, today, {
    years: yearsOfExperience(candidate.experience, today),
    preferredHeld: matchedPreferredCodes(candidate, posting, catalog, today).length,
  });
}
