// "Fit vectors": one vector per posting and per candidate, built so that the dot product of a
// posting-side vector with a candidate-side vector equals the fit term of the match score
// (src/matching/scoring.ts) wherever a sum can carry it exactly, and comes close where it
// cannot. Meilisearch's vector search then orders the eligible set nearly as the exact score
// does, and the adapter re-scores a small window exactly (meilisearch-exact-ranking.ts).
//
//   fit = 0.40 · alignment + 0.30 · preferred + 0.25 · skills + 0.05 · setting
//
// Exact as a dot product (one side one-hot, the other side the term's value per slot):
//   - experience alignment ½/(1+|years - min|/5): the posting is two-hot on its minimum years
//     (linear interpolation between whole years; exact for whole years), the candidate holds
//     the term's value at every whole year;
//   - degree alignment ½/(1+|gap|) for postings listing no fields: one-hot on the required
//     rank against the value per rank of the candidate's best degree;
//   - setting: one-hot on the posting's setting against the settings the candidate worked in;
//   - the coverage halves h/t and o/n of the preferred and skill terms: each listed token or
//     skill carries 1/t (1/n) on the posting side, the candidate holds 1 where it holds it.
// Approximate: h/(h+1) and o/(o+1) are concave in the count, so a per-item weight can only be
// exact at two counts (we use 0 and 2); degree fields are summed over the
// accepted fields (exact unless the candidate holds degrees in two of them); tokens, skills
// and fields are hashed into buckets (a collision over-counts). The exact re-scoring makes
// these errors cost pool depth, never correctness of the returned scores.
//
// Meilisearch compares vectors by cosine. Document vectors get one padding component that
// brings every document to the same norm, so cosine = dot / (|query| · norm) orders documents
// by the dot product itself.
import { degreeRank, CareSetting, type DegreeLevel } from '../../shared/enums.js';
import { EXPERIENCE_GAP_SCALE, FIT_WEIGHTS, NO_DEGREE_RANK } from '../../matching/scoring.js';

/** Renamed whenever the layout changes: the start-up settings check then replaces the vectors (and asks for a rebuild). */
export const FIT_EMBEDDER = 'fit2';

const RANK_SLOTS = 6; // NO_DEGREE_RANK (-1) .. DOCTORATE (4)
const SETTINGS: readonly string[] = Object.values(CareSetting);

/** The knobs of the layout (FIT_LAYOUT is the one indexed; the bench's simulation tries others). */
export interface FitLayoutOptions {
  /** Whole years 0..experienceSlots-1; a longer requirement counts as the last. */
  experienceSlots: number;
  fieldBuckets: number;
  tokenBuckets: number;
  skillBuckets: number;
  /** Per-item weight of the concave half h/(h+1) of the preferred term. */
  preferredSlope: number;
  /** Per-item weight of the concave half o/(o+1) of the skill term. */
  skillSlope: number;
}

export interface FitLayout extends FitLayoutOptions {
  exp: number;
  degAny: number;
  degField: number;
  setting: number;
  token: number;
  skill: number;
  tie: number;
  pad: number;
  dimensions: number;
}

export function fitLayout(o: FitLayoutOptions): FitLayout {
  const exp = 0;
  const degAny = exp + o.experienceSlots;
  const degField = degAny + RANK_SLOTS;
  const setting = degField + o.fieldBuckets * RANK_SLOTS;
  const token = setting + SETTINGS.length;
  const skill = token + o.tokenBuckets;
  const tie = skill + o.skillBuckets;
  const pad = tie + 1;
  return { ...o, exp, degAny, degField, setting, token, skill, tie, pad, dimensions: pad + 1 };
}

/**
 * Chosen on the bench's data (100 candidates and 100 postings against 100,000 of each, scored
 * exactly offline): hashed tokens and skills in 96 / 64 buckets put ~5% of the exact top 20
 * below position 400 (a held token's bucket shared with an unheld one lends a posting up to
 * 0.2); 128 each cut that, and requirements above 30 years do not occur. The skill term's
 * concave half is linearised with the slope between 2 and 3 shared skills (1/12), where the
 * exact top 20 sit, not the secant from 0 to 2.
 */
