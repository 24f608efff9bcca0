// With the embedded engine in worker threads, a long ranking does not hold the event loop:
// /health and other requests answer while it is still running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PooledSearchEngine } from '../../src/search/worker-pool/pooled.engine.js';
import { workerEntry } from '../../src/search/worker-pool/worker-entry.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must } from '../helpers/fixtures.js';

const MATCHES = 'query($id: ID!) { matchesForCandidate(candidateId: $id, first: 20) { totalCount edges { node { posting { title } } } } }';

describe('a CPU-heavy ranking off the main thread', () => {
  let t: TestApp;
  let candidate: string;
  // [0] armed, [1] started, [2] released (tests/search/test-engine.worker.ts).
  const control = new Int32Array(new SharedArrayBuffer(12));

  beforeAll(async () => {
    const entry = { ...workerEntry('test-engine.worker', new URL('../search/worker-pool/test-engine.worker.ts', import.meta.url).href), workerData: { control: control.buffer } };
    t = await startTestApp({ engine: new PooledSearchEngine({ workers: 2, entry }) });
    const employer = await createEmployer(t, { name: 'Lone Star Health', setting: 'HOSPITAL', city: 'Austin', state: 'TX' });
    await createPosting(t, { employerId: employer, title: 'Clinic Manager', description: 'Runs the clinic.', state: 'TX' });
    candidate = await createCandidate(t, { name: 'Alice', email: 'alice@example.org', degrees: [{ level: 'MASTER', field: 'Health Administration' }] });
  });
  afterAll(async () => t?.close());

  it('GET /health and another query complete while the ranking is still in flight', async () => {
    Atomics.store(control, 0, 1);
    let settled = false;
    const heavy = t.gql<{ matchesForCandidate: { totalCount: number } }>(MATCHES, { id: candidate }).finally(() => {
      settled = true;
    });
    while (Atomics.load(control, 1) === 0) await new Promise((r) => setTimeout(r, 10));
    Atomics.store(control, 0, 0);

    // One worker thread is busy ranking; the main thread and the other worker are free.
    const health = await fetch(t.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const other = await must<{ matchesForCandidate: { totalCount: number } }>(t, MATCHES, { id: candidate });
    expect(other.matchesForCandidate.totalCount).toBe(1);
    expect(settled).toBe(false);

    Atomics.store(control, 2, 1);
    Atomics.notify(control, 2);
    const res = await heavy;
    expect(res.errors).toBeUndefined();
    expect(res.data?.matchesForCandidate.totalCount).toBe(1);
  });
});

describe('SEARCH_WORKERS', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('builds the index into worker replicas at start and ranks through them', async () => {
    t = await startTestApp({ env: { SEARCH_WORKERS: '2' } });
    expect(t.app.services.search).toBeInstanceOf(PooledSearchEngine);
    const employer = await createEmployer(t, { name: 'Gulf Clinics', setting: 'PHYSICIAN_OFFICE', city: 'Houston', state: 'TX' });
    await createPosting(t, { employerId: employer, title: 'Practice Manager', description: 'Runs the practice.', state: 'TX' });
    const id = await createCandidate(t, { name: 'Bob', email: 'bob@example.org', degrees: [{ level: 'BACHELOR', field: 'Business' }] });
    const d = await must<{ matchesForCandidate: { totalCount: number; edges: { node: { posting: { title: string } } }[] } }>(t, MATCHES, { id });
    expect(d.matchesForCandidate.edges.map((e) => e.node.posting.title)).toEqual(['Practice Manager']);
  });
});
