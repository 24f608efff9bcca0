// A search-engine outage never fails a MongoDB write and never loses an index update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import type { CandidateSearchDocument, PostingSearchDocument, SearchHealth } from '../../../src/search/search-engine.js';
import { SearchUnavailableError } from '../../../src/search/search-errors.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../../helpers/fixtures.js';

/** The real embedded engine behind a switch that makes every write fail like a dead server. */
class FlakyEngine extends EmbeddedSearchEngine {
  down = false;
  writes: string[] = [];
  private check(op: string): void {
    if (this.down) throw new SearchUnavailableError(op);
  }
  override async upsertPostings(docs: readonly PostingSearchDocument[]): Promise<void> {
    this.check('upsertPostings');
    this.writes.push(...docs.map((d) => `${d.id}:${d.title}`));
    return super.upsertPostings(docs);
  }
  override async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
    this.check('upsertCandidates');
    return super.upsertCandidates(docs);
  }
  override async health(): Promise<SearchHealth> {
    return this.down ? { ok: false, engine: 'embedded', detail: 'down (test)' } : super.health();
  }
}

const SEARCH = 'query($q: String) { searchPostings(query: $q) { totalCount edges { node { id title } } } }';
type SearchResult = { searchPostings: { totalCount: number; edges: { node: { id: string; title: string } }[] } };

describe('index outbox', () => {
  let t: TestApp;
  const engine = new FlakyEngine();
  let employerId = '';

  beforeAll(async () => {
    t = await startTestApp({ engine, env: { OUTBOX_POLL_MS: '100000' } });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    employerId = await createEmployer(t, { name: 'Outbox Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
  });
  afterAll(async () => t?.close());

  it('keeps writes working while the engine is down and applies the latest state when it returns', async () => {
    engine.down = true;
    const id = await createPosting(t, { employerId, title: 'Revenue Cycle Manager', description: 'x' });
    await must(t, `mutation { updateJobPosting(id: "${id}", input: { title: "Billing Office Manager" }) { id } }`);
    await must(t, `mutation { updateJobPosting(id: "${id}", input: { title: "Patient Accounts Director" }) { id } }`);

    // MongoDB has every write; the index has none of them, and says so in /health.
    const stored = await must<{ jobPosting: { title: string } }>(t, `{ jobPosting(id: "${id}") { title } }`);
    expect(stored.jobPosting.title).toBe('Patient Accounts Director');
    expect((await must<SearchResult>(t, SEARCH, { q: 'director' })).searchPostings.totalCount).toBe(0);
    const health = (await (await fetch(t.url.replace(/graphql$/, 'health'), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as { status: string; search: { ok: boolean; pendingIndexUpdates: number } };
    expect(health.status).toBe('degraded');
    expect(health.search.pendingIndexUpdates).toBeGreaterThanOrEqual(1);

    // The engine returns: a drain (the poll, here called directly) applies the final state once.
    engine.down = false;
    await t.app.services.indexSync.drain();
    // Postponed entries wait for their back-off; the poll would retry them, a reindex is not needed.
    await waitFor(async () => (await must<SearchResult>(t, SEARCH, { q: 'director' })).searchPostings.totalCount === 1, async () => t.app.services.indexSync.drain(), (a) => expect(a).toBe(true));
    const found = await must<SearchResult>(t, SEARCH, { q: 'director' });
    expect(found.searchPostings.edges[0].node).toEqual({ id, title: 'Patient Accounts Director' });
    expect((await must<SearchResult>(t, SEARCH, { q: 'billing' })).searchPostings.totalCount).toBe(0);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
    // Per document, the index only ever moved forward: the last write applied was the last state.
    expect(engine.writes.filter((w) => w.startsWith(id)).at(-1)).toBe(`${id}:Patient Accounts Director`);
  });

  it('an entry recorded during a drain is not retired by that drain', async () => {
    const id = await createPosting(t, { employerId, title: 'Health Information Manager', description: 'x' });
    const outbox = t.app.repositories.outbox;
    const oid = (await t.app.repositories.postings.findById(new (await import('mongoose')).Types.ObjectId(id)))!._id;
    await outbox.bump('posting', [oid.toHexString()], new Date());
    const [entry] = await outbox.due(new Date(Date.now() + 1000), 10);
    // A newer change lands between the drainer's read and its retirement:
    await outbox.bump('posting', [oid.toHexString()], new Date());
    await outbox.retire(entry);
    expect(await outbox.pendingCount()).toBe(1);
    await t.app.services.indexSync.drain();
    expect(await outbox.pendingCount()).toBe(0);
  });

  it('reindex rebuilds the index from MongoDB', async () => {
    await engine.reset();
    expect((await must<SearchResult>(t, SEARCH, {})).searchPostings.totalCount).toBe(0);
    const count = await t.app.services.indexSync.reindex();
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await must<SearchResult>(t, SEARCH, {})).searchPostings.totalCount).toBe(2);
  });
});

/** Retries `step` until `check` holds (bounded), then asserts; no timing assertions. */
async function waitFor(check: () => Promise<boolean>, step: () => Promise<unknown>, assert: (ok: boolean) => void): Promise<void> {
  let ok = await check();
  for (let i = 0; i < 150 && !ok; i++) {
    await new Promise((r) => setTimeout(r, 100));
    await step();
    ok = await check();
  }
  assert(ok);
}

describe('drain lease', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '100000' } });
  });
  afterAll(async () => t?.close());

  it('only one owner holds it until it expires', async () => {
    const outbox = t.app.repositories.outbox;
    const now = new Date();
    const later = new Date(now.getTime() + 60_000);
    expect(await outbox.leases.claim('test-lease', 'a', now, later)).toBe(true);
    expect(await outbox.leases.claim('test-lease', 'b', now, later)).toBe(false);
    expect(await outbox.leases.claim('test-lease', 'a', now, later)).toBe(true);
    // After expiry another instance takes over.
    expect(await outbox.leases.claim('test-lease', 'b', new Date(later.getTime() + 1), new Date(later.getTime() + 60_000))).toBe(true);
  });
});

describe('stale candidate refresh', () => {
  let t: TestApp;
  /** An engine that reports one candidate as stale until it has been re-upserted. */
  class StaleReportingEngine extends EmbeddedSearchEngine {
    stale: string[] = [];
    upserted: string[] = [];
    override async staleCandidateIds(): Promise<string[]> {
      return this.stale.filter((id) => !this.upserted.includes(id));
    }
    override async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
      this.upserted.push(...docs.map((d) => d.id));
      return super.upsertCandidates(docs);
    }
  }
  const engine = new StaleReportingEngine();

  beforeAll(async () => {
    t = await startTestApp({ engine, env: { OUTBOX_POLL_MS: '100000' } });
  });
  afterAll(async () => t?.close());

  it('re-indexes the candidates the engine reports stale, through the outbox', async () => {
    const id = await createCandidate(t, { name: 'Stale Stan', email: 'stan@example.org', experience: [{ title: 'x', startDate: '2020-01-01' }] });
    engine.upserted = [];
    engine.stale = [id];
    expect(await t.app.services.indexSync.refreshStaleCandidates()).toBe(1);
    expect(engine.upserted).toEqual([id]);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
    expect(await t.app.services.indexSync.refreshStaleCandidates()).toBe(0);
  });
});
