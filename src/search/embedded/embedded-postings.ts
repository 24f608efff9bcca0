// In-memory store of OPEN postings for the embedded engine: per posting a compact slot (the
// fields filters, facets and orders read, labels as interned numbers, and the packed form the
// kernel scores), never the whole document: the texts live only in the text index's lists.
// A closed posting can never be returned by any operation, so upserting one removes it.
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
import { compileSlotFilter, postingDistance, postingFilterFailures, type SlotFilter, type PostingSlot } from './posting-filter.js';
import { Vocabulary, evaluate, newEvaluation } from '../kernel/match-kernel.js';
import { compactCandidateProfile, compactPostingDocument, type Vocabularies } from '../kernel/compact-documents.js';
import { postingTextFields, tokenize } from './embedded-text-index.js';
import { TopK } from './top-k.js';
import { StoreIndexes, type StoreIndexesState } from './store-indexes.js';
import { countPostingFacets } from './posting-facets.js';

export type { PostingSlot } from './posting-filter.js';

export interface PostingStoreState extends StoreIndexesState<PostingSlot> {
  /** The label and employer vocabularies the slots' numbers refer to. */
  labels: string[];
  employers: string[];
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
  private readonly ix = new StoreIndexes<PostingSlot>(
    (slot) => slot.id,
    // Remote postings never pass `near`: they stay out of the grid.
    (slot) => (slot.f.remote ? { latitude: null, longitude: null } : slot.f),
    (s) => ({ id: s.id, packed: s.packed.slice(), minYears: s.minYears, f: s.f }),
  );
  private readonly labels = new Vocabulary();
  private readonly employers = new Vocabulary();

  constructor(private readonly vocab: Vocabularies) {}

  get size(): number {
    return this.ix.slots.size;
  }

  /** The open postings (read-only: embedded-career.ts scans them). */
  get slots(): readonly PostingSlot[] {
    return this.ix.slots.items;
  }

  /** For embedded-career.ts: the filter on slots, and a slot's label (state) as a string. */
  slotFilter(filter: PostingSearchFilter | null | undefined): (slot: PostingSlot) => boolean {
    const f = this.compile(filter);
    return f.empty ? () => true : (slot) => postingFilterFailures(slot.f, f) === 0;
  }

  label(id: number): string | null {
    return id < 0 ? null : this.labels.value(id);
  }

  upsert(docs: readonly PostingSearchDocument[]): void {
    const open = docs.filter((d) => d.status === PostingStatus.OPEN);
    this.ix.delete(docs.filter((d) => d.status !== PostingStatus.OPEN).map((d) => d.id));
    this.ix.put(open.map((doc) => ({ slot: this.slotOf(doc), fields: postingTextFields(doc) })));
  }

  private slotOf(doc: PostingSearchDocument): PostingSlot {
    const label = (v: string | null): number => (v === null ? -1 : this.labels.intern(v));
    const f = {
      postedAt: doc.postedAt,
      salary: doc.salaryCeiling,
      latitude: doc.latitude,
      longitude: doc.longitude,
      remote: doc.remote,
      state: label(doc.state),
      setting: label(doc.setting),
      employmentType: label(doc.employmentType),
      band: label(doc.salaryBand),
      employer: this.employers.intern(doc.employerId),
      // Shared strings (one per distinct code): career steps name the code a posting lacks.
      requiredCodes: doc.requiredQualificationCodes.map((c) => this.labels.value(this.labels.intern(c))),
    };
    return { id: doc.id, packed: compactPostingDocument(doc, this.vocab), minYears: doc.minYearsExperience, f };
  }

  delete(ids: readonly string[]): void {
    this.ix.delete(ids);
  }

  clear(): void {
    this.ix.clear();
    this.labels.clear();
    this.employers.clear();
  }

  exportState(): PostingStoreState {
    return { ...this.ix.exportState(), labels: this.labels.values(), employers: this.employers.values() };
  }

  importState(state: PostingStoreState): void {
    this.labels.load(state.labels);
    this.employers.load(state.employers);
    this.ix.importState(state);
  }

  private compile(filter: PostingSearchFilter | null | undefined): SlotFilter {
    return compileSlotFilter(filter, this.labels, this.employers);
  }

