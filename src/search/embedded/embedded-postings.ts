// In-memory store of OPEN postings for the embedded engine: the document (for filters and
// ordering) next to its compact form (for the kernel). A closed posting can never be
// returned by any operation, so upserting one simply removes it.
import { PostingStatus } from '../../shared/enums.js';
import { compareJobMatches, type JobRankKey } from '../../matching/ordering.js';
import type { CandidateProfile, IsoDate } from '../../matching/matching.types.js';
import { experienceDays } from '../../matching/experience.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type {
  IdPage,
  PostingFacetCounts,
  PostingFacetsQuery,
  PostingSearchDocument,
  PostingSearchFilter,
  PostingSortKey,
  RankedHit,
  RankedPage,
  SearchPostingsQuery,
} from '../search-engine.js';
import {
  POSTING_CLAUSE,
  compilePostingFilter,
  isEmptyFilter,
  postingDistance,
  postingFilterFailures,
  postingPassesFilter,
  type CompiledPostingFilter,
} from './posting-filter.js';
import { bump, facetList } from '../../matching/facets.js';
import { failsAtMost } from '../../matching/candidate-filter.js';
import { evaluate, newEvaluation } from '../kernel/match-kernel.js';
import { compactCandidateProfile, compactPostingDocument, type Vocabularies } from '../kernel/compact-documents.js';
import { tokenize } from './embedded-text-index.js';
import { TopK } from './top-k.js';
import { StoreIndexes, type StoreIndexesState } from './store-indexes.js';

export type PostingStoreState = StoreIndexesState<PostingSlot>;

export interface PostingSlot {
  doc: PostingSearchDocument;
  packed: Int32Array;
  minYears: number;
}

interface RankedItem extends JobRankKey {
  postedAt: number;
  eligible: boolean;
  missing: number;
}

const jobBefore = (a: JobRankKey, b: JobRankKey): boolean => compareJobMatches(a, b) < 0;

interface SearchItem extends JobRankKey {
  postedAt: number;
  /** salaryCeiling, -Infinity without a salary (last when sorting by salary). */
  salary: number;
  distance: number;
}

const byId = (a: { id: string }, b: { id: string }): boolean => a.id < b.id;
const newer = (a: SearchItem, b: SearchItem): boolean | null => (a.postedAt !== b.postedAt ? a.postedAt > b.postedAt : null);

/** `before(a, b)`: a is listed first. Every order ends with id asc, so it is total. */
const SEARCH_ORDER: Record<PostingSortKey, (a: SearchItem, b: SearchItem) => boolean> = {
  RELEVANCE: jobBefore,
  NEWEST: (a, b) => newer(a, b) ?? byId(a, b),
  SALARY: (a, b) => (a.salary !== b.salary ? a.salary > b.salary : (newer(a, b) ?? byId(a, b))),
  DISTANCE: (a, b) => (a.distance !== b.distance ? a.distance < b.distance : byId(a, b)),
};

export class EmbeddedPostingStore {
  private readonly ix = new StoreIndexes<PostingSlot>((slot) => slot.doc.id);

  constructor(private readonly vocab: Vocabularies) {}

  get size(): number {
    return this.ix.slots.size;
  }

  /** The open postings (read-only: embedded-career.ts scans them). */
  get slots(): readonly PostingSlot[] {
    return this.ix.slots.items;
  }

  upsert(docs: readonly PostingSearchDocument[]): void {
    const open: PostingSearchDocument[] = [];
    for (const doc of docs) {
      if (doc.status === PostingStatus.OPEN) {
        this.ix.slots.put({ doc, packed: compactPostingDocument(doc, this.vocab), minYears: doc.minYearsExperience });
        this.ix.grid.put(doc.id, doc.remote ? null : doc.latitude, doc.longitude);
        open.push(doc);
      } else {
        this.ix.slots.drop(doc.id);
        this.ix.grid.remove(doc.id);
      }
    }
    this.ix.text.remove(docs.filter((d) => d.status !== PostingStatus.OPEN).map((d) => d.id));
    this.ix.text.upsert(open);
  }

  delete(ids: readonly string[]): void {
    this.ix.delete(ids);
  }

  clear(): void {
    this.ix.clear();
  }

  exportState(): PostingStoreState {
    return this.ix.exportState();
  }

  importState(state: PostingStoreState): void {
    this.ix.importState(state);
  }

