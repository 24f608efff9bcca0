// A small "profile vector" per document for Meilisearch's userProvided embedder: it orders
// the eligible set by rough fit (level, experience, credentials, skills) so the page the adapter
// re-scores exactly is drawn from the most promising documents. It is a pre-ranking only; the
// returned order is always the exact score's.
import { degreeRank } from '../../shared/enums.js';
import type { CandidateProfile } from '../../matching/matching.types.js';
import { normalizeCode, normalizeTerms } from '../../shared/normalize.js';
import type { PostingSearchDocument } from '../search-engine.js';

export const PROFILE_EMBEDDER = 'profile';
const QUAL_BUCKETS = 16;
const SKILL_BUCKETS = 32;
export const PROFILE_DIMENSIONS = 2 + QUAL_BUCKETS + SKILL_BUCKETS + 1;

/** FNV-1a: stable across processes and versions, unlike any built-in hash. */
function bucket(value: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

function vector(rank: number, years: number, codes: readonly string[], skills: readonly string[]): number[] {
  const v = new Array<number>(PROFILE_DIMENSIONS).fill(0);
  v[0] = (rank + 1) / 5;
  v[1] = Math.min(Math.max(years, 0), 30) / 30;
  const q = 2;
  const s = q + QUAL_BUCKETS;
  for (const c of codes) v[q + bucket(c, QUAL_BUCKETS)] += 1 / Math.sqrt(codes.length);
  for (const k of skills) v[s + bucket(k, SKILL_BUCKETS)] += 1 / Math.sqrt(skills.length);
  // Constant component: no vector is ever all zeros (cosine undefined).
  v[PROFILE_DIMENSIONS - 1] = 0.5;
  return v;
}

export type PostingVectorFields = Pick<
  PostingSearchDocument,
  'minDegreeRank' | 'minYearsExperience' | 'requiredQualificationCodes' | 'preferredQualificationCodes' | 'skills'
>;

export function postingVector(doc: PostingVectorFields): number[] {
  const codes = [...new Set([...doc.requiredQualificationCodes, ...doc.preferredQualificationCodes])];
  return vector(doc.minDegreeRank ?? -1, doc.minYearsExperience, codes, doc.skills);
}

export function candidateVector(profile: Pick<CandidateProfile, 'degrees' | 'qualifications' | 'skills'>, years: number): number[] {
  const rank = profile.degrees.reduce((best, d) => Math.max(best, degreeRank(d.level)), -1);
  const codes = [...new Set(profile.qualifications.map((q) => normalizeCode(q.code)))];
  return vector(rank, years, codes, normalizeTerms(profile.skills));
}