export const FIT_LAYOUT = fitLayout({ experienceSlots: 31, fieldBuckets: 16, tokenBuckets: 128, skillBuckets: 128, preferredSlope: 1 / 3, skillSlope: 1 / 12 });
export const FIT_DIMENSIONS = FIT_LAYOUT.dimensions;

/**
 * Ties: documents with equal fit are ordered by postedAt desc (postings) or id asc
 * (candidates). A document carries its tie-break position in [0, 1] (1 first) in one slot,
 * the query TIE_WEIGHT there: far below any difference between distinct fits the data shows
 * (those are >= ~1e-3), enough to order the largest groups of equal fits roughly right.
 */
const TIE_WEIGHT = 3e-4;
const POSTED_FROM = Date.UTC(2020, 0, 1);
const POSTED_SPAN = 10 * 365.25 * 86_400_000;

/**
 * Norms the padding brings documents to. Posting documents stay far below theirs; a candidate
 * document above its own (more than ~60 held tokens and skills together) keeps its own norm
 * and is ranked a little lower than its fit, which the exact re-scoring corrects in the pool.
 */
const POSTING_NORM = 3;
const CANDIDATE_NORM = 8;

/**
 * FNV-1a with MurmurHash3's final mix (FNV's low bits alone collide on similar strings such as
 * "public health" / "public administration"): stable across processes and versions.
 */
export function bucketOf(value: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  // `^` yields a signed 32-bit value: back to unsigned before the modulo.
  return (h >>> 0) % buckets;
}

const half = (w: number) => w / 2;
const W_DEGREE = half(FIT_WEIGHTS.alignment);
const W_EXPERIENCE = half(FIT_WEIGHTS.alignment);

/** The per-item weight of a count term ½·k/(k+1) + ½·k/total: `slope` for the concave half. */
function countItemWeight(weight: number, slope: number, total: number): number {
  return total > 0 ? weight * (0.5 * slope + 0.5 / total) : 0;
}

export interface PostingFitInput {
  /** NO_DEGREE_RANK when no degree is required. */
  minDegreeRank: number;
  /** Normalised accepted degree fields (empty: any field). */
  minDegreeFields: readonly string[];
  minYearsExperience: number;
  setting: string;
  /** Tokens as the kernel compares them (state-specific codes carry the posting's state). */
  preferredTokens: readonly string[];
  /** Normalised, distinct. */
  skills: readonly string[];
}

export interface CandidateFitInput {
  /** Rank and normalised field of each degree. */
  degrees: readonly { rank: number; field: string }[];
  /** Years of experience on the day the vector is for. */
  years: number;
  /** Settings worked in by that day. */
  settings: ReadonlySet<string>;
  /** Tokens held and current on that day. */
  currentTokens: ReadonlySet<string>;
  /** Normalised, distinct. */
  skills: readonly string[];
}

const rankSlot = (rank: number) => Math.min(Math.max(rank, NO_DEGREE_RANK), RANK_SLOTS - 2) + 1;

/** Posting side: one-hot / two-hot slots and per-item weights. */
export function postingFitVector(p: PostingFitInput, L: FitLayout = FIT_LAYOUT): number[] {
  const v = new Array<number>(L.dimensions).fill(0);
  const years = Math.min(Math.max(p.minYearsExperience, 0), L.experienceSlots - 1);
  const lo = Math.floor(years);
  const frac = years - lo;
  v[L.exp + lo] += 1 - frac;
  if (frac > 0) v[L.exp + lo + 1] += frac;
  const fields = [...new Set(p.minDegreeFields.filter((f) => f !== '').map((f) => bucketOf(f, L.fieldBuckets)))];
  if (fields.length === 0) v[L.degAny + rankSlot(p.minDegreeRank)] = 1;
  else for (const b of fields) v[L.degField + b * RANK_SLOTS + rankSlot(p.minDegreeRank)] = 1;
  const s = SETTINGS.indexOf(p.setting);
  if (s >= 0) v[L.setting + s] = 1;
  const tokenWeight = countItemWeight(FIT_WEIGHTS.preferred, L.preferredSlope, p.preferredTokens.length);
  for (const t of p.preferredTokens) v[L.token + bucketOf(t, L.tokenBuckets)] += tokenWeight;
  const skillWeight = countItemWeight(FIT_WEIGHTS.skills, L.skillSlope, p.skills.length);
  for (const k of p.skills) v[L.skill + bucketOf(k, L.skillBuckets)] += skillWeight;
  return v;
}

