// Ranked lists on Meilisearch. The eligibility filter selects the tier (eligible, then with
// includeIneligible the rest); Meilisearch orders the tier by the fit vectors
// (meilisearch-fit-vectors.ts), whose dot product tracks the exact fit; the adapter fetches
// the compact scoring fields of that order in WINDOWS of `window` documents and sorts each
// window by the exact score (the kernel, as the embedded engine does).
//
// The served list is therefore: window 1 in exact order, then window 2 in exact order, ...
// It is a fixed function of the index contents, not of the page asked for, so paging never
// repeats or skips a document. The first window is the exact top of the tier whenever the
// exact top documents are among the engine's first `window` (the bench measures how often:
// recall@20); a tier of at most `window` documents is always exact throughout.
import type { RankedPage } from '../search-engine.js';
import { compareCandidateMatches, compareJobMatches } from '../../matching/ordering.js';
import type { ScoredHit } from './meilisearch-ranking.js';

/**
 * Documents sorted exactly together per ranked window and order, per direction. From the
 * offline simulation over the bench's data (100,000 + 100,000; it reproduced the measured
 * recall of the previous vectors to 0.05 points): postings for a candidate 99.25% of the
 * exact top 20 within 600 (97.7% at 400, 99.95% at 1,000), candidates for a posting ~99.3%
 * within 200.
 */
export const DEFAULT_RANK_WINDOWS = { postings: 600, candidates: 200 } as const;

export interface WindowedRankRequest<D> {
  eligibleFilter: string;
  /** null unless includeIneligible. */
  ineligibleFilter: string | null;
  offset: number;
  limit: number;
  /** Documents per window and query vector (MEILI_RANK_WINDOW). */
  window: number;
  /** How many query vectors (orders) each tier is read in; 1 unless the caller has several. */
  orders: number;
  count: (filter: string) => Promise<number>;
  /** The first `limit` documents of the tier in the engine's order for query vector `order`. */
  ranked: (filter: string, order: number, limit: number) => Promise<D[]>;
  score: (docs: D[]) => ScoredHit[];
  order: 'postings' | 'candidates';
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

/**
 * The tier's first positions from its engine orders (one list per query vector): window k is
 * every order's k-th `window` documents not already placed in an earlier window, sorted
 * exactly. A fixed function of the index contents, whatever the fetch depth.
 */
function windowed(lists: ScoredHit[][], window: number, order: WindowedRankRequest<unknown>['order']): ScoredHit[] {
  const compare = order === 'postings' ? compareJobMatches : compareCandidateMatches;
  const placed = new Set<string>();
  const out: ScoredHit[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i += window) {
    const block: ScoredHit[] = [];
    for (const list of lists) {
      for (const h of list.slice(i, i + window)) {
        if (placed.has(h.id)) continue;
        placed.add(h.id);
        block.push(h);
      }
    }
    out.push(...block.sort(compare));
  }
  return out;
}

/** Every order of a tier fetched to `size` and scored (each distinct document once). */
async function readTier<D>(req: WindowedRankRequest<D>, filter: string, size: number): Promise<ScoredHit[][]> {
  const lists = await Promise.all(Array.from({ length: Math.max(1, req.orders) }, (_, o) => req.ranked(filter, o, size)));
  return lists.map((l) => req.score(l));
}


export async function rankInWindows<D>(req: WindowedRankRequest<D>): Promise<RankedPage> {
  const window = Math.max(1, Math.floor(req.window));
  const need = req.offset + req.limit;
  const withIneligible = req.ineligibleFilter !== null;
  const eligibleSize = roundUp(need, window);
  // The eligible tier's documents are asked for together with the counts (parallel requests,
  // no second round trip) whenever the page surely starts in it; only a later page with
  // includeIneligible waits for the count to know whether it does.
  const early = !withIneligible || req.offset === 0 ? readTier(req, req.eligibleFilter, eligibleSize) : null;
  const [eligibleCount, ineligibleCount, earlyLists] = await Promise.all([
    req.count(req.eligibleFilter),
    req.ineligibleFilter === null ? Promise.resolve(0) : req.count(req.ineligibleFilter),
    early,
  ]);
  const list: ScoredHit[] = [];
  if (eligibleCount > 0 && (req.offset < eligibleCount || !withIneligible)) {
    const tier = windowed(earlyLists ?? (await readTier(req, req.eligibleFilter, eligibleSize)), window, req.order);
    // A document the filter let through but the exact rules reject (stale experience
    // anchor) keeps its place at the end of its window with includeIneligible (so the tiers'
    // positions stay fixed), and is left out without.
    list.push(...(withIneligible ? tier : tier.filter((h) => h.eligible)));
  } else if (withIneligible) {
    // Positions before the ineligible tier, not fetched: the page starts past them.
    list.length = eligibleCount;
  }
  if (withIneligible && ineligibleCount > 0 && need > eligibleCount) {
    list.length = eligibleCount;
    list.push(...windowed(await readTier(req, req.ineligibleFilter!, roundUp(need - eligibleCount, window)), window, req.order));
  }
  return {
    hits: list.slice(req.offset, need).filter((h) => h !== undefined).map(({ id, score, eligible, missingCount }) => ({ id, score, eligible, missingCount })),
    total: eligibleCount + ineligibleCount,
  };
}
