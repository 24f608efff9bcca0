// Production search engine: Meilisearch through the official client. Documents are the port's
// documents plus a fit vector (meilisearch-fit-vectors.ts); hard requirements are filter
// strings (meilisearch-filters.ts); ranked lists are scored exactly, a small tier whole and
// a large one in windows of the vectors' order (meilisearch-exact-ranking.ts). Settings are
// sent only when they differ from the server's (meilisearch-settings-sync.ts).
// Every write waits for its task and checks it succeeded (a failed task resolves, it does not
// throw). Transient failures (unreachable host, timeout, 5xx) become SearchUnavailableError
// (SEARCH_UNAVAILABLE; the outbox retries); permanent ones (a 4xx for a bad filter or
// document, a task failed with an invalid_* code: meilisearch-errors.ts) SearchRejectedError
// (the outbox parks the entry).
import { Meilisearch, type Index } from 'meilisearch';
import { isoToEpochDay } from '../../matching/dates.js';
import type { CandidateFacetCounts, CandidateFacetsQuery, PostingFacetCounts, PostingFacetsQuery, SearchCandidatesQuery } from '../search-engine.js';
import type { CandidateSearchDocument, IdPage, PostingSearchDocument, RankCandidatesQuery, RankPostingsQuery } from '../search-engine.js';
import type { RankedPage, SearchEngine, SearchHealth, SearchPostingsQuery } from '../search-engine.js';
import { guardSearch } from '../search-errors.js';
import { isPermanentMeilisearchError } from './meilisearch-errors.js';
import { OPEN_POSTING, and, candidateEligibilityClause, candidateView, not } from './meilisearch-filters.js';
import { postingEligibilityClause, postingFilterClause, postingRequirements } from './meilisearch-filters.js';
import { CANDIDATE_SETTINGS, POSTING_SETTINGS } from './meilisearch-settings.js';
import { candidateQueryFitVectors, postingQueryFitVector } from './meilisearch-fit-inputs.js';
import { DEFAULT_EXACT_TIER, DEFAULT_RANK_WINDOWS, rankInWindows } from './meilisearch-exact-ranking.js';
import { prepareIndexes } from './meilisearch-index-setup.js';
import { MeilisearchTasks } from './meilisearch-tasks.js';
import { pageWindow } from '../page-window.js';
import { countHits, fitRanked, wholeTier } from './meilisearch-queries.js';
import { candidatePayload, postingPayload } from './meilisearch-payloads.js';

export { meiliPostingDocument } from './meilisearch-browse.js';
export { DEFAULT_EXACT_TIER, DEFAULT_RANK_WINDOWS } from './meilisearch-exact-ranking.js';
export { postingPayload } from './meilisearch-payloads.js';
import { CANDIDATE_POOL_FIELDS, POSTING_POOL_FIELDS, scoreCandidates, scorePostings } from './meilisearch-ranking.js';
import type { CandidatePoolDoc, PostingPoolDoc } from './meilisearch-ranking.js';
import type { IsoDate } from '../../matching/matching.types.js';
import { hitDistances, postingSort } from './meilisearch-browse.js';
import { askCandidateCounts, askCareerSteps } from './meilisearch-career.js';
import type { CandidateCountsQuery, CareerStepsQuery, StepCount } from '../career-queries.js';
import { askCandidateFacets, askPostingFacets, askSearchCandidates, hasWords } from './meilisearch-browse-requests.js';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Index uids are `<prefix>postings` and `<prefix>candidates`, so several apps can share a server. */
  indexPrefix?: string;
  requestTimeoutMs?: number;
  /** Request timeout of document writes (default 120 s). */
  writeTimeoutMs?: number;
  taskTimeoutMs?: number;
  /** Documents sorted exactly together in ranked lists, both directions (meilisearch-exact-ranking.ts); unset: DEFAULT_RANK_WINDOWS. */
  rankWindow?: number;
  /** Tiers of at most this many documents are ranked whole, exactly (meilisearch-exact-ranking.ts); unset or 0: never. */
  exactTier?: number;
  /**
   * Called once when the start-up settings check replaced the fit embedder of an index that
   * holds documents (an upgrade changed the vectors' layout): its documents lost their
   * vectors and must be re-sent (the app rebuilds from MongoDB).
   */
  onVectorsReplaced?: () => void;
}

