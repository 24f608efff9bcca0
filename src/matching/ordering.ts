// Deterministic total orders for match lists (DESIGN §5: ties break by newer postedAt, then
// id). Ids compare by code unit, not locale, so every process and the search engine agree.

export interface JobRankKey {
  score: number;
  id: string;
  /** Date, or epoch milliseconds (what an index usually stores). */
  postedAt: Date | number;
}

export interface CandidateRankKey {
  score: number;
  id: string;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareScoresDesc(a: number, b: number): number {
  // NaN sorts last rather than breaking the comparator's transitivity.
  const x = Number.isNaN(a) ? -Infinity : a;
  const y = Number.isNaN(b) ? -Infinity : b;
  return x > y ? -1 : x < y ? 1 : 0;
}

function millis(d: Date | number): number {
  const t = typeof d === 'number' ? d : d.getTime();
  return Number.isNaN(t) ? -Infinity : t;
}

/** Score desc, then postedAt newer first, then id ascending. */
export function compareJobMatches(a: JobRankKey, b: JobRankKey): number {
  const s = compareScoresDesc(a.score, b.score);
  if (s !== 0) return s;
  const ta = millis(a.postedAt);
  const tb = millis(b.postedAt);
  if (ta !== tb) return ta > tb ? -1 : 1;
  return compareIds(a.id, b.id);
}

/** Score desc, then candidate id ascending. */
export function compareCandidateMatches(a: CandidateRankKey, b: CandidateRankKey): number {
  const s = compareScoresDesc(a.score, b.score);
  return s !== 0 ? s : compareIds(a.id, b.id);
}