/** Candidate side: the value of each term at every slot the posting side can occupy. */
/**
 * Which of a candidate's degrees fill the field slots: 'all' (each field its best degree, so a
 * posting accepting two of them sums both: an over-count) or 'top' (only the highest-ranked
 * degrees: a posting accepting only a lower one is under-counted). Documents hold 'all'; a
 * candidate's query reads postings in both orders (meilisearch-exact-ranking.ts).
 */
export type FieldDegrees = 'all' | 'top';

export function candidateFitVector(c: CandidateFitInput, L: FitLayout = FIT_LAYOUT, fieldDegrees: FieldDegrees = 'all'): number[] {
  const v = new Array<number>(L.dimensions).fill(0);
  for (let j = 0; j < L.experienceSlots; j++) v[L.exp + j] = W_EXPERIENCE / (1 + Math.abs(c.years - j) / EXPERIENCE_GAP_SCALE);
  const top = c.degrees.reduce((best, d) => Math.max(best, d.rank), NO_DEGREE_RANK);
  const bestByBucket = new Map<number, number>();
  for (const d of c.degrees) {
    if (d.field === '' || (fieldDegrees === 'top' && d.rank < top)) continue;
    const b = bucketOf(d.field, L.fieldBuckets);
    bestByBucket.set(b, Math.max(bestByBucket.get(b) ?? NO_DEGREE_RANK, d.rank));
  }
  for (let slot = 0; slot < RANK_SLOTS; slot++) {
    const required = slot - 1;
    v[L.degAny + slot] = W_DEGREE / (1 + Math.abs(top - required));
    for (const [b, best] of bestByBucket) v[L.degField + b * RANK_SLOTS + slot] = W_DEGREE / (1 + Math.abs(best - required));
  }
  SETTINGS.forEach((s, i) => {
    if (c.settings.has(s)) v[L.setting + i] = FIT_WEIGHTS.setting;
  });
  for (const t of c.currentTokens) v[L.token + bucketOf(t, L.tokenBuckets)] = 1;
  for (const k of c.skills) v[L.skill + bucketOf(k, L.skillBuckets)] = 1;
  return v;
}

function padded(v: number[], norm: number, tie: number, L: FitLayout): number[] {
  v[L.tie] = Math.min(Math.max(tie, 0), 1);
  const sq = v.reduce((a, x) => a + x * x, 0);
  v[L.pad] = Math.sqrt(Math.max(0, norm * norm - sq));
  return v;
}

/** Stored with a posting document: newer postings sit slightly higher among equal fits. */
export function postingFitDocumentVector(p: PostingFitInput, postedAt: number, L: FitLayout = FIT_LAYOUT): number[] {
  return padded(postingFitVector(p, L), POSTING_NORM, (postedAt - POSTED_FROM) / POSTED_SPAN, L);
}

/** Stored with a candidate document: lower ids sit slightly higher among equal fits. */
export function candidateFitDocumentVector(c: CandidateFitInput, id: string, L: FitLayout = FIT_LAYOUT): number[] {
  const lead = parseInt(id.slice(0, 12), 16);
  return padded(candidateFitVector(c, L), CANDIDATE_NORM, Number.isFinite(lead) ? 1 - lead / 2 ** 48 : 0, L);
}

/** A query vector: a side's vector with the tie-break weight. */
export function asQuery(v: number[], L: FitLayout = FIT_LAYOUT): number[] {
  v[L.tie] = TIE_WEIGHT;
  return v;
}

export function degreeInputs(degrees: readonly { level: DegreeLevel; field: string }[]): { rank: number; field: string }[] {
  return degrees.map((d) => ({ rank: degreeRank(d.level), field: d.field }));
}
