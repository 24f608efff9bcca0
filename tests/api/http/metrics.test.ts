// GET /metrics: Prometheus text with request counts by operation and outcome, latency
// histograms, engine latency, outbox depth and age, index document counts and process
// metrics; one registry per app; METRICS_TOKEN when set.
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppMetrics } from '../../../src/api/http/metrics.js';
import { createLogger } from '../../../src/shared/logger.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { SearchEngine } from '../../../src/search/search-engine.js';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { createEmployer, createPosting, upsertQualification } from '../../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

/** The value of one sample line, e.g. sample(text, 'x_total{a="b"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(t: TestApp, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(t.url.replace(/graphql$/, 'metrics'), { headers });
}

describe('/metrics', () => {
  let t: TestApp;
  let other: TestApp;
  let nowMs = Date.parse('2026-12-01T12:00:00Z');
  const clock: Clock = { now: () => new Date(nowMs), today: () => new Date(nowMs).toISOString().slice(0, 10) };
  beforeAll(async () => {
    // A long poll interval: the outbox entry recorded below stays until the test drains it.
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '3600000' } });
    other = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await other?.close();
  });

  it('counts GraphQL requests by operation and outcome, with latency histograms', async () => {
    for (let i = 0; i < 3; i++) await t.gql('query ListCodes { qualifications { code } }');
    await t.gql('query Forbidden { apiKeys { id } }', {}, null);
    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'healthmatch_graphql_requests_total{operation="ListCodes",outcome="ok"}')).toBe(3);
    expect(sample(text, 'healthmatch_graphql_requests_total{operation="Forbidden",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'healthmatch_graphql_request_duration_seconds_count{operation="ListCodes"}')).toBe(3);
    expect(sample(text, 'healthmatch_graphql_request_duration_seconds_bucket{le="+Inf",operation="ListCodes"}')).toBe(3);
    expect(text).toContain('# TYPE healthmatch_graphql_request_duration_seconds histogram');
    // Default process metrics.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('times the search engine and counts index documents', async () => {
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    const employerId = await createEmployer(t, { name: 'Metrics Clinic', setting: 'PHYSICIAN_OFFICE', state: 'TX' });
    for (const title of ['Practice Manager', 'Office Manager']) {
      await createPosting(t, { employerId, title, description: 'Run the office.', state: 'TX', minYearsExperience: 1 });
    }
    await t.gql('query Search { searchPostings(query: "manager") { totalCount } }', {}, null);
    const text = await (await scrape(t)).text();
    expect(sample(text, 'healthmatch_search_engine_duration_seconds_count{engine="embedded",method="searchPostings",outcome="ok"}')).toBe(1);
    expect(sample(text, 'healthmatch_search_engine_duration_seconds_count{engine="embedded",method="upsertPostings",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'healthmatch_search_index_documents{index="postings"}')).toBe(2);
    expect(sample(text, 'healthmatch_search_index_documents{index="candidates"}')).toBe(0);
  });

  it('reports the outbox depth and the age of its oldest entry', async () => {
    await t.app.services.indexSync.drain();
    let text = await (await scrape(t)).text();
    expect(sample(text, 'healthmatch_search_outbox_entries')).toBe(0);
    expect(sample(text, 'healthmatch_search_outbox_oldest_age_seconds')).toBe(0);

    await t.app.services.indexSync.record('posting', [new Types.ObjectId()]);
    nowMs += 90_000;
    text = await (await scrape(t)).text();
    expect(sample(text, 'healthmatch_search_outbox_entries')).toBe(1);
    expect(sample(text, 'healthmatch_search_outbox_oldest_age_seconds')).toBe(90);
    await t.app.services.indexSync.drain();
    expect(sample(await (await scrape(t)).text(), 'healthmatch_search_outbox_entries')).toBe(0);
  });

  it('keeps one registry per app', async () => {
    const text = await (await scrape(other)).text();
    expect(text).not.toContain('operation="ListCodes"');
  });

  it('requires METRICS_TOKEN as a bearer token when it is set', async () => {
    const guarded = await startTestApp({ env: { METRICS_TOKEN: 'scrape-token-0123456789' } });
    try {
      expect((await scrape(guarded)).status).toBe(401);
      expect((await scrape(guarded, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      const ok = await scrape(guarded, { authorization: 'Bearer scrape-token-0123456789' });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('healthmatch_graphql_requests_total');
    } finally {
      await guarded.close();
    }
  });
});

describe('AppMetrics', () => {
  it('folds operation names past the first 200 into "other"', async () => {
    const m = new AppMetrics(createLogger('silent'));
    for (let i = 0; i < 205; i++) m.observeRequest({ operation: `Op${i}`, outcome: 'ok', durationSeconds: 0.01, graphql: true });
    m.observeRequest({ operation: 'Op0', outcome: 'ok', durationSeconds: 0.01, graphql: true });
    const text = await m.registry.metrics();
    expect(sample(text, 'healthmatch_graphql_requests_total{operation="Op0",outcome="ok"}')).toBe(2);
    expect(sample(text, 'healthmatch_graphql_requests_total{operation="Op199",outcome="ok"}')).toBe(1);
    expect(sample(text, 'healthmatch_graphql_requests_total{operation="other",outcome="ok"}')).toBe(5);
  });

  it('times failed engine calls as errors and passes everything else through', async () => {
    const m = new AppMetrics(createLogger('silent'));
    const inner = new EmbeddedSearchEngine();
    const failing: SearchEngine = Object.assign(Object.create(inner) as SearchEngine, {
      searchPostings: async () => {
        throw new Error('engine down');
      },
    });
    const engine = m.instrument(failing);
    expect(engine.kind).toBe('embedded');
    await expect(engine.searchPostings({ offset: 0, limit: 5 })).rejects.toThrow('engine down');
    expect(await engine.health()).toMatchObject({ ok: true });
    const text = await m.registry.metrics();
    expect(sample(text, 'healthmatch_search_engine_duration_seconds_count{engine="embedded",method="searchPostings",outcome="error"}')).toBe(1);
    expect(sample(text, 'healthmatch_search_engine_duration_seconds_count{engine="embedded",method="health",outcome="ok"}')).toBe(1);
  });
});
