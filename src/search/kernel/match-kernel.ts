// The engines' per-document evaluation. It does not call the rules in src/matching: it MIRRORS
// them (degree.ts, eligibility.ts, features.ts) on packed, interned data, because calling the
// object-based rules per document would allocate and be ~50x slower. Only the final step is
// shared: fitScore/matchScore from src/matching/scoring.ts. tests/search/kernel/match-kernel.test.ts
// pins the mirror to the rules: on random profiles, the score, eligibility and missing count
// here equal matchCandidateToPosting's exactly.
//
// Layout: each document is ONE Int32Array (strings replaced by vocabulary ids) so a scan over
// 100,000 documents touches one small contiguous block per document instead of chasing a
// dozen objects; that, not arithmetic, is what bounds the ranking latency.
//   posting:   [minRank, settingIndex, nFields, nRequired, nPreferred, nSkills, ...lists]
//   candidate: [nDegrees, (rank, fieldId)*, nTokens, (tokenId, expiryDay)*, nSkills, skillId*,
//               nSettings, (settingIndex, firstStartDay)*]
import { CareSetting } from '../../shared/enums.js';
import { fitScore, matchScore, NO_DEGREE_RANK, type FitFeatures } from '../../matching/scoring.js';
import { DAYS_PER_YEAR, meetsExperience } from '../../matching/experience.js';

/** String -> small integer ids, so comparisons in the hot loop are integer compares. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  /** -1 for a value no document holds (it then matches nothing). */
  lookup(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  clear(): void {
    this.ids.clear();
  }

  /** The interned strings in id order (for snapshots and replica copies). */
  values(): string[] {
    return [...this.ids.keys()];
  }

  /** Replaces the contents with `values`, keeping each one's id (its position). */
  load(values: readonly string[]): void {
    this.ids.clear();
    for (const v of values) this.intern(v);
  }
}

export const SETTING_INDEX: ReadonlyMap<string, number> = new Map(Object.values(CareSetting).map((s, i) => [s, i]));

export const P_MIN_RANK = 0;
export const P_SETTING = 1;
export const P_LISTS = 6;

export function packPosting(
  minRank: number,
  settingIndex: number,
  fields: readonly number[],
  required: readonly number[],
  preferred: readonly number[],
  skills: readonly number[],
): Int32Array {
  return Int32Array.from([minRank, settingIndex, fields.length, required.length, preferred.length, skills.length, ...fields, ...required, ...preferred, ...skills]);
}

export interface PackedCandidateParts {
  degrees: readonly { rank: number; fieldId: number }[];
  tokens: readonly { tokenId: number; expiryDay: number }[];
  skills: readonly number[];
  settings: readonly { settingIndex: number; sinceDay: number }[];
}

export function packCandidate(c: PackedCandidateParts): Int32Array {
  return Int32Array.from([
    c.degrees.length, ...c.degrees.flatMap((d) => [d.rank, d.fieldId]),
    c.tokens.length, ...c.tokens.flatMap((t) => [t.tokenId, t.expiryDay]),
    c.skills.length, ...c.skills,
    c.settings.length, ...c.settings.flatMap((s) => [s.settingIndex, s.sinceDay]),
  ]);
}

/** Reusable out-parameter: the hot loop allocates nothing per document. */
export interface Evaluation {
  score: number;
  eligible: boolean;
  missing: number;
}

export function newEvaluation(): Evaluation {
  return { score: 0, eligible: false, missing: 0 };
}

/** Latest expiry day of `token` in the candidate's token section, or -Infinity when not held. */
function expiryOf(c: Int32Array, tokStart: number, token: number): number {
  if (token < 0) return -Infinity;
  const n = c[tokStart];
  for (let i = 0, k = tokStart + 1; i < n; i++, k += 2) if (c[k] === token) return c[k + 1];
  return -Infinity;
}

const scratch: FitFeatures = {
  degreeGap: 0, experienceGap: 0, preferredHeld: 0, preferredTotal: 0, skillOverlap: 0, postingSkillCount: 0, settingMatch: 0,
};

/**
 * Eligibility, missing count and exact score of candidate `c` (with `experienceDays` on
 * `todayDay`) for posting `p` (with `minYears`), written into `out`. With `eligibleOnly`, an
 * ineligible pair stops before scoring (score NaN): most pairs are ineligible and the caller
 * drops them anyway.
 */
export function evaluate(
  c: Int32Array,
  experienceDays: number,
  p: Int32Array,
  minYears: number,
  todayDay: number,
  eligibleOnly: boolean,
  out: Evaluation,
): Evaluation {
  const nFields = p[2];
  const nReq = p[3];
  const nPref = p[4];
  const nSkills = p[5];
  const reqStart = P_LISTS + nFields;
  const prefStart = reqStart + nReq;
  const skillStart = prefStart + nPref;

  // Degree: highest degree in an acceptable field (any when the posting lists none).
  const nDeg = c[0];
  let best = NO_DEGREE_RANK;
  for (let i = 0, k = 1; i < nDeg; i++, k += 2) {
    const r = c[k];
    if (r <= best) continue;
    if (nFields === 0) best = r;
    else {
      const f = c[k + 1];
      for (let j = P_LISTS; j < reqStart; j++) {
        if (p[j] === f && f >= 0) {
          best = r;
          break;
        }
      }
    }
  }
  const minRank = p[P_MIN_RANK];
  let missing = minRank !== NO_DEGREE_RANK && best < minRank ? 1 : 0;
  if (minYears > 0 && !meetsExperience(experienceDays, minYears)) missing++;

  const tokStart = 1 + 2 * nDeg;
  for (let j = reqStart; j < prefStart; j++) if (!(expiryOf(c, tokStart, p[j]) >= todayDay)) missing++;
  if (eligibleOnly && missing > 0) {
    out.eligible = false;
    out.missing = missing;
    out.score = NaN;
    return out;
  }
  let preferredHeld = 0;
  for (let j = prefStart; j < skillStart; j++) if (expiryOf(c, tokStart, p[j]) >= todayDay) preferredHeld++;

  const skStart = tokStart + 1 + 2 * c[tokStart];
  const nCandSkills = c[skStart];
  let overlap = 0;
  for (let j = skillStart; j < skillStart + nSkills; j++) {
    const s = p[j];
    if (s < 0) continue;
    for (let k = skStart + 1; k <= skStart + nCandSkills; k++) {
      if (c[k] === s) {
        overlap++;
        break;
      }
    }
  }
  const setStart = skStart + 1 + nCandSkills;
  const setting = p[P_SETTING];
  let settingMatch = 0;
  for (let i = 0, k = setStart + 1; i < c[setStart]; i++, k += 2) {
    if (c[k] === setting && c[k + 1] <= todayDay) settingMatch = 1;
  }

  scratch.degreeGap = best - minRank;
  scratch.experienceGap = experienceDays / DAYS_PER_YEAR - minYears;
  scratch.preferredHeld = preferredHeld;
  scratch.preferredTotal = nPref;
  scratch.skillOverlap = overlap;
  scratch.postingSkillCount = nSkills;
  scratch.settingMatch = settingMatch;
  const fit = fitScore(scratch);
  out.eligible = missing === 0;
  out.missing = missing;
  out.score = matchScore(out.eligible, missing, fit);
  return out;
}
