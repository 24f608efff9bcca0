// The engines' per-document evaluation: the matching module's eligibility rules and FitFeatures
// computed from compact, interned data (small integer arrays instead of strings), then scored
// with the matching module's own fitScore/matchScore. The rules mirror src/matching
// (degree.ts, eligibility.ts, features.ts); tests/search/match-kernel.test.ts checks, on random
// profiles, that the score here equals matchCandidateToPosting's exactly.
import { CareSetting } from '../shared/enums.js';
import { fitScore, matchScore, NO_DEGREE_RANK } from '../matching/scoring.js';
import { DAYS_PER_YEAR, meetsExperience } from '../matching/experience.js';

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

  /** -1 for a value no document holds (it can then match nothing). */
  lookup(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  clear(): void {
    this.ids.clear();
  }
}

export const SETTING_INDEX: ReadonlyMap<string, number> = new Map(Object.values(CareSetting).map((s, i) => [s, i]));
export const SETTING_COUNT = SETTING_INDEX.size;

export interface CompactPosting {
  /** NO_DEGREE_RANK when no degree is required. */
  minRank: number;
  /** Acceptable degree fields (vocabulary ids); empty: any field. */
  fieldIds: Int32Array;
  minYears: number;
  requiredTokenIds: Int32Array;
  preferredTokenIds: Int32Array;
  skillIds: Int32Array;
  settingIndex: number;
}

export interface CompactCandidate {
  degreeRanks: Int8Array;
  degreeFieldIds: Int32Array;
  /** Held qualification tokens with their latest expiry epoch day (NO_EXPIRY_DAY if none). */
  tokenIds: Int32Array;
  tokenExpiryDays: Float64Array;
  skillIds: Int32Array;
  /** Per care setting: the earliest start day of a position in it (Infinity: never). */
  settingSinceDays: Float64Array;
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

function bestQualifyingRank(c: CompactCandidate, fieldIds: Int32Array): number {
  let best = NO_DEGREE_RANK;
  for (let i = 0; i < c.degreeRanks.length; i++) {
    const r = c.degreeRanks[i];
    if (r <= best) continue;
    if (fieldIds.length === 0) {
      best = r;
      continue;
    }
    const f = c.degreeFieldIds[i];
    if (f < 0) continue;
    for (let k = 0; k < fieldIds.length; k++) {
      if (fieldIds[k] === f) {
        best = r;
        break;
      }
    }
  }
  return best;
}

function holdsCurrent(c: CompactCandidate, token: number, todayDay: number): boolean {
  if (token < 0) return false;
  for (let i = 0; i < c.tokenIds.length; i++) {
    if (c.tokenIds[i] === token) return c.tokenExpiryDays[i] >= todayDay;
  }
  return false;
}

function overlap(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x < 0) continue;
    for (let k = 0; k < b.length; k++) {
      if (b[k] === x) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Eligibility, missing count and exact score of candidate `c` (with `experienceDays` on
 * `todayDay`) for posting `p`, written into `out`.
 */
export function evaluate(
  c: CompactCandidate,
  experienceDays: number,
  p: CompactPosting,
  todayDay: number,
  out: Evaluation,
): Evaluation {
  let missing = 0;
  const best = bestQualifyingRank(c, p.fieldIds);
  if (p.minRank !== NO_DEGREE_RANK && best < p.minRank) missing++;
  if (p.minYears > 0 && !meetsExperience(experienceDays, p.minYears)) missing++;
  for (let i = 0; i < p.requiredTokenIds.length; i++) {
    if (!holdsCurrent(c, p.requiredTokenIds[i], todayDay)) missing++;
  }
  let preferredHeld = 0;
  for (let i = 0; i < p.preferredTokenIds.length; i++) {
    if (holdsCurrent(c, p.preferredTokenIds[i], todayDay)) preferredHeld++;
  }
  const fit = fitScore({
    degreeGap: best - p.minRank,
    experienceGap: experienceDays / DAYS_PER_YEAR - p.minYears,
    preferredHeld,
    preferredTotal: p.preferredTokenIds.length,
    skillOverlap: overlap(p.skillIds, c.skillIds),
    postingSkillCount: p.skillIds.length,
    settingMatch: p.settingIndex >= 0 && c.settingSinceDays[p.settingIndex] <= todayDay ? 1 : 0,
  });
  out.eligible = missing === 0;
  out.missing = missing;
  out.score = matchScore(out.eligible, missing, fit);
  return out;
}
