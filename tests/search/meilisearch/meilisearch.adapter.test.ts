// The Meilisearch adapter's requests and failure handling, against a scripted stand-in server
// (fake-meilisearch.ts). The real-server contract is meilisearch.engine.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RANK_WINDOWS, MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { SearchRejectedError, SearchUnavailableError } from '../../../src/search/search-errors.js';
import { DomainError } from '../../../src/shared/errors.js';
import { POSTING_SETTINGS } from '../../../src/search/meilisearch/meilisearch-settings.js';
import { FIT_DIMENSIONS, FIT_EMBEDDER } from '../../../src/search/meilisearch/meilisearch-fit-vectors.js';
import { matchCandidateToPosting } from '../../../src/matching/match.js';
import { postingProfileFromDocument } from '../../../src/search/documents/posting-document.js';
import { FakeMeilisearch } from './fake-meilisearch.js';
import { ALICE, CATALOG, TODAY, postingDocs } from '../contract-fixtures.js';
import { parseFilter } from './meili-filter-grammar.js';
import { isoToEpochDay } from '../../../src/matching/dates.js';

describe('Meilisearch adapter requests (stand-in server)', () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    const host = await fake.start();
    engine = new MeilisearchEngine({ host, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000 });
  });

  afterEach(async () => {
    await engine.close();
    await fake.stop();
  });

  it('creates both indexes and applies settings before first use, waiting for each task', async () => {
    await engine.searchPostings({ filter: null, offset: 0, limit: 5 });
    expect(fake.bodiesTo('/indexes').map((b) => b.uid)).toEqual(['t_postings', 't_candidates']);
    expect(fake.bodiesTo('/t_postings/settings', 'PATCH')).toEqual([JSON.parse(JSON.stringify(POSTING_SETTINGS))]);
    expect(fake.requests.some((r) => r.path.startsWith('/tasks/'))).toBe(true);
  });

  it('sends no settings when the server already has them, and only the ones that differ', async () => {
    await engine.searchPostings({ filter: null, offset: 0, limit: 5 });
    expect(fake.bodiesTo('/settings', 'PATCH')).toHaveLength(2);
    // A restart against the same server: settings compared, nothing sent.
    const again = new MeilisearchEngine({ host: fake.url, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000 });
    await again.searchPostings({ filter: null, offset: 0, limit: 5 });
    expect(fake.requests.filter((r) => r.path.endsWith('/settings') && r.method === 'GET')).toHaveLength(4);
    expect(fake.bodiesTo('/settings', 'PATCH')).toHaveLength(2);
    // One setting changed on the server (an old embedder left behind): only that is sent.
    fake.settings.set('t_postings', { ...fake.settings.get('t_postings'), embedders: { profile: { source: 'userProvided', dimensions: 51 } } });
    const third = new MeilisearchEngine({ host: fake.url, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000 });
    await third.searchPostings({ filter: null, offset: 0, limit: 5 });
    const patches = fake.bodiesTo('/t_postings/settings', 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]).toEqual({ embedders: { profile: null, [FIT_EMBEDDER]: { source: 'userProvided', dimensions: FIT_DIMENSIONS } } });
  });

  it('asks for a rebuild once when an upgrade replaced the embedder of an index holding documents', async () => {
    await engine.searchPostings({ filter: null, offset: 0, limit: 5 });
    const calls: string[] = [];
    const start = () =>
      new MeilisearchEngine({ host: fake.url, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000, onVectorsReplaced: () => calls.push('rebuild') });
    const oldLayout = (uid: string) => fake.settings.set(uid, { ...fake.settings.get(uid), embedders: { fit: { source: 'userProvided', dimensions: FIT_DIMENSIONS + 1 } } });
    // Empty indexes: nothing lost, no rebuild.
    oldLayout('t_postings');
    await start().searchPostings({ filter: null, offset: 0, limit: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    // Documents indexed with the old vectors: one rebuild, even with both indexes changed.
    fake.documents.set('t_postings', [{ id: 'p1', version: 1 }]);
    fake.documents.set('t_candidates', [{ id: 'c1', version: 1 }]);
    oldLayout('t_postings');
    oldLayout('t_candidates');
    const upgraded = start();
    await upgraded.searchPostings({ filter: null, offset: 0, limit: 5 });
    await upgraded.searchPostings({ filter: null, offset: 0, limit: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['rebuild']);
  });

  it('searches open postings with an escaped filter, the tie-break sort and an exact page', async () => {
    fake.search = () => ({ hits: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], totalHits: 42, page: 1, hitsPerPage: 3, totalPages: 14 });
    const page = await engine.searchPostings({ text: ' nursing ', filter: { states: ['TX" OR status = CLOSED'] }, offset: 1, limit: 2 });
    expect(page).toEqual({ ids: ['b', 'c'], total: 42 });
    const [body] = fake.bodiesTo('/t_postings/search');
    expect(body).toMatchObject({ q: 'nursing', page: 1, hitsPerPage: 3 });
    // RELEVANCE (the default with words) sends no sort: the relevance rules decide.
    expect(body.sort).toBeUndefined();
    expect(parseFilter(String(body.filter))).toMatchObject({ op: 'AND' });
    expect(String(body.filter)).toContain('state IN ["TX\\" OR STATUS = CLOSED"]');
  });

  it('sends fit vectors with documents and fails typed when the task fails', async () => {
    await engine.upsertPostings(postingDocs().slice(0, 2));
    const [docs] = fake.bodiesTo('/t_postings/documents') as unknown as Record<string, Record<string, number[]>>[][];
    expect(docs).toHaveLength(2);
    expect(docs[0]._vectors[FIT_EMBEDDER]).toHaveLength(FIT_DIMENSIONS);
    fake.failingTaskTypes.add('documentAdditionOrUpdate');
    fake.failingTaskCode = 'internal';
    const err = await engine.upsertPostings(postingDocs().slice(0, 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchUnavailableError);
    expect((err as SearchUnavailableError).code).toBe('SEARCH_UNAVAILABLE');
  });

  it('tells permanent refusals (4xx, invalid_* tasks) from transient failures', async () => {
    // A task that failed because the input was invalid: retrying cannot help.
    fake.failingTaskTypes.add('documentAdditionOrUpdate');
    const failedTask = await engine.upsertPostings(postingDocs().slice(0, 1)).catch((e: unknown) => e);
    expect(failedTask).toBeInstanceOf(SearchRejectedError);
    expect(failedTask).not.toBeInstanceOf(DomainError);
    expect((failedTask as SearchRejectedError).detail).toContain('invalid_document_fields');
    fake.failingTaskTypes.clear();

    // HTTP 400 for a bad document and for a bad filter.
    fake.rejectDocument = (d) => d.id === postingDocs()[0].id;
    const badDocument = await engine.upsertPostings(postingDocs().slice(0, 2)).catch((e: unknown) => e);
    expect(badDocument).toBeInstanceOf(SearchRejectedError);
    expect((badDocument as SearchRejectedError).detail).toMatch(/^HTTP 400 invalid_document_id: /);
    await expect(engine.upsertPostings(postingDocs().slice(1, 2))).resolves.toBeUndefined();
    fake.rejectSearch = true;
    const badFilter = await engine.searchPostings({ filter: null, offset: 0, limit: 1 }).catch((e: unknown) => e);
    expect(badFilter).toBeInstanceOf(SearchRejectedError);
    expect((badFilter as SearchRejectedError).detail).toContain('invalid_search_filter');

    // 5xx stays transient.
    fake.rejectSearch = false;
    fake.broken = true;
    await expect(engine.searchPostings({ filter: null, offset: 0, limit: 1 })).rejects.toBeInstanceOf(SearchUnavailableError);
  });

  it('asks for candidates whose experience anchor ended before today', async () => {
    fake.search = () => ({ hits: [{ id: 'c1' }, { id: 'c2' }], totalHits: 2, page: 1, hitsPerPage: 2, totalPages: 1 });
    expect(await engine.staleCandidateIds('2026-11-23', 500)).toEqual(['c1', 'c2']);
    const [body] = fake.bodiesTo('/t_candidates/search');
    expect(body).toMatchObject({ filter: `experienceValidUntilDay < ${isoToEpochDay('2026-11-23')}`, limit: 500, attributesToRetrieve: ['id'] });
    expect(parseFilter(String(body.filter))).toBeTruthy();
  });

  it('maps API errors and an unreachable host to SearchUnavailableError, and health to not ok', async () => {
    fake.broken = true;
    await expect(engine.deletePostings(['p1'])).rejects.toBeInstanceOf(SearchUnavailableError);
    expect((await engine.health()).ok).toBe(false);
    const nowhere = new MeilisearchEngine({ host: 'http://127.0.0.1:9', requestTimeoutMs: 1_000 });
    await expect(nowhere.searchPostings({ filter: null, offset: 0, limit: 1 })).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(await nowhere.health()).toMatchObject({ ok: false, engine: 'meilisearch' });
  });

  /** The stand-in answers: counts (page 0), whole tiers and vector windows (page 1, in reverse, with the tier's total). */
  function scriptTier(docs: ReturnType<typeof postingDocs>, reportedTotal = docs.length) {
    fake.search = (_uid, body) =>
      body.page === 0
        ? { hits: [], totalHits: reportedTotal, page: 0, hitsPerPage: 1, totalPages: reportedTotal }
        : { hits: [...docs].reverse().slice(0, Number(body.hitsPerPage)), totalHits: reportedTotal, page: 1, hitsPerPage: body.hitsPerPage, totalPages: 1 };
  }

  function aliceRanking() {
    const open = postingDocs().filter((d) => d.status === 'OPEN');
    const eligible = open.filter((d) => matchCandidateToPosting(ALICE, postingProfileFromDocument(d), CATALOG, TODAY).eligible);
    const exact = eligible
      .map((d) => ({ id: d.id, postedAt: d.postedAt, score: matchCandidateToPosting(ALICE, postingProfileFromDocument(d), CATALOG, TODAY).score }))
      .sort((a, b) => b.score - a.score || b.postedAt - a.postedAt || (a.id < b.id ? -1 : 1));
    return { eligible, exact };
  }

  it('ranks a small eligible tier whole: one placeholder search with the filter and the scoring fields, exactly re-scored', async () => {
    const { eligible, exact } = aliceRanking();
    scriptTier(eligible);
    const whole = new MeilisearchEngine({ host: fake.url, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000, exactTier: 2_000 });
    const page = await whole.rankPostingsForCandidate({ candidate: ALICE, filter: null, includeIneligible: false, catalog: CATALOG, today: TODAY, offset: 1, limit: 2 });
    expect(page.total).toBe(eligible.length);
    expect(page.hits.map((h) => h.id)).toEqual(exact.slice(1, 3).map((e) => e.id));
    const bodies = fake.bodiesTo('/t_postings/search');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ page: 1, hitsPerPage: 2_000 });
    expect(bodies[0].vector).toBeUndefined();
    expect(bodies[0].attributesToRetrieve).not.toContain('description');
    expect(parseFilter(String(bodies[0].filter)).op).toBe('AND');
  });

  it('by default re-scores the vector-ranked window exactly, the tier counted by the same search', async () => {
    const { eligible, exact } = aliceRanking();
    scriptTier(eligible);
    const page = await engine.rankPostingsForCandidate({ candidate: ALICE, filter: null, includeIneligible: false, catalog: CATALOG, today: TODAY, offset: 1, limit: 2 });
    expect(page.hits.map((h) => h.id)).toEqual(exact.slice(1, 3).map((e) => e.id));
    expect(page.total).toBe(eligible.length);
    expect(fake.bodiesTo('/t_postings/search').map((b) => (b.page === 0 ? 'count' : b.vector ? 'vector' : 'other'))).toEqual(['vector']);
  });

  it('re-scores the vector-ranked window exactly when the tier is larger than the whole-tier limit', async () => {
    const { eligible, exact } = aliceRanking();
    // Reported larger than MEILI_EXACT_TIER: the adapter turns to the vector windows.
    scriptTier(eligible, 2_001);
    const probing = new MeilisearchEngine({ host: fake.url, apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000, exactTier: 2_000 });
    const page = await probing.rankPostingsForCandidate({ candidate: ALICE, filter: null, includeIneligible: false, catalog: CATALOG, today: TODAY, offset: 1, limit: 2 });
    expect(page.total).toBe(2_001);
    expect(page.hits.map((h) => h.id)).toEqual(exact.slice(1, 3).map((e) => e.id));
    const pool = fake.bodiesTo('/t_postings/search').find((b) => b.vector !== undefined)!;
    expect(pool).toMatchObject({ hybrid: { embedder: FIT_EMBEDDER, semanticRatio: 1 }, page: 1, hitsPerPage: DEFAULT_RANK_WINDOWS.postings });
    expect(pool.vector).toHaveLength(FIT_DIMENSIONS);
    expect(pool.attributesToRetrieve).not.toContain('description');
    expect(parseFilter(String(pool.filter)).op).toBe('AND');
  });
});
