// The exact path: one candidate against one posting, with score and explanation. The service
// runs it on the page the search engine returns; the engine ranks with the same fitScore and
// matchScore, so both agree on order.
import type { CandidateProfile, CatalogQualification, IsoDate, MatchResult, PostingProfile } from './matching.types.js';
import { evaluateEligibility } from './eligibility.js';
import { fitFeaturesFromParts, matchedPreferredCodes } from './features.js';
import { fitScore, matchScore } from './scoring.js';
import { summarize } from './explanation.js';

export function matchCandidateToPosting(
  candidate: CandidateProfile,
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): MatchResult {
  const eligibility = evaluateEligibility(candidate, posting, catalog, today);
  const preferred = matchedPreferredCodes(candidate, posting, catalog, today);
  const features = fitFeaturesFromParts(candidate, posting, today, {
    years: eligibility.yearsOfExperience,
    preferredHeld: preferred.length,
  });
  const score = matchScore(eligibility.eligible, eligibility.missing.length, fitScore(features));
  return {
    eligible: eligibility.eligible,
    score,
    missing: eligibility.missing,
    matchedRequiredCodes: eligibility.matchedRequiredCodes,
    matchedPreferredCodes: preferred,
    summary: summarize({
      eligible: eligibility.eligible,
      missing: eligibility.missing,
      requirementCount: eligibility.requirementCount,
      preferredHeld: preferred.length,
      preferredTotal: features.preferredTotal,
      sharedSkills: features.skillOverlap,
      postingSkillCount: features.postingSkillCount,
    }),
  };
}
