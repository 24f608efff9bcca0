// In-memory store of DISCOVERABLE candidates for the embedded engine. A non-discoverable
// candidate can never be returned, so upserting one removes it. Experience is kept as the
// growth anchor (one subtraction per candidate per query) with the intervals as fallback for
// days outside the anchor's validity, so results stay exact on any `today`.
import { compareCandidateMatches, type CandidateRankKey } from '../../matching/ordering.js';
import type { CatalogQualification, IsoDate, PostingProfile } from '../../matching/matching.types.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type {
  CandidateFacetCounts,
  CandidateFacetsQuery,
  CandidateSearchDocument,
  IdPage,
  RankedPage,
  SearchCandidatesQuery,
} from '../search-engine.js';
import {
  CANDIDATE_CLAUSE,
  candidateFilterOutcome,
  compileCandidateFilter,
  failsAtMost,
  type CandidateFilterView,
  type CompiledCandidateFilter,
} from '../../matching/candidate-filter.js';
import { bump, facetList } from '../../matching/facets.js';
import { tokenize } from './embedded-text-index.js';
import { evaluate, newEvaluation } from '../kernel/match-kernel.js';
import { compactCandidateDocument, compactPostingProfile, type Vocabularies } from '../kernel/compact-documents.js';
import { TopK } from './top-k.js';
import { toHit } from './embedded-postings.js';
import { StoreIndexes, type StoreIndexesState } from './store-indexes.js';
import { qualificationToken } from '../documents/search-tokens.js';
import { dayIntervals, unionDaysOn } from './experience-day-intervals.js';

export type CandidateStoreState = StoreIndexesState<CandidateSlot>;

export interface CandidateSlot {
  id: string;
  /** What CandidateFilter reads (matching/candidate-filter.ts). */
  view: CandidateFilterView;
  /** Bare codes with their latest expiry day: the qualifications facet. */
  codeExpiry: [code: string, day: number][];
  highestDegree: string | null;
  packed: Int32Array;
  /** Intervals as [startDay, endDayExclusive] pairs sorted by start (open end: Infinity). */
  intervals: Float64Array;
  anchorFromDay: number;
  anchorUntilDay: number;
  closedDays: number;
  /** NaN when no position was open when the anchor was taken. */
  effectiveStartDay: number;
}

interface RankedItem extends CandidateRankKey {
  eligible: boolean;
  missing: number;
}

const candidateBefore = (a: CandidateRankKey, b: CandidateRankKey): boolean => compareCandidateMatches(a, b) < 0;

/** Experience days on `day`: the anchor where it is exact, else the intervals themselves. */
export function candidateDaysOn(slot: CandidateSlot, day: number): number {
  if (day >= slot.anchorFromDay && day < slot.anchorUntilDay) {
    return Number.isNaN(slot.effectiveStartDay) ? slot.closedDays : day - slot.effectiveStartDay;
  }
  return unionDaysOn(slot.intervals, day);
}

interface SearchItem {
  id: string;
  /** Relevance with words, else experience days on the day (both: higher first). */
  key: number;
  distance: number;
}

const searchBefore = (a: SearchItem, b: SearchItem): boolean => (a.key !== b.key ? a.key > b.key : a.id < b.id);

const TEXT_WEIGHTS = { headline: 3, title: 2, skill: 2, summary: 1 } as const;

function slotOf(doc: CandidateSearchDocument, vocab: Vocabularies): CandidateSlot {
  const codeExpiry = new Map<string, number>();
  for (const q of doc.qualifications) {
    const day = doc.qualificationExpiry[qualificationToken(q.code, null)];
    if (day !== undefined) codeExpiry.set(q.code, day);
  }
  return {
    id: doc.id,
    view: {
      state: doc.state,
      degreeTokens: doc.degreeTokens,
      qualificationExpiry: doc.qualificationExpiry,
      settings: doc.experienceSettings,
      latitude: doc.latitude,
      longitude: doc.longitude,
    },
    codeExpiry: [...codeExpiry],
    highestDegree: doc.highestDegree,
    packed: compactCandidateDocument(doc, vocab),
    intervals: dayIntervals(doc.experience),
    anchorFromDay: doc.indexedOnDay,
    anchorUntilDay: doc.experienceValidUntilDay ?? Infinity,
    closedDays: doc.experienceClosedDays,
    effectiveStartDay: doc.experienceEffectiveStartDay ?? NaN,
  };
}

/**
 * One string object per distinct value: a snapshot or a replica copy arrives with a fresh
 * string for every occurrence (hundreds of thousands of "TX"s and degree tokens).
 */
function shareStrings(slots: readonly CandidateSlot[]): void {
  const seen = new Map<string, string>();
  const one = (v: string): string => {
    const known = seen.get(v);
    if (known !== undefined) return known;
    seen.set(v, v);
    return v;
  };
  const maybe = <T extends string | null>(v: T): T => (v === null ? v : (one(v) as T));
  for (const slot of slots) {
    const v = slot.view as { -readonly [K in keyof CandidateFilterView]: CandidateFilterView[K] };
    v.state = maybe(v.state);
    v.degreeTokens = v.degreeTokens.map(one);
    v.settings = v.settings.map((x) => one(x) as typeof x);
    slot.highestDegree = maybe(slot.highestDegree);
    for (const pair of slot.codeExpiry) pair[0] = one(pair[0]);
  }
}

export class EmbeddedCandidateStore {
  private readonly ix = new StoreIndexes<CandidateSlot>(
    (slot) => slot.id,
    (slot) => slot.view,
    (s) => ({ ...s, packed: s.packed.slice(), intervals: s.intervals.slice() }),
  );

