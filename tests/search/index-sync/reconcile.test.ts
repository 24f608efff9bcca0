// Reconciliation against the real database: an index with a missing, an extra and a stale
// document is repaired by reconcileSearchIndex, which only admins may run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must } from '../../helpers/fixtures.js';
import type { PostingSearchDocument } from '../../../src/search/search-engine.js';
import { postingDocs } from '../contract-fixtures.js';

const RECONCILE = 'mutation { reconcileSearchIndex { checked added updated removed tookMs finishedAt } }';
const SEARCH = 'query($q: String) { searchPostings(query: $q, first: 50) { totalCount edges { node { id title } } } }';

interface Report {
  reconcileSearchIndex: { checked: number; added: number; updated: number; removed: number; tookMs: number; finishedAt: string };
}

describe('reconcileSearchIndex', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const employer = await createEmployer(t, { name: 'Gulf Clinics', setting: 'PHYSICIAN_OFFICE', city: 'Houston', state: 'TX' });
    ids.missing = await createPosting(t, { employerId: employer, title: 'Practice Manager', description: 'Runs the practice.', state: 'TX' });
    ids.stale = await createPosting(t, { employerId: employer, title: 'Billing Lead', description: 'Leads billing.', state: 'TX' });
    ids.kept = await createPosting(t, { employerId: employer, title: 'Office Coordinator', description: 'Coordinates.', state: 'TX' });
    ids.candidate = await createCandidate(t, { name: 'Bob', email: 'bob@example.org', degrees: [{ level: 'BACHELOR', field: 'Business' }] });
  });
  afterAll(async () => t?.close());

  it('finds nothing to repair in an index that matches MongoDB', async () => {
    const r = (await must<Report>(t, RECONCILE)).reconcileSearchIndex;
    expect(r).toMatchObject({ checked: 4, added: 0, updated: 0, removed: 0 });
  });

  it('repairs a missing, an extra and a stale document, and /health reports the pass', async () => {
    const engine = t.app.services.search;
    const byId = new Map(await engine.indexedVersions('posting'));
    const stale = (await engine.searchPostings({ text: 'billing', filter: null, offset: 0, limit: 5 })).ids;
    expect(stale).toEqual([ids.stale]);
    // Tamper with the index behind the service's back.
    await engine.deletePostings([ids.missing]);
    const extra = new Types.ObjectId().toHexString();
    const [template] = postingDocs();
    await engine.upsertPostings([{ ...template, id: extra, title: 'Ghost posting' } as PostingSearchDocument]);
    await engine.upsertPostings([{ ...template, id: ids.stale, title: 'Outdated title', version: byId.get(ids.stale)! - 1000 }]);
    expect((await must<{ searchPostings: { totalCount: number } }>(t, SEARCH, { q: 'ghost' })).searchPostings.totalCount).toBe(1);

    const r = (await must<Report>(t, RECONCILE)).reconcileSearchIndex;
    expect(r).toMatchObject({ checked: 4, added: 1, updated: 1, removed: 1 });
    expect(Date.parse(r.finishedAt)).not.toBeNaN();

    expect(new Map(await engine.indexedVersions('posting'))).toEqual(byId);
    expect((await must<{ searchPostings: { totalCount: number } }>(t, SEARCH, { q: 'ghost' })).searchPostings.totalCount).toBe(0);
    expect((await must<{ searchPostings: { totalCount: number } }>(t, SEARCH, { q: 'practice' })).searchPostings.totalCount).toBe(1);
    expect((await must<{ searchPostings: { totalCount: number } }>(t, SEARCH, { q: 'outdated' })).searchPostings.totalCount).toBe(0);

    // The full report is for callers with a key (status only without one).
    const health = (await (await fetch(t.url.replace(/graphql$/, 'health'), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as { search: { lastReconciliation: { added: number } } };
    expect(health.search.lastReconciliation).toMatchObject({ added: 1, updated: 1, removed: 1 });
  });

  it('is for admins only', async () => {
    const res = await t.gql(RECONCILE, {}, null);
    expect(res.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