type Doc = Record<string, unknown>;
/** Documents per page when reading every (id, version) pair for reconciliation. */
const VERSION_PAGE = 1000;

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly postings: Index<Doc>;
  private readonly candidates: Index<Doc>;
  private readonly postingWrites: Index<Doc>;
  private readonly candidateWrites: Index<Doc>;
  private readonly tasks: MeilisearchTasks;
  private readonly rankWindows: { postings: number; candidates: number };
  private readonly exactTier: number;
  private readonly onVectorsReplaced: () => void;
  private ready: Promise<void> | null = null;

  constructor(options: MeilisearchEngineOptions) {
    // Uncompressed answers: a ranked window is ~100 KB of JSON, and gzip on both sides cost
    // more CPU than the transfer saves next to the API (measured: zlib was the client's top
    // frame in a ranking profile).
    const requestInit = { headers: { 'accept-encoding': 'identity' } };
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 5_000, requestInit });
    // Document writes carry up to 5,000 documents (~9 MB) and Meilisearch reads them while it
    // indexes earlier batches: they get their own, longer request timeout.
    const writer = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.writeTimeoutMs ?? 120_000, requestInit });
    const prefix = options.indexPrefix ?? 'healthmatch_';
    this.postings = this.client.index<Doc>(`${prefix}postings`);
    this.candidates = this.client.index<Doc>(`${prefix}candidates`);
    this.postingWrites = writer.index<Doc>(`${prefix}postings`);
    this.candidateWrites = writer.index<Doc>(`${prefix}candidates`);
    // Counted from the task's start: a rebuild's merged batches (~20,000 documents) took over
    // 300 s on a loaded 2-core machine, and a timed-out wait does not cancel the task anyway.
    this.tasks = new MeilisearchTasks(this.client, options.taskTimeoutMs ?? 1_200_000);
    this.rankWindows =
      options.rankWindow === undefined ? DEFAULT_RANK_WINDOWS : { postings: options.rankWindow, candidates: options.rankWindow };
    this.exactTier = options.exactTier ?? DEFAULT_EXACT_TIER;
    this.onVectorsReplaced = options.onVectorsReplaced ?? (() => undefined);
  }

  async searchPostings(q: SearchPostingsQuery): Promise<IdPage> {
    return this.op('searchPostings', async () => {
      const { offset, limit } = pageWindow(q.offset, q.limit);
      const text = q.text?.trim() || null;
      const near = q.filter?.near ?? null;
      // One page of offset+limit from page 1: exact totalHits and any offset.
      const res = await this.postings.search(text, {
        filter: and(OPEN_POSTING, postingFilterClause(q.filter)),
        sort: postingSort(q.sort ?? (hasWords(text) ? 'RELEVANCE' : 'NEWEST'), near),
        page: 1,
        hitsPerPage: offset + limit,
        attributesToRetrieve: near ? ['id', 'latitude', 'longitude'] : ['id'],
      });
      const hits = res.hits.slice(offset);
      return { ids: hits.map((h) => String(h.id)), total: res.totalHits, ...(near ? { distancesMiles: hitDistances(hits, near) } : {}) };
    });
  }

  async postingFacets(q: PostingFacetsQuery): Promise<PostingFacetCounts> {
    return this.op('postingFacets', () => askPostingFacets(this.client, this.postings.uid, q));
  }

  async searchCandidates(q: SearchCandidatesQuery): Promise<IdPage> {
    return this.op('searchCandidates', () => askSearchCandidates(this.client, this.candidates, q, pageWindow(q.offset, q.limit)));
  }

  async candidateFacets(q: CandidateFacetsQuery): Promise<CandidateFacetCounts> {
    return this.op('candidateFacets', () => askCandidateFacets(this.client, this.candidates.uid, q));
  }

  async rankPostingsForCandidate(q: RankPostingsQuery): Promise<RankedPage> {
    return this.op('rankPostingsForCandidate', async () => {
      const { offset, limit } = pageWindow(q.offset, q.limit);
      const view = candidateView(q.candidate, q.today);
      const base = and(OPEN_POSTING, postingFilterClause(q.filter));
      const eligibility = postingEligibilityClause(view, q.catalog);
      const vectors = candidateQueryFitVectors(q.candidate, q.today);
      return rankInWindows<PostingPoolDoc>({
        eligibleFilter: and(base, eligibility),
        ineligibleFilter: q.includeIneligible ? and(base, not(eligibility)) : null,
        offset,
        limit,
        window: this.rankWindows.postings,
        exactTier: this.exactTier,
        count: (filter) => countHits(this.postings, filter),
        whole: (filter, size) => wholeTier<PostingPoolDoc>(this.postings, filter, size, POSTING_POOL_FIELDS),
        orders: vectors.length,
        ranked: (filter, order, size) => fitRanked<PostingPoolDoc>(this.postings, filter, size, vectors[order], POSTING_POOL_FIELDS),
        score: (docs) => scorePostings(docs, q.candidate, q.today),
        order: 'postings',
      });
    });
  }

  async rankCandidatesForPosting(q: RankCandidatesQuery): Promise<RankedPage> {
    return this.op('rankCandidatesForPosting', async () => {
      const { offset, limit } = pageWindow(q.offset, q.limit);
      const eligibility = candidateEligibilityClause(postingRequirements(q.posting, q.catalog), isoToEpochDay(q.today));
      const vector = postingQueryFitVector(q.posting, q.catalog);
      return rankInWindows<CandidatePoolDoc>({
        eligibleFilter: eligibility,
        ineligibleFilter: q.includeIneligible ? and('discoverable = true', not(eligibility)) : null,
        offset,
        limit,
        window: this.rankWindows.candidates,
        exactTier: this.exactTier,
        count: (filter) => countHits(this.candidates, filter),
        whole: (filter, size) => wholeTier<CandidatePoolDoc>(this.candidates, filter, size, CANDIDATE_POOL_FIELDS),
        orders: 1,
        ranked: (filter, _order, size) => fitRanked<CandidatePoolDoc>(this.candidates, filter, size, vector, CANDIDATE_POOL_FIELDS),
        score: (docs) => scoreCandidates(docs, q.posting, q.catalog, q.today),
        order: 'candidates',
      });
    });
  }

  careerSteps = (q: CareerStepsQuery): Promise<StepCount[]> => this.op('careerSteps', () => askCareerSteps(this.client, this.postings.uid, q));
  countCandidates = (q: CandidateCountsQuery): Promise<number[]> => this.op('countCandidates', () => askCandidateCounts(this.client, this.candidates.uid, q));

  async staleCandidateIds(today: IsoDate, limit: number): Promise<string[]> {
    return this.op('staleCandidateIds', async () => {
      const res = await this.candidates.search<Doc>(null, {
        filter: `experienceValidUntilDay < ${isoToEpochDay(today)}`,
        limit,
        attributesToRetrieve: ['id'],
      });
      return res.hits.map((h) => String(h.id));
    });
  }

  /** Pages through the index's documents reading only id and version (GET /indexes/:uid/documents). */
  async indexedVersions(entity: 'posting' | 'candidate'): Promise<Array<[string, number]>> {
    return this.op('indexedVersions', async () => {
      const index = entity === 'posting' ? this.postings : this.candidates;
      const out: Array<[string, number]> = [];
      for (let offset = 0; ; offset += VERSION_PAGE) {
        const page = await index.getDocuments<{ id: string; version?: number }>({ fields: ['id', 'version'], offset, limit: VERSION_PAGE });
        for (const d of page.results) out.push([String(d.id), typeof d.version === 'number' ? d.version : 0]);
        if (page.results.length < VERSION_PAGE) return out;
      }
    });
  }

  async upsertPostings(docs: readonly PostingSearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.op('upsertPostings', () =>
      this.tasks.write('upsertPostings', this.postingWrites.addDocuments(docs.map(postingPayload), { primaryKey: 'id' })),
    );
  }

  async deletePostings(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.op('deletePostings', () => this.tasks.write('deletePostings', this.postingWrites.deleteDocuments([...ids])));
  }

  async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.op('upsertCandidates', () => this.tasks.write('upsertCandidates', this.candidateWrites.addDocuments(docs.map(candidatePayload), { primaryKey: 'id' })));
  }

  async deleteCandidates(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.op('deleteCandidates', () => this.tasks.write('deleteCandidates', this.candidateWrites.deleteDocuments([...ids])));
  }

  async reset(): Promise<void> {
    await guardSearch(
      'reset',
      async () => {
        this.ready = null;
        await this.ensureReady();
        await this.tasks.write('reset', this.postings.deleteAllDocuments());
        await this.tasks.write('reset', this.candidates.deleteAllDocuments());
      },
      isPermanentMeilisearchError,
    );
  }

  async health(): Promise<SearchHealth> {
    try {
      const h = await this.client.health();
      return { ok: h.status === 'available', engine: 'meilisearch', detail: h.status };
    } catch (err) {
      return { ok: false, engine: 'meilisearch', detail: err instanceof Error ? err.name : 'unreachable' };
    }
  }

  async documentCounts(): Promise<{ postings: number; candidates: number }> {
    return guardSearch('documentCounts', async () => {
      const [postings, candidates] = await Promise.all([this.postings.getStats(), this.candidates.getStats()]);
      return { postings: postings.numberOfDocuments, candidates: candidates.numberOfDocuments };
    });
  }

  async close(): Promise<void> {
    // The client holds no sockets of its own (fetch); nothing to release.
  }

  private op<T>(operation: string, work: () => Promise<T>): Promise<T> {
    return guardSearch(
      operation,
      async () => {
        await this.ensureReady();
        return work();
      },
      isPermanentMeilisearchError,
    );
  }

  /** Index setup (meilisearch-index-setup.ts) once per engine, again after a failure. */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      const replaced = await prepareIndexes(this.client, this.tasks, [[this.postings, POSTING_SETTINGS], [this.candidates, CANDIDATE_SETTINGS]]);
      // After `ready` settles: the rebuild's own reset waits for a fresh settings check.
      if (replaced) setTimeout(this.onVectorsReplaced, 0);
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }
}