  search(q: SearchPostingsQuery, offset: number, limit: number): IdPage {
    const f = this.compile(q.filter);
    const words = q.text?.trim() ?? '';
    const hasWords = tokenize(words).length > 0;
    const sort = q.sort ?? (hasWords ? 'RELEVANCE' : 'NEWEST');
    const top = new TopK<SearchItem>(offset + limit, SEARCH_ORDER[sort]);
    // One reused key: only a posting that would enter the page gets its own object.
    const key: SearchItem = { id: '', score: 0, postedAt: 0, salary: 0, distance: 0 };
    let total = 0;
    this.visit(words, f, true, (slot, relevance) => {
      const p = slot.f;
      if (postingFilterFailures(p, f) !== 0) return;
      total++;
      key.id = slot.id;
      key.score = relevance;
      key.postedAt = p.postedAt;
      key.salary = p.salary ?? -Infinity;
      key.distance = f.near === null ? 0 : postingDistance(p, f)!;
      if (top.admits(key)) top.push({ ...key });
    });
    const page = top.sorted().slice(offset);
    return { ids: page.map((k) => k.id), total, ...(f.near === null ? {} : { distancesMiles: page.map((k) => k.distance) }) };
  }

  /** Disjunctive counts: a posting failing only facet X's own clause still counts in X. */
  facets(q: PostingFacetsQuery): PostingFacetCounts {
    const f = this.compile(q.filter);
    return countPostingFacets(this.labels, (count) => this.visit(q.text?.trim() ?? '', f, false, (slot) => count(slot.f, postingFilterFailures(slot.f, f))));
  }

  /**
   * Every posting that can pass: the text index's hits when there are words (like
   * Meilisearch, a query without any word lists everything), else the grid cells under
   * filter.near's box, else all. The caller still applies the whole filter. Without
   * `scored` the text hits come unscored (relevance 0), which is cheaper.
   */
  private visit(words: string, f: SlotFilter, scored: boolean, fn: (slot: PostingSlot, relevance: number) => void): void {
    if (tokenize(words).length > 0) {
      if (scored) this.ix.text.search(words, fn);
      else this.ix.text.matching(words, (slot) => fn(slot, 0));
    } else if (f.box !== null) {
      this.ix.grid.visit(f.box, (slot) => fn(slot, 0));
    } else {
      const slots = this.ix.slots.items;
      for (let i = 0; i < slots.length; i++) fn(slots[i], 0);
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
    const f = this.compile(filter);
    const probe = compactCandidateProfile(candidate, this.vocab);
    const days = experienceDays(candidate.experience, today);
    const todayDay = isoToEpochDay(today);
    const top = new TopK<RankedItem>(offset + limit, jobBefore);
    const ev = newEvaluation();
    const key: RankedItem = { id: '', score: 0, postedAt: 0, eligible: false, missing: 0 };
    let total = 0;
    const filtered = !f.empty;
    const eligibleOnly = !includeIneligible;
    const slots = this.ix.slots.items;
    // Most documents score below the page's worst kept one: skip the full comparison for them.
    let worstScore = -Infinity;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (filtered && postingFilterFailures(slot.f, f) !== 0) continue;
      evaluate(probe, days, slot.packed, slot.minYears, todayDay, eligibleOnly, ev);
      if (eligibleOnly && !ev.eligible) continue;
      total++;
      if (ev.score < worstScore) continue;
      key.id = slot.id;
      key.score = ev.score;
      key.postedAt = slot.f.postedAt;
      if (!top.admits(key)) continue;
      top.push({ ...key, eligible: ev.eligible, missing: ev.missing });
      worstScore = top.worstIfFull()?.score ?? -Infinity;
    }
    const hits = top.sorted().slice(offset).map(toHit);
    // With near, every kept posting passed it, so it has a distance.
    if (f.near !== null) for (const h of hits) h.distanceMiles = postingDistance(this.ix.slots.get(h.id)!.f, f) ?? undefined;
    return { hits, total };
  }
}

export function toHit(item: { id: string; score: number; eligible: boolean; missing: number }): RankedHit {
  return { id: item.id, score: item.score, eligible: item.eligible, missingCount: item.missing };
}
