// Public surface of the pure matching module (no I/O). Other modules import from here.
export * from './matching.types.js';
export { isoToEpochDay, epochDayToIso } from './dates.js';
export { normalizeTerm, normalizeCode, normalizeTerms, distinctCodes } from '../shared/normalize.js';
export {
  DAYS_PER_YEAR,
  experienceDays,
  yearsOfExperience,
  meetsExperience,
  experienceGrowthAnchor,
  experienceDaysFromAnchor,
  type ExperienceGrowthAnchor,
} from './experience.js';
export { isQualificationCurrent, evaluateQualification, type QualificationStatus } from './qualifications.js';
export { fitScore, matchScore, NO_DEGREE_RANK, EXPERIENCE_GAP_SCALE, FIT_WEIGHTS, type FitFeatures } from './scoring.js';
export { degreeFieldMatches, bestQualifyingDegreeRank, requiredDegreeRank, meetsDegree } from './degree.js';
export { evaluateEligibility, type EligibilityResult } from './eligibility.js';
export { computeFitFeatures, matchedPreferredCodes, sharedSkillCount, settingMatch } from './features.js';
export { matchCandidateToPosting } from './match.js';
export { compareJobMatches, compareCandidateMatches, type JobRankKey, type CandidateRankKey } from './ordering.js';
export { addMonths, dueDate, renewalRuleFor, renewalStatus, daysUntil, type RenewalState, type RenewalRule, type RenewalStatus, type ContinuingEducationEntry, type CatalogRenewalRules, type HeldForRenewal } from './renewal.js';
