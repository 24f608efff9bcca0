// Production search engine: Meilisearch through the official client. Documents are the port's
// documents plus a profile vector (meilisearch-vectors.ts); hard requirements are filter
// strings (meilisearch-filters.ts); the page is re-scored exactly (meilisearch-ranking.ts).
// Every write waits for its task and checks it succeeded (a failed task resolves, it does not
// throw). Transient failures (unreachable host, timeout, 5xx) become SearchUnavailableError
// (SEARCH_UNAVAILABLE; the outbox retries); permanent ones (a 4xx for a bad filter or
// document, a task failed with an invalid_* code: meilisearch-errors.ts) SearchRejectedError
// (the outbox parks the entry).
import { Meilisearch, type EnqueuedTaskPromise, type Index, type Settings, type Task } from 'meilisearch';
import { degreeRank } from '../../shared/enums.js';
import { DAYS_PER_YEAR, experienceDays } from '../../matching/experience.js';
import { epochDayToIso, isoToEpochDay } from '../../matching/dates.js';
import { distinctCodes, normalizeTerms } from '../../shared/normalize.js';
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
import { SearchRejectedError, SearchUnavailableError, guardSearch } from '../search-errors.js';
import { isPermanentMeilisearchError, permanentTaskFailure } from './meilisearch-errors.js';
import {
  OPEN_POSTING,
  and,
  candidateEligibilityClause,
  candidateView,
  not,
  postingEligibilityClause,
  postingFilterClause,
  postingRequirements,
} from './meilisearch-filters.js';
import { CANDIDATE_SETTINGS, POSTING_SETTINGS } from './meilisearch-settings.js';
import { PROFILE_EMBEDDER, candidateVector, postingVector } from './meilisearch-vectors.js';

export { meiliPostingDocument } from './meilisearch-browse.js';
import {
  CANDIDATE_POOL_FIELDS,
  POSTING_POOL_FIELDS,
  rankInTiers,
  scoreCandidates,
  scorePostings,
  type CandidatePoolDoc,
  type PostingPoolDoc,
} from './meilisearch-ranking.js';
import type { IsoDate } from '../../matching/matching.types.js';
import { geoField, hitDistances, meiliPostingDocument, postingSort } from './meilisearch-browse.js';
import { askCandidateFacets, askPostingFacets, askSearchCandidates, hasWords } from './meilisearch-browse-requests.js';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Index uids are `<prefix>postings` and `<prefix>candidates`, so several apps can share a server. */
  indexPrefix?: string;
  requestTimeoutMs?: number;
  taskTimeoutMs?: number;
  /** Documents re-scored exactly per tier and request (see meilisearch-ranking.ts). */
  poolSize?: number;
}

type Doc = Record<string, unknown>;
/** Documents per page when reading every (id, version) pair for reconciliation. */
const VERSION_PAGE = 1000;

