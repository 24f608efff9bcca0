// The in-process search engine: the zero-infrastructure default (no MEILI_HOST) and the one the
// tests and the benchmark run. It holds only what was upserted and never reads MongoDB.
//
// Full text: a small BM25 inverted index (embedded-text-index.ts says why not @orama/orama:
// measured far too slow at 100,000 postings).
//
// Ranking for matching: the page must be ordered by the exact score of EVERY eligible document
// (recall@20 vs exact scoring), and eligibility needs per-credential "held AND current on day D
// AND in state S" and "experience years on day D" tests that a generic where-clause index
// cannot express without per-element joins. So each store keeps, per document, one packed
// Int32Array of interned ids (kernel/match-kernel.ts), and a query scans the open postings /
// discoverable candidates once, tests eligibility with the kernel (which mirrors the rules of
// src/matching) and scores each with src/matching/scoring.ts's fitScore/matchScore, keeping only the best offset+limit in a heap. That is exact by
// construction (recall 100%), costs O(n) small integer compares with no allocation per
// document, and indexing is a few array conversions per document. Posting filters are plain
// field comparisons in the same scan (posting-filter.ts).
import type {
  CandidateFacetCounts,
  CandidateFacetsQuery,
  PostingFacetCounts,
  PostingFacetsQuery,
  SearchCandidatesQuery,
  CandidateSearchDocument,
  IdPage,
  PostingSearchDocument,
  RankCandidatesQuery,
  RankPostingsQuery,
  RankedPage,
  SearchEngine,
  SearchHealth,
  SearchPostingsQuery,
} from '../search-engine.js';
import { Vocabulary } from '../kernel/match-kernel.js';
import type { Vocabularies } from '../kernel/compact-documents.js';
import { EmbeddedPostingStore, type PostingStoreState } from './embedded-postings.js';
import { EmbeddedCandidateStore, type CandidateStoreState } from './embedded-candidates.js';
import { guardSearch } from '../search-errors.js';
import { readSnapshot, writeSnapshot, type SnapshotMeta, type SnapshottingEngine } from './embedded-snapshot.js';
import { pageWindow } from '../page-window.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import type { StepCount } from '../../matching/career-steps.js';
import { careerStepsOf, countCandidatesOf } from './embedded-career.js';

/** Last document per id wins, as with a sequence of single upserts. */
function lastPerId<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...new Map(docs.map((d) => [d.id, d])).values()];
}

/**
 * Everything an engine holds, as plain structured-cloneable data: copied between pool replicas
 * (worker-pool/) and written to the start-up snapshot (index-sync/snapshot.ts).
 */
export interface EmbeddedEngineState {
  format: 1;
  vocab: { skills: string[]; fields: string[]; tokens: string[] };
  postings: PostingStoreState;
  candidates: CandidateStoreState;
  postingVersions: Map<string, number>;
  candidateVersions: Map<string, number>;
}

function recordVersions(versions: Map<string, number>, docs: readonly { id: string; version?: number }[]): void {
  for (const d of docs) versions.set(d.id, d.version ?? 0);
}

export class EmbeddedSearchEngine implements SearchEngine, SnapshottingEngine {
  readonly kind = 'embedded' as const;
  private readonly vocab: Vocabularies = { skills: new Vocabulary(), fields: new Vocabulary(), tokens: new Vocabulary() };
  private readonly postings = new EmbeddedPostingStore(this.vocab);
  private readonly candidates = new EmbeddedCandidateStore(this.vocab);
  // Every document given, open or not: the stores keep only the rankable ones.
  private postingVersions = new Map<string, number>();
  private candidateVersions = new Map<string, number>();
  private closed = false;

  async searchPostings(query: SearchPostingsQuery): Promise<IdPage> {
    return this.run('searchPostings', async () => {
      const { offset, limit } = pageWindow(query.offset, query.limit);
      return this.postings.search(query, offset, limit);
    });
  }

  async postingFacets(query: PostingFacetsQuery): Promise<PostingFacetCounts> {
    return this.run('postingFacets', async () => this.postings.facets(query));
  }

  async searchCandidates(query: SearchCandidatesQuery): Promise<IdPage> {
    return this.run('searchCandidates', async () => {
      const { offset, limit } = pageWindow(query.offset, query.limit);
      return this.candidates.search(query, offset, limit);
    });
  }

  async candidateFacets(query: CandidateFacetsQuery): Promise<CandidateFacetCounts> {
    return this.run('candidateFacets', async () => this.candidates.facets(query));
  }

  async rankPostingsForCandidate(query: RankPostingsQuery): Promise<RankedPage> {
    return this.run('rankPostingsForCandidate', async () => {
      const { offset, limit } = pageWindow(query.offset, query.limit);
      return this.postings.rankForCandidate(query.candidate, query.filter, query.includeIneligible, query.today, offset, limit);
    });
  }

