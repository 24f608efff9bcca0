// The score: pure arithmetic over a few numbers so a search engine can rank 100,000 postings
// per request with it (no allocation, no strings, no dates).
//
//   fit   = 0.40 · alignment + 0.30 · preferred + 0.25 · skills + 0.05 · setting      ∈ [0, 1]
//     alignment = ½ · 1/(1 + |degreeGap|) + ½ · 1/(1 + |experienceGap| / 5)
//     preferred = ½ · h/(h + 1) + ½ · h/t          (h preferred held, t preferred listed)
//     skills    = ½ · o/(o + 1) + ½ · o/n          (o shared skills, n posting skills)
//   score = 0.5 + 0.5 · (0.02 + 0.98 · fit)                   when eligible   ∈ [0.51, 1]
//         = lo_k + (hi_k - lo_k) · (0.01 + 0.98 · fit),  lo_k = 0.5/(k+1), hi_k = 0.5/k
//                                                          with k missing     ⊂ [0, 0.5)
//
// Why this shape (DESIGN §5):
// - Eligibility and the number of missing requirements are lexicographically first: each
//   missing count k owns its own band strictly inside (lo_k, hi_k), so no fit can lift a
//   match with more missing requirements above one with fewer, for any k (bands stay
//   distinguishable in doubles up to millions of missing requirements).
// - Within a band no term dominates lexicographically; alignment carries the largest weight
//   (0.40) because a posting at the candidate's level is the main signal of relevance, the
//   preferred-qualification (0.30) and skill (0.25) terms follow. With equal preferences and
//   skills, alignment decides: a master's + 12 years candidate scores a MASTER + 10y role at
//   alignment ½·1 + ½·1/1.4 ≈ 0.857 and an ASSOCIATE + 0y role at ½·⅓ + ½·1/3.4 ≈ 0.314.
//   A strong preferred/skill match CAN outweigh a modest alignment difference; that is meant.
// - Every term is strictly monotone in its feature: each extra held preferred qualification
//   raises h/(h+1), and h/t never falls when a posting adds a preferred code the candidate
//   holds ((h+1)/(t+1) >= h/t for h <= t), so "posting A = posting B + one held preferred
//   code" and "candidate A = candidate B + one preferred code" both score strictly higher.
//   The same argument holds for shared skills. Equal scores therefore come from equal
//   features (up to floating-point coincidence), and ordering ties break by postedAt and id.
// - Alignment uses |gap|, so among ineligible matches being one level short beats being
//   three short, and among eligible ones the least over-qualified fit wins.
// - Alignment is the same from the posting's side: a recruiter sees candidates whose level
//   sits closest to the posting's requirements first, not simply the most senior.

/** Rank used for "no degree required" and "holds no (qualifying) degree": below HIGH_SCHOOL. */
export const NO_DEGREE_RANK = -1;
/** Years of experience gap that halves the experience-alignment term. */
export const EXPERIENCE_GAP_SCALE = 5;

export const FIT_WEIGHTS = Object.freeze({ alignment: 0.4, preferred: 0.3, skills: 0.25, setting: 0.05 });

export interface FitFeatures {
  /** Rank of the candidate's best qualifying degree minus the required rank (NO_DEGREE_RANK for none). */
  degreeGap: number;
  /** Candidate years of experience minus the posting's minYearsExperience. */
  experienceGap: number;
  /** Preferred qualifications of the posting the candidate holds, current and in the right state. */
  preferredHeld: number;
  /** Distinct preferred qualifications the posting lists. */
  preferredTotal: number;
  /** Distinct normalised skills shared by candidate and posting. */
  skillOverlap: number;
  /** Distinct normalised skills the posting lists. */
  postingSkillCount: number;
  /** 1 when the candidate has worked in the posting's care setting, else 0 (absent = 0). */
  settingMatch?: number;
}

/** h/(h+1) plus coverage h/t: strictly increasing in h, and in (h, t) -> (h+1, t+1). */
function countTerm(held: number, total: number): number {
  const h = held > 0 ? held : 0;
  const coverage = total > 0 ? (h >= total ? 1 : h / total) : 0;
  return 0.5 * (h / (h + 1)) + 0.5 * coverage;
}

export function fitScore(f: FitFeatures): number {
  const dg = f.degreeGap < 0 ? -f.degreeGap : f.degreeGap;
  const eg = f.experienceGap < 0 ? -f.experienceGap : f.experienceGap;
  const alignment = 0.5 / (1 + dg) + 0.5 / (1 + eg / EXPERIENCE_GAP_SCALE);
  const preferred = countTerm(f.preferredHeld, f.preferredTotal);
  const skills = countTerm(f.skillOverlap, f.postingSkillCount);
  const setting = f.settingMatch !== undefined && f.settingMatch > 0 ? 1 : 0;
  const fit =
    FIT_WEIGHTS.alignment * alignment +
    FIT_WEIGHTS.preferred * preferred +
    FIT_WEIGHTS.skills * skills +
    FIT_WEIGHTS.setting * setting;
  // NaN features (malformed data) must not poison the ordering: treat as no fit.
  return fit > 0 ? (fit < 1 ? fit : 1) : 0;
}

const ELIGIBLE_FLOOR = 0.02;
const BAND_MARGIN = 0.01;

/**
 * Final score in [0, 1]: eligible in [0.51, 1], ineligible with k missing requirements
 * strictly inside (0.5/(k+1), 0.5/k). `fit` is clamped to [0, 1]; an ineligible match with
 * a missing count below 1 is treated as 1 missing.
 */
export function matchScore(eligible: boolean, missingCount: number, fit: number): number {
  const f = fit > 0 ? (fit < 1 ? fit : 1) : 0;
  if (eligible) return 0.5 + 0.5 * (ELIGIBLE_FLOOR + (1 - ELIGIBLE_FLOOR) * f);
  const k = missingCount >= 1 ? Math.floor(missingCount) : 1;
  const hi = 0.5 / k;
  const lo = 0.5 / (k + 1);
  return lo + (hi - lo) * (BAND_MARGIN + (1 - 2 * BAND_MARGIN) * f);
}
