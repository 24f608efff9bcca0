// In-memory store of DISCOVERABLE candidates for the embedded engine. A non-discoverable
// candidate can never be returned, so upserting one removes it. Experience is kept as the
// growth anchor (one subtraction per candidate per query) with the intervals as fallback for
// days outside the anchor's validity, so results stay exact on any `today`.
import { compareCandidateMatches, type CandidateRankKey } from '../../matching/ordering.js';
import type { CatalogQualification, ExperienceInterval, IsoDate, PostingProfile } from '../../matching/matching.types.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type { CandidateSearchDocument, RankedPage } from '../search-engine.js';
import { evaluate, newEvaluation } from '../kernel/match-kernel.js';
import { compactCandidateDocument, compactPostingProfile, type Vocabularies } from '../kernel/compact-documents.js';
import { TopK } from './top-k.js';
import { toHit } from './embedded-postings.js';
import { DenseSlots } from './dense-slots.js';

interface CandidateSlot {
  id: string;
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

/**
 * The same inclusive-day convention as the matching module's experienceDays (experience.ts):
 * a position covers [start, end + 1); malformed or reversed ones cover nothing.
 */
export function dayIntervals(experience: readonly ExperienceInterval[]): Float64Array {
  const pairs: [number, number][] = [];
  for (const e of experience) {
    const s = isoToEpochDay(e.startDate);
    const end = e.endDate == null ? Infinity : isoToEpochDay(e.endDate) + 1;
    if (s < end) pairs.push([s, end]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return Float64Array.from(pairs.flat());
}

/** Length of the union of the intervals up to and including `day` (a sweep over sorted starts). */
export function unionDaysOn(intervals: Float64Array, day: number): number {
  const limit = day + 1;
  let reach = -Infinity;
  let total = 0;
  for (let i = 0; i < intervals.length; i += 2) {
    const s = Math.max(intervals[i], reach);
    const e = Math.min(intervals[i + 1], limit);
    if (s < e) {
      total += e - s;
      reach = e;
    }
  }
  return total;
}

/** Experience days on `day`: the anchor where it is exact, else the intervals themselves. */
export function candidateDaysOn(slot: CandidateSlot, day: number): number {
  if (day >= slot.anchorFromDay && day < slot.anchorUntilDay) {
    return Number.isNaN(slot.effectiveStartDay) ? slot.closedDays : day - slot.effectiveStartDay;
  }
  return unionDaysOn(slot.intervals, day);
}

export class EmbeddedCandidateStore {
  private readonly slots = new DenseSlots<CandidateSlot>((slot) => slot.id);

  constructor(private readonly vocab: Vocabularies) {}

  get size(): number {
    return this.slots.size;
  }

  upsert(docs: readonly CandidateSearchDocument[]): void {
    for (const doc of docs) {
      if (!doc.discoverable) {
        this.slots.drop(doc.id);
        continue;
      }
      this.slots.put({
        id: doc.id,
        packed: compactCandidateDocument(doc, this.vocab),
        intervals: dayIntervals(doc.experience),
        anchorFromDay: doc.indexedOnDay,
        anchorUntilDay: doc.experienceValidUntilDay ?? Infinity,
        closedDays: doc.experienceClosedDays,
        effectiveStartDay: doc.experienceEffectiveStartDay ?? NaN,
      });
    }
  }

  delete(ids: readonly string[]): void {
    for (const id of ids) this.slots.drop(id);
  }

  clear(): void {
    this.slots.clear();
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
    const slots = this.slots.items;
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
