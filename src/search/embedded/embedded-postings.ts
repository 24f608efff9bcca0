// In-memory store of OPEN postings for the embedded engine: the document (for filters and
// ordering) next to its compact form (for the kernel). A closed posting can never be
// returned by any operation, so upserting one simply removes it.
import { PostingStatus } from '../../shared/enums.js';
import { compareJobMatches, type JobRankKey } from '../../matching/ordering.js';
import type { CandidateProfile, IsoDate } from '../../matching/matching.types.js';
import { experienceDays } from '../../matching/experience.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type { IdPage, PostingSearchDocument, PostingSearchFilter, RankedHit, RankedPage } from '../search-engine.js';
import { compilePostingFilter, isEmptyFilter, postingPassesFilter } from './posting-filter.js';
import { evaluate, newEvaluation } from '../kernel/match-kernel.js';
import { compactCandidateProfile, compactPostingDocument, type Vocabularies } from '../kernel/compact-documents.js';
import { PostingTextIndex, tokenize } from './embedded-text-index.js';
import { TopK } from './top-k.js';
import { DenseSlots } from './dense-slots.js';

interface PostingSlot {
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

export class EmbeddedPostingStore {
  private readonly slots = new DenseSlots<PostingSlot>((slot) => slot.doc.id);
  private readonly text = new PostingTextIndex();

  constructor(private readonly vocab: Vocabularies) {}

  get size(): number {
    return this.slots.size;
  }

  upsert(docs: readonly PostingSearchDocument[]): void {
    const open: PostingSearchDocument[] = [];
    for (const doc of docs) {
      if (doc.status === PostingStatus.OPEN) {
        this.slots.put({ doc, packed: compactPostingDocument(doc, this.vocab), minYears: doc.minYearsExperience });
        open.push(doc);
      } else {
        this.slots.drop(doc.id);
      }
    }
    this.text.remove(docs.filter((d) => d.status !== PostingStatus.OPEN).map((d) => d.id));
    this.text.upsert(open);
  }

  delete(ids: readonly string[]): void {
    for (const id of ids) this.slots.drop(id);
    this.text.remove(ids);
  }

  clear(): void {
    this.slots.clear();
    this.text.clear();
  }

  search(text: string | null | undefined, filter: PostingSearchFilter | null | undefined, offset: number, limit: number): IdPage {
    const f = compilePostingFilter(filter);
    const top = new TopK<JobRankKey>(offset + limit, jobBefore);
    let total = 0;
    const words = text?.trim() ?? '';
    // Like Meilisearch, a query without any word (blank, punctuation) lists every posting.
    if (tokenize(words).length > 0) {
      // Relevance takes the place of the score; ties fall back to postedAt and id.
      this.text.search(words, (id, relevance) => {
        const slot = this.slots.get(id);
        if (slot === undefined || !postingPassesFilter(slot.doc, f)) return;
        total++;
        top.push({ id, score: relevance, postedAt: slot.doc.postedAt });
      });
    } else {
      for (const { doc } of this.slots.items) {
        if (!postingPassesFilter(doc, f)) continue;
        total++;
        top.push({ id: doc.id, score: 0, postedAt: doc.postedAt });
      }
    }
    return { ids: top.sorted().slice(offset).map((k) => k.id), total };
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
    const slots = this.slots.items;
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
    return { hits: top.sorted().slice(offset).map(toHit), total };
  }


}

export function toHit(item: { id: string; score: number; eligible: boolean; missing: number }): RankedHit {
  return { id: item.id, score: item.score, eligible: item.eligible, missingCount: item.missing };
}
