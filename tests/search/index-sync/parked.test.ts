// A permanent refusal by the search engine (HTTP 400 for a bad document or filter) is a bug,
// not an outage: the outbox parks that entry with the error instead of retrying it forever,
// /health and the admin query parkedIndexUpdates show it, and clients get a masked
// INTERNAL_SERVER_ERROR rather than SEARCH_UNAVAILABLE. Driven by the Meilisearch adapter
// against the stand-in server, which answers 400 for the documents a test marks bad.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createEmployer, createPosting, must } from '../../helpers/fixtures.js';
import { FakeMeilisearch } from '../meilisearch/fake-meilisearch.js';

type Parked = { parkedIndexUpdates: { id: string; kind: string; documentId: string; error: string; parkedAt: string }[] };
const PARKED = '{ parkedIndexUpdates { id kind documentId error parkedAt } }';

describe('parked index updates', () => {
  const fake = new FakeMeilisearch();
  let t: TestApp;
  let employerId = '';

  beforeAll(async () => {
    const host = await fake.start();
    fake.rejectDocument = (d) => String(d.title).startsWith('BAD');
    t = await startTestApp({ engine: new MeilisearchEngine({ host, indexPrefix: 'parked_' }), env: { OUTBOX_POLL_MS: '100000' } });
    employerId = await createEmployer(t, { name: 'Parking Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const additionsOf = (id: string) => fake.bodiesTo('/parked_postings/documents').filter((b) => (b as unknown as { id: string }[]).some((d) => d.id === id)).length;
  const health = async () =>
    (await (await fetch(t.url.replace(/graphql$/, 'health'), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as { status: string; search: { pendingIndexUpdates: number; parkedIndexUpdates: number } };

  it('parks a refused document with the error, keeps the write, and stops retrying it', async () => {
    const bad = await createPosting(t, { employerId, title: 'BAD Practice Manager', description: 'x' });
    await t.app.services.indexSync.drain();

    // The write itself succeeded; only its index update is parked.
    expect((await must<{ jobPosting: { title: string } }>(t, `{ jobPosting(id: "${bad}") { title } }`)).jobPosting.title).toBe('BAD Practice Manager');
    const { parkedIndexUpdates } = await must<Parked>(t, PARKED);
    expect(parkedIndexUpdates).toHaveLength(1);
    expect(parkedIndexUpdates[0]).toMatchObject({ id: `posting:${bad}`, kind: 'posting', documentId: bad });
    expect(parkedIndexUpdates[0].error).toMatch(/HTTP 400 invalid_document_id/);
    expect(Number.isNaN(Date.parse(parkedIndexUpdates[0].parkedAt))).toBe(false);
    expect(await health()).toMatchObject({ status: 'ok', search: { pendingIndexUpdates: 0, parkedIndexUpdates: 1 } });

    // Not retried: further drains send nothing for it.
    const sent = additionsOf(bad);
    await t.app.services.indexSync.drain();
    await t.app.services.indexSync.drain();
    expect(additionsOf(bad)).toBe(sent);
  });

  it('parks only the refused document of a batch; the others are indexed', async () => {
    const good = await createPosting(t, { employerId, title: 'Billing Office Manager', description: 'x' });
    const bad = await createPosting(t, { employerId, title: 'BAD Revenue Cycle Lead', description: 'x' });
    await t.app.services.indexSync.drain();
    // Both queued together: one batch, refused as a whole by the engine.
    await t.app.repositories.outbox.bump('posting', [good, bad], new Date());
    const goodBefore = additionsOf(good);
    await t.app.services.indexSync.drain();

    expect(additionsOf(good)).toBeGreaterThan(goodBefore);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
    const ids = (await must<Parked>(t, PARKED)).parkedIndexUpdates.map((p) => p.documentId);
    expect(ids).toContain(bad);
    expect(ids).not.toContain(good);
  });

  it('a new write of the document unparks it', async () => {
    const id = await createPosting(t, { employerId, title: 'BAD Director of Operations', description: 'x' });
    await t.app.services.indexSync.drain();
    expect((await must<Parked>(t, PARKED)).parkedIndexUpdates.map((p) => p.documentId)).toContain(id);

    await must(t, `mutation { updateJobPosting(id: "${id}", input: { title: "Director of Operations" }) { id } }`);
    await t.app.services.indexSync.drain();
    expect((await must<Parked>(t, PARKED)).parkedIndexUpdates.map((p) => p.documentId)).not.toContain(id);
    expect(await t.app.repositories.outbox.pendingCount()).toBe(0);
    expect(await t.app.repositories.postings.findById(new Types.ObjectId(id))).toMatchObject({ title: 'Director of Operations' });
  });

  it('a refused query is INTERNAL_SERVER_ERROR for the client; an unreachable engine stays SEARCH_UNAVAILABLE', async () => {
    fake.rejectSearch = true;
    const refused = await t.gql('{ searchPostings(query: "manager") { totalCount } }');
    expect(refused.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(refused.errors?.[0].message).toBe('Internal server error');
    fake.rejectSearch = false;
    fake.broken = true;
    const down = await t.gql('{ searchPostings(query: "manager") { totalCount } }');
    fake.broken = false;
    expect(down.errors?.[0].extensions?.code).toBe('SEARCH_UNAVAILABLE');
  });
});
