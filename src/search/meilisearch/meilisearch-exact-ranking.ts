// Ranked lists on Meilisearch. The eligibility filter selects the tier (eligible, then with
// includeIneligible the rest). A tier is ranked one of two ways, chosen by its size alone:
//
// - WHOLE (at most `exactTier` documents): every document of the tier is fetched with the
//   filter (the kernel's compact fields, no vector search) and sorted by the exact score, as
//   the embedded engine does. Exact at every depth. One request answers both the count and
//   the documents, so a small tier costs one round trip and no vector search.
// - WINDOWS (larger tiers): Meilisearch orders the tier by the fit vectors
//   (meilisearch-fit-vectors.ts), whose dot product tracks the exact fit; the adapter fetches
//   the compact scoring fields of that order in windows of `window` documents and sorts each
//   window by the exact score. The served list is window 1 in exact order, then window 2 in
//   exact order, ... The first window is the exact top of the tier whenever the exact top
//   documents are among the engine's first `window` (the bench measures how often: recall@20).
//
// Either way the list is a fixed function of the index contents (the tier's size decides the
// way, the engine's order the windows), not of the page asked for, so paging never repeats
// or skips a document.
import type { RankedPage } from '../search-engine.js';
import { compareCandidateMatches, compareJobMatches } from '../../matching/ordering.js';
import type { ScoredHit } from './meilisearch-ranking.js';

/**
 * Documents sorted exactly together per ranked window and order, per direction. Chosen by an
 * offline simulation over the bench's data (100,000 + 100,000: postings for a candidate
 * 99.25% of the exact top 20 within 600, 97.7% at 400; candidates ~99.3% within 200), and
 * measured there with Meilisearch v1.50: recall@20 99.05% and 99.14% (README).
 */
export const DEFAULT_RANK_WINDOWS = { postings: 600, candidates: 200 } as const;

/**
 * Tiers of at most this many documents are ranked whole (MEILI_EXACT_TIER); off by default.
 * Measured (bench, 20,000 + 20,000, same run): Meilisearch reads documents slowly, so the
 * whole-tier request for up to 2,000 documents cost more than the vector windows (p50 98 vs
 * 55 ms for postings, 88 vs 26 ms for candidates), and a larger tier pays it on top.
 */
export const DEFAULT_EXACT_TIER = 0;

export interface WholeTier<D> {
  /** Exact number of documents the filter selects. */
  total: number;
  /** Its documents when total <= the limit asked for (else any `limit` of them). */
  docs: D[];
}

/** The first documents of a tier in the engine's order, with the tier's exact size (the same request counts it). */
export interface RankedDocs<D> {
  docs: D[];
  total: number;
}