function window(offset: number, limit: number): { offset: number; limit: number } {
  return {
    offset: Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0,
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0,
  };
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly postings: Index<Doc>;
  private readonly candidates: Index<Doc>;
  private readonly taskTimeoutMs: number;
  private readonly poolSize: number;
  private ready: Promise<void> | null = null;

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 5_000 });
    const prefix = options.indexPrefix ?? 'healthmatch_';
    this.postings = this.client.index<Doc>(`${prefix}postings`);
    this.candidates = this.client.index<Doc>(`${prefix}candidates`);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.poolSize = options.poolSize ?? 1_000;
  }

  async searchPostings(q: SearchPostingsQuery): Promise<IdPage> {
    return this.op('searchPostings', async () => {
      const { offset, limit } = window(q.offset, q.limit);
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
    return this.op('searchCandidates', () => askSearchCandidates(this.client, this.candidates, q, window(q.offset, q.limit)));
  }

  async candidateFacets(q: CandidateFacetsQuery): Promise<CandidateFacetCounts> {
    return this.op('candidateFacets', () => askCandidateFacets(this.client, this.candidates.uid, q));
  }

  async rankPostingsForCandidate(q: RankPostingsQuery): Promise<RankedPage> {
    return this.op('rankPostingsForCandidate', async () => {
      const { offset, limit } = window(q.offset, q.limit);
      const view = candidateView(q.candidate, q.today);
      const base = and(OPEN_POSTING, postingFilterClause(q.filter));
      const eligibility = postingEligibilityClause(view, q.catalog);
      const vector = candidateVector(q.candidate, view.experienceYears);
      return rankInTiers<PostingPoolDoc>({
        eligibleFilter: and(base, eligibility),
        ineligibleFilter: q.includeIneligible ? and(base, not(eligibility)) : null,
        offset,
        limit,
        poolSize: this.poolSize,
        count: (filter) => this.count(this.postings, filter),
        pool: (filter, size) => this.pool<PostingPoolDoc>(this.postings, filter, size, vector, POSTING_POOL_FIELDS),
        score: (docs) => scorePostings(docs, q.candidate, q.today),
        order: 'postings',
      });
    });
  }

  async rankCandidatesForPosting(q: RankCandidatesQuery): Promise<RankedPage> {
    return this.op('rankCandidatesForPosting', async () => {
      const { offset, limit } = window(q.offset, q.limit);
      const eligibility = candidateEligibilityClause(postingRequirements(q.posting, q.catalog), isoToEpochDay(q.today));
      const vector = postingVector({
        minDegreeRank: q.posting.minDegree ? degreeRank(q.posting.minDegree.minLevel) : null,
        minYearsExperience: q.posting.minYearsExperience,
        requiredQualificationCodes: distinctCodes(q.posting.requiredQualificationCodes),
        preferredQualificationCodes: distinctCodes(q.posting.preferredQualificationCodes),
        skills: normalizeTerms(q.posting.skills),
      });
      return rankInTiers<CandidatePoolDoc>({
        eligibleFilter: eligibility,
        ineligibleFilter: q.includeIneligible ? and('discoverable = true', not(eligibility)) : null,
        offset,
        limit,
        poolSize: this.poolSize,
        count: (filter) => this.count(this.candidates, filter),
        pool: (filter, size) => this.pool<CandidatePoolDoc>(this.candidates, filter, size, vector, CANDIDATE_POOL_FIELDS),
        score: (docs) => scoreCandidates(docs, q.posting, q.catalog, q.today),
        order: 'candidates',
      });
    });
  }

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
      this.write('upsertPostings', this.postings.addDocuments(docs.map(meiliPostingDocument), { primaryKey: 'id' })),
    );
  }

  async deletePostings(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.op('deletePostings', () => this.write('deletePostings', this.postings.deleteDocuments([...ids])));
  }

  async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const withVectors = docs.map((d) => {
      const years = experienceDays(d.experience, epochDayToIso(d.indexedOnDay)) / DAYS_PER_YEAR;
      return { ...d, ...geoField(d), _vectors: { [PROFILE_EMBEDDER]: candidateVector(d, years) } };
    });
    await this.op('upsertCandidates', () => this.write('upsertCandidates', this.candidates.addDocuments(withVectors, { primaryKey: 'id' })));
  }

  async deleteCandidates(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.op('deleteCandidates', () => this.write('deleteCandidates', this.candidates.deleteDocuments([...ids])));
  }

  async reset(): Promise<void> {
    await guardSearch(
      'reset',
      async () => {
        this.ready = null;
        await this.ensureReady();
        await this.write('reset', this.postings.deleteAllDocuments());
        await this.write('reset', this.candidates.deleteAllDocuments());
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

  /** Creates both indexes if missing and applies settings, once per engine (again after a failure). */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      for (const [index, settings] of [[this.postings, POSTING_SETTINGS], [this.candidates, CANDIDATE_SETTINGS]] as [Index<Doc>, Settings][]) {
        const created = await this.client.createIndex(index.uid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
        if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') this.failed('createIndex', created);
        await this.write('updateSettings', index.updateSettings(settings));
      }
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  private async write(operation: string, enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status !== 'succeeded') this.failed(operation, task);
  }

  private failed(operation: string, task: Task): never {
    const cause = task.error ?? new Error(`task ${task.uid} ended ${task.status}`);
    const permanent = permanentTaskFailure(task);
    if (permanent !== null) throw new SearchRejectedError(operation, permanent, { cause });
    throw new SearchUnavailableError(operation, { cause });
  }

  /** Documented: with `page: 0` Meilisearch returns no documents but exhaustive totalHits. */
  private async count(index: Index<Doc>, filter: string): Promise<number> {
    const res = await index.search(null, { filter, page: 0, hitsPerPage: 1 });
    return res.totalHits;
  }

  private async pool<D>(index: Index<Doc>, filter: string, size: number, vector: number[], fields: string[]): Promise<D[]> {
    const res = await index.search<Doc>(null, {
      filter,
      limit: size,
      vector,
      hybrid: { embedder: PROFILE_EMBEDDER, semanticRatio: 1 },
      attributesToRetrieve: fields,
    });
    return res.hits as unknown as D[];
  }
}