  constructor(private readonly vocab: Vocabularies) {}

  get size(): number {
    return this.ix.slots.size;
  }

  /** The discoverable candidates (read-only: embedded-career.ts counts them). */
  get slots(): readonly CandidateSlot[] {
    return this.ix.slots.items;
  }

  upsert(docs: readonly CandidateSearchDocument[]): void {
    this.ix.delete(docs.filter((d) => !d.discoverable).map((d) => d.id));
    const w = TEXT_WEIGHTS;
    this.ix.put(
      docs
        .filter((d) => d.discoverable)
        .map((doc) => ({
          slot: slotOf(doc, this.vocab),
          fields: [
            [doc.headline ?? '', w.headline],
            ...doc.experienceTitles.map((t) => [t, w.title] as const),
            ...doc.skills.map((t) => [t, w.skill] as const),
            [doc.summary ?? '', w.summary],
          ],
        })),
    );
  }

  delete(ids: readonly string[]): void {
    this.ix.delete(ids);
  }

  clear(): void {
    this.ix.clear();
  }

  search(q: SearchCandidatesQuery, offset: number, limit: number): IdPage {
    const f = compileCandidateFilter(q.filter);
    const day = isoToEpochDay(q.today);
    const top = new TopK<SearchItem>(offset + limit, searchBefore);
    let total = 0;
    const words = q.text?.trim() ?? '';
    const hasWords = tokenize(words).length > 0;
    this.visit(words, f, day, true, (slot, relevance, failed, distance) => {
      if (failed !== 0) return;
      total++;
      const key = hasWords ? relevance : candidateDaysOn(slot, day);
      top.push({ id: slot.id, key, distance: distance ?? 0 });
    });
    const page = top.sorted().slice(offset);
    return { ids: page.map((h) => h.id), total, ...(f.near === null ? {} : { distancesMiles: page.map((h) => h.distance) }) };
  }

  /** Disjunctive counts: a candidate failing only facet X's own clause still counts in X. */
  facets(q: CandidateFacetsQuery): CandidateFacetCounts {
    const f = compileCandidateFilter(q.filter);
    const day = isoToEpochDay(q.today);
    const wanted = new Set(q.qualificationCodes);
    const states = new Map<string, number>();
    const quals = new Map<string, number>();
    const degrees = new Map<string, number>();
    this.visit(q.text?.trim() ?? '', f, day, false, (slot, _relevance, failed) => {
      if (failed !== 0 && (failed & (failed - 1)) !== 0) return;
      if (failsAtMost(failed, CANDIDATE_CLAUSE.states) && slot.view.state !== null) bump(states, slot.view.state);
      if (failsAtMost(failed, CANDIDATE_CLAUSE.qualifications)) {
        for (const [code, expiry] of slot.codeExpiry) if (expiry >= day && wanted.has(code)) bump(quals, code);
      }
      if (failsAtMost(failed, CANDIDATE_CLAUSE.minDegree) && slot.highestDegree !== null) bump(degrees, slot.highestDegree);
    });
    return { states: facetList(states), qualifications: facetList(quals), degreeLevels: facetList(degrees) };
  }

  /**
   * Calls `fn` with the filter outcome of every candidate that can pass: the text index's hits
   * when there are words (unscored without `scored`), else the grid cells under filter.near's
   * box, else all.
   */
  private visit(
    words: string,
    f: CompiledCandidateFilter,
    day: number,
    scored: boolean,
    fn: (slot: CandidateSlot, relevance: number, failed: number, distance: number | null) => void,
  ): void {
    const out = { failed: 0, distanceMiles: null as number | null };
    const one = (slot: CandidateSlot, relevance: number): void => {
      candidateFilterOutcome(slot.view, f, day, () => candidateDaysOn(slot, day), out);
      fn(slot, relevance, out.failed, out.distanceMiles);
    };
    if (tokenize(words).length > 0) {
      if (scored) this.ix.text.search(words, one);
      else this.ix.text.matching(words, (slot) => one(slot, 0));
    } else if (f.box !== null) this.ix.grid.visit(f.box, (slot) => one(slot, 0));
    else for (const slot of this.ix.slots.items) one(slot, 0);
  }

  exportState(): CandidateStoreState {
    return this.ix.exportState();
  }

  importState(state: CandidateStoreState): void {
    shareStrings(state.slots);
    this.ix.importState(state);
  }

  rankForPosting(
    posting: PostingProfile,
    catalog: ReadonlyMap<string, CatalogQualification>,
    includeIneligible: boolean,
    today: IsoDate,
    offset: number,
    limit: number,
  ): RankedPage {
    const probe = compactPostingProfile(posting, catalog, this.vocab);
    const todayDay = isoToEpochDay(today);
    const minYears = posting.minYearsExperience;
    const top = new TopK<RankedItem>(offset + limit, candidateBefore);
    const ev = newEvaluation();
    const key: RankedItem = { id: '', score: 0, eligible: false, missing: 0 };
    let total = 0;
    const eligibleOnly = !includeIneligible;
    const slots = this.ix.slots.items;
    let worstScore = -Infinity;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      evaluate(slot.packed, candidateDaysOn(slot, todayDay), probe, minYears, todayDay, eligibleOnly, ev);
      if (eligibleOnly && !ev.eligible) continue;
      total++;
      if (ev.score < worstScore) continue;
      key.id = slot.id;
      key.score = ev.score;
      if (!top.admits(key)) continue;
      top.push({ id: slot.id, score: ev.score, eligible: ev.eligible, missing: ev.missing });
      worstScore = top.worstIfFull()?.score ?? -Infinity;
    }
    return { hits: top.sorted().slice(offset).map(toHit), total };
  }
}