export interface WindowedRankRequest<D> {
  eligibleFilter: string;
  /** null unless includeIneligible. */
  ineligibleFilter: string | null;
  offset: number;
  limit: number;
  /** Documents per window and query vector (MEILI_RANK_WINDOW). */
  window: number;
  /** Tiers of at most this many documents are ranked whole; 0: always windows. */
  exactTier: number;
  /** How many query vectors (orders) each tier is read in; 1 unless the caller has several. */
  orders: number;
  count: (filter: string) => Promise<number>;
  /** The tier's count and, when it has at most `limit` documents, all of them (any order). */
  whole: (filter: string, limit: number) => Promise<WholeTier<D>>;
  /** The first `limit` documents of the tier in the engine's order for query vector `order`, and the tier's size. */
  ranked: (filter: string, order: number, limit: number) => Promise<RankedDocs<D>>;
  score: (docs: D[]) => ScoredHit[];
  order: 'postings' | 'candidates';
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

/**
 * The tier's first positions from its engine orders (one list per query vector): window k is
 * every order's k-th `window` documents not already placed in an earlier window, sorted
 * exactly. A fixed function of the index contents, whatever the fetch depth. One list and an
 * infinite window: the exact order of the whole list.
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

/** Every order of a tier fetched to `size`, with the tier's size. */
function readOrders<D>(req: WindowedRankRequest<D>, filter: string, size: number): Promise<RankedDocs<D>[]> {
  return Promise.all(Array.from({ length: Math.max(1, req.orders) }, (_, o) => req.ranked(filter, o, size)));
}

const windowsOf = <D>(req: WindowedRankRequest<D>, lists: RankedDocs<D>[], window: number) => windowed(lists.map((l) => req.score(l.docs)), window, req.order);

/** What a tier's first request brought: its count, and its list when that came with it. */
interface TierStart {
  count: number;
  list: Promise<ScoredHit[]> | null;
}

/**
 * The first request for a tier whose positions up to `size` will be needed: with `exactTier`
 * the whole-tier fetch (count and, for a small tier, the list); without, the windows, whose
 * vector search counts the tier too (no separate count request: one search fewer per query).
 */
async function startTier<D>(req: WindowedRankRequest<D>, filter: string, size: number, exactTier: number, window: number): Promise<TierStart> {
  if (exactTier > 0) {
    const whole = await req.whole(filter, exactTier);
    if (whole.total <= exactTier) return { count: whole.total, list: Promise.resolve(windowed([req.score(whole.docs)], Infinity, req.order)) };
    return { count: whole.total, list: null };
  }
  const lists = await readOrders(req, filter, size);
  return { count: lists[0].total, list: Promise.resolve(windowsOf(req, lists, window)) };
}

/** A tier's list up to `size` positions, given its count (whole when small, else windows). */
async function tierList<D>(req: WindowedRankRequest<D>, filter: string, count: number, size: number, exactTier: number, window: number): Promise<ScoredHit[]> {
  if (count <= exactTier) return windowed([req.score((await req.whole(filter, exactTier)).docs)], Infinity, req.order);
  return windowsOf(req, await readOrders(req, filter, roundUp(size, window)), window);
}

export async function rankInWindows<D>(req: WindowedRankRequest<D>): Promise<RankedPage> {
  const window = Math.max(1, Math.floor(req.window));
  const exactTier = Math.max(0, Math.floor(req.exactTier));
  const need = req.offset + req.limit;
  const withIneligible = req.ineligibleFilter !== null;
  // The eligible tier is started together with the other count (parallel requests) whenever
  // the page surely starts in it; only a later page with includeIneligible waits for the
  // counts to know whether it does.
  const startsEligible = !withIneligible || req.offset === 0;
  const [eligible, ineligibleCount] = await Promise.all([
    startsEligible ? startTier(req, req.eligibleFilter, roundUp(need, window), exactTier, window) : req.count(req.eligibleFilter).then((count) => ({ count, list: null })),
    req.ineligibleFilter === null ? Promise.resolve(0) : req.count(req.ineligibleFilter),
  ]);
  const eligibleCount = eligible.count;
  const list: ScoredHit[] = [];
  if (eligibleCount > 0 && (req.offset < eligibleCount || !withIneligible)) {
    const tier = (await eligible.list) ?? (await tierList(req, req.eligibleFilter, eligibleCount, need, exactTier, window));
    // A document the filter let through but the exact rules reject (stale experience
    // anchor) keeps its place at the end of its window with includeIneligible (so the tiers'
    // positions stay fixed), and is left out without.
    list.push(...(withIneligible ? tier : tier.filter((h) => h.eligible)));
  }
  if (withIneligible && ineligibleCount > 0 && need > eligibleCount) {
    // Positions before the ineligible tier are not fetched when the page starts past them.
    list.length = eligibleCount;
    list.push(...(await tierList(req, req.ineligibleFilter!, ineligibleCount, need - eligibleCount, exactTier, window)));
  }
  return {
    hits: list.slice(req.offset, need).filter((h) => h !== undefined).map(({ id, score, eligible, missingCount }) => ({ id, score, eligible, missingCount })),
    total: eligibleCount + ineligibleCount,
  };
}