  search(q: SearchPostingsQuery, offset: number, limit: number): IdPage {
    const f = compilePostingFilter(q.filter);
    const words = q.text?.trim() ?? '';
    const hasWords = tokenize(words).length > 0;
    const sort = q.sort ?? (hasWords ? 'RELEVANCE' : 'NEWEST');
    const top = new TopK<SearchItem>(offset + limit, SEARCH_ORDER[sort]);
    let total = 0;
    this.visit(words, f, (doc, relevance) => {
      if (postingFilterFailures(doc, f) !== 0) return;
      total++;
      const distance = f.near === null ? 0 : postingDistance(doc, f)!;
      top.push({ id: doc.id, score: relevance, postedAt: doc.postedAt, salary: doc.salaryCeiling ?? -Infinity, distance });
    });
    const page = top.sorted().slice(offset);
    return { ids: page.map((k) => k.id), total, ...(f.near === null ? {} : { distancesMiles: page.map((k) => k.distance) }) };
  }

  /** Disjunctive counts: a posting failing only facet X's own clause still counts in X. */
  facets(q: PostingFacetsQuery): PostingFacetCounts {
    const f = compilePostingFilter(q.filter);
    const c = { states: new Map<string, number>(), settings: new Map<string, number>(), employmentTypes: new Map<string, number>(), remote: new Map<string, number>(), salaryBands: new Map<string, number>() };
    this.visit(q.text?.trim() ?? '', f, (doc) => {
      const failed = postingFilterFailures(doc, f);
      if (failed !== 0 && (failed & (failed - 1)) !== 0) return; // two or more clauses fail
      if (failsAtMost(failed, POSTING_CLAUSE.states) && doc.state !== null) bump(c.states, doc.state);
      if (failsAtMost(failed, POSTING_CLAUSE.settings)) bump(c.settings, doc.setting);
      if (failsAtMost(failed, POSTING_CLAUSE.employmentTypes)) bump(c.employmentTypes, doc.employmentType);
      if (failsAtMost(failed, POSTING_CLAUSE.remote)) bump(c.remote, String(doc.remote));
      if (failsAtMost(failed, POSTING_CLAUSE.minSalary) && doc.salaryBand !== null) bump(c.salaryBands, doc.salaryBand);
    });
    return { states: facetList(c.states), settings: facetList(c.settings), employmentTypes: facetList(c.employmentTypes), remote: facetList(c.remote), salaryBands: facetList(c.salaryBands) };
  }

  /**
   * Every posting that can pass: the text index's hits when there are words (like
   * Meilisearch, a query without any word lists everything), else the grid cells under
   * filter.near's box, else all. The caller still applies the whole filter.
   */
  private visit(words: string, f: CompiledPostingFilter, fn: (doc: PostingSearchDocument, relevance: number) => void): void {
    if (tokenize(words).length > 0) {
      this.ix.text.search(words, (id, relevance) => {
        const slot = this.ix.slots.get(id);
        if (slot !== undefined) fn(slot.doc, relevance);
      });
    } else if (f.box !== null) {
      this.ix.grid.visit(f.box, (id) => {
        const slot = this.ix.slots.get(id);
        if (slot !== undefined) fn(slot.doc, 0);
      });
    } else {
      for (const { doc } of this.ix.slots.items) fn(doc, 0);
    }
  }

  rankForCandidate(
    candidate: CandidateProfile,
    filter: PostingSearchFilter | null | undefined,
    includeIneligible: boolean,
    today: IsoDate,
    offset: number,
    limit: number,
  ): RankedPage {
    const f = compilePostingFilter(filter);
    const probe = compactCandidateProfile(candidate, this.vocab);
    const days = experienceDays(candidate.experience, today);
    const todayDay = isoToEpochDay(today);
    const top = new TopK<RankedItem>(offset + limit, jobBefore);
    const ev = newEvaluation();
    const key: RankedItem = { id: '', score: 0, postedAt: 0, eligible: false, missing: 0 };
    let total = 0;
    const filtered = !isEmptyFilter(f);
    const eligibleOnly = !includeIneligible;
    const slots = this.ix.slots.items;
    // Most documents score below the page's worst kept one: skip the full comparison for them.
    let worstScore = -Infinity;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (filtered && !postingPassesFilter(slot.doc, f)) continue;
      evaluate(probe, days, slot.packed, slot.minYears, todayDay, eligibleOnly, ev);
      if (eligibleOnly && !ev.eligible) continue;
      total++;
      if (ev.score < worstScore) continue;
      key.id = slot.doc.id;
      key.score = ev.score;
      key.postedAt = slot.doc.postedAt;
      if (!top.admits(key)) continue;
      top.push({ ...key, eligible: ev.eligible, missing: ev.missing });
      worstScore = top.worstIfFull()?.score ?? -Infinity;
    }
    const hits = top.sorted().slice(offset).map(toHit);
    // With near, every kept posting passed it, so it has a distance.
    if (f.near !== null) for (const h of hits) h.distanceMiles = postingDistance(this.ix.slots.get(h.id)!.doc, f) ?? undefined;
    return { hits, total };
  }


}

export function toHit(item: { id: string; score: number; eligible: boolean; missing: number }): RankedHit {
  return { id: item.id, score: item.score, eligible: item.eligible, missingCount: item.missing };
}