  async rankCandidatesForPosting(query: RankCandidatesQuery): Promise<RankedPage> {
    return this.run('rankCandidatesForPosting', async () => {
      const { offset, limit } = pageWindow(query.offset, query.limit);
      return this.candidates.rankForPosting(query.posting, query.catalog, query.includeIneligible, query.today, offset, limit);
    });
  }

  async careerSteps(query: CareerStepsQuery): Promise<StepCount[]> {
    return this.run('careerSteps', async () => careerStepsOf(this.postings.slots, this.vocab, query));
  }

  async countCandidates(query: CandidateCountsQuery): Promise<number[]> {
    return this.run('countCandidates', async () => countCandidatesOf(this.candidates.slots, this.vocab, query));
  }

  async upsertPostings(docs: readonly PostingSearchDocument[]): Promise<void> {
    return this.run('upsertPostings', async () => {
      const latest = lastPerId(docs);
      this.postings.upsert(latest);
      recordVersions(this.postingVersions, latest);
    });
  }

  /**
   * None: the embedded engine tests experience from the stored intervals whenever an anchor is
   * stale (exact on any day), and it is rebuilt at every start anyway.
   */
  async staleCandidateIds(): Promise<string[]> {
    return [];
  }

  async deletePostings(ids: readonly string[]): Promise<void> {
    return this.run('deletePostings', async () => {
      this.postings.delete(ids);
      for (const id of ids) this.postingVersions.delete(id);
    });
  }

  async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
    return this.run('upsertCandidates', async () => {
      const latest = lastPerId(docs);
      this.candidates.upsert(latest);
      recordVersions(this.candidateVersions, latest);
    });
  }

  async deleteCandidates(ids: readonly string[]): Promise<void> {
    return this.run('deleteCandidates', async () => {
      this.candidates.delete(ids);
      for (const id of ids) this.candidateVersions.delete(id);
    });
  }

  async reset(): Promise<void> {
    return this.run('reset', async () => {
      this.postings.clear();
      this.candidates.clear();
      this.vocab.skills.clear();
      this.vocab.fields.clear();
      this.vocab.tokens.clear();
      this.postingVersions.clear();
      this.candidateVersions.clear();
    });
  }

  async indexedVersions(entity: 'posting' | 'candidate'): Promise<Array<[string, number]>> {
    return this.run('indexedVersions', async () => [...(entity === 'posting' ? this.postingVersions : this.candidateVersions)]);
  }

  async saveSnapshot(file: string, takenAt: number, snapshotId?: string): Promise<SnapshotMeta & { bytes: number }> {
    const meta = { takenAt, snapshotId, postings: this.postingVersions.size, candidates: this.candidateVersions.size };
    return { ...meta, bytes: await writeSnapshot(this.exportState(), file, meta) };
  }

  async loadSnapshot(file: string): Promise<SnapshotMeta | null> {
    const read = await readSnapshot(file);
    if (!read) return null;
    this.importState(read.state);
    return read.meta;
  }

  /** The live state, not a copy: clone it (postMessage, v8.serialize) before changing the engine. */
  exportState(): EmbeddedEngineState {
    return {
      format: 1,
      vocab: { skills: this.vocab.skills.values(), fields: this.vocab.fields.values(), tokens: this.vocab.tokens.values() },
      postings: this.postings.exportState(),
      candidates: this.candidates.exportState(),
      postingVersions: this.postingVersions,
      candidateVersions: this.candidateVersions,
    };
  }

  /** Replaces everything with `state` (taken from exportState of this code's version). */
  importState(state: EmbeddedEngineState): void {
    if (state.format !== 1) throw new Error(`unknown embedded engine state format ${String(state.format)}`);
    this.vocab.skills.load(state.vocab.skills);
    this.vocab.fields.load(state.vocab.fields);
    this.vocab.tokens.load(state.vocab.tokens);
    this.postings.importState(state.postings);
    this.candidates.importState(state.candidates);
    this.postingVersions = state.postingVersions;
    this.candidateVersions = state.candidateVersions;
  }

  async health(): Promise<SearchHealth> {
    return this.closed
      ? { ok: false, engine: 'embedded', detail: 'closed' }
      : { ok: true, engine: 'embedded', detail: `${this.postings.size} open postings, ${this.candidates.size} discoverable candidates` };
  }

  async documentCounts(): Promise<{ postings: number; candidates: number }> {
    return { postings: this.postings.size, candidates: this.candidates.size };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.postings.clear();
    this.candidates.clear();
  }

  /** A closed engine answers like an unreachable one, and any internal failure is typed. */
  private run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    return guardSearch(operation, async () => {
      if (this.closed) throw new Error('embedded search engine is closed');
      return work();
    });
  }
}
