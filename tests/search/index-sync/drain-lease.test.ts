// The drain lease after a crash: a lease left by a process on this host that is gone is freed
// at once, so the next instance's writes reach the index right away; a live holder's lease is
// respected until it expires (5 s, renewed only while it drains).
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { newDbName, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../../helpers/fixtures.js';
import { FakeMeilisearch } from '../meilisearch/fake-meilisearch.js';

const LEASE = 'search-outbox-drainer';
const deadPid = () => spawnSync('true').pid!;

/** Writes the lease document a holder left behind, before the app starts. */
async function leaveLease(dbName: string, holder: { pid: number; hostname: string }, untilMs: number): Promise<void> {
  const conn: Connection = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  await conn.db!.collection('search_leases').insertOne({
    _id: LEASE as never,
    owner: 'crashed-instance',
    leaseUntil: new Date(Date.now() + untilMs),
    holder: { instance: 'crashed-instance', startedAt: new Date(Date.now() - 60_000), ...holder },
  });
  await conn.close();
}

describe('drain lease of a holder that is gone', () => {
  const apps: TestApp[] = [];
  const fake = new FakeMeilisearch();
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
  });
  afterAll(async () => fake.stop());

  it('embedded engine: a posting created right after the restart is matchable when the mutation returns', async () => {
    const dbName = newDbName();
    await leaveLease(dbName, { pid: deadPid(), hostname: hostname() }, 30_000);
    const t = await startTestApp({ dbName, env: { OUTBOX_POLL_MS: '100000' } });
    apps.push(t);
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    const employerId = await createEmployer(t, { name: 'Restart Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
    const candidateId = await createCandidate(t, { name: 'Riley Park', email: 'riley@example.org', state: 'OH', qualifications: [{ code: 'CMM' }], discoverable: true });
    const postingId = await createPosting(t, { employerId, title: 'Practice Manager', description: 'x', state: 'OH', requiredQualificationCodes: ['CMM'] });

    // No poll, no wait: the mutation has returned, the posting is matchable.
    const d = await must<{ matchesForCandidate: { edges: { node: { eligible: boolean; posting: { id: string } } }[] } }>(
      t,
      'query($c: ID!) { matchesForCandidate(candidateId: $c) { edges { node { eligible posting { id } } } } }',
      { c: candidateId },
    );
    expect(d.matchesForCandidate.edges.map((e) => e.node)).toEqual([{ eligible: true, posting: { id: postingId } }]);
    // The start-up drain found the lease taken, saw its holder gone and freed it.
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
    expect(await t.app.repositories.outbox.leases.find(LEASE)).toBeNull();
  });

  it('Meilisearch: the first drain after the restart frees the lease and sends the new posting before the mutation returns', async () => {
    const host = await fake.start();
    const dbName = newDbName();
    await leaveLease(dbName, { pid: deadPid(), hostname: hostname() }, 30_000);
    const t = await startTestApp({ dbName, engine: new MeilisearchEngine({ host, indexPrefix: 'lease_' }), env: { OUTBOX_POLL_MS: '100000' } });
    apps.push(t);
    const employerId = await createEmployer(t, { name: 'Lease Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
    const postingId = await createPosting(t, { employerId, title: 'Billing Office Manager', description: 'x' });
    const sent = fake.bodiesTo('/lease_postings/documents').flatMap((b) => (b as unknown as { id: string }[]).map((doc) => doc.id));
    expect(sent).toContain(postingId);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('a lease held by a live process (here: another host) is respected until it expires, then taken over', async () => {
    const host = await fake.start();
    const dbName = newDbName();
    // Another host's holder cannot be checked for life: only expiry frees its lease.
    await leaveLease(dbName, { pid: process.pid, hostname: `not-${hostname()}` }, 1_500);
    const t = await startTestApp({ dbName, engine: new MeilisearchEngine({ host, indexPrefix: 'live_' }), env: { OUTBOX_POLL_MS: '200' } });
    apps.push(t);
    const employerId = await createEmployer(t, { name: 'Live Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
    const postingId = await createPosting(t, { employerId, title: 'Revenue Cycle Manager', description: 'x' });
    const sentIds = () => fake.bodiesTo('/live_postings/documents').flatMap((b) => (b as unknown as { id: string }[]).map((doc) => doc.id));
    const lease = await t.app.repositories.outbox.leases.find(LEASE);
    if (lease?.owner === 'crashed-instance') {
      // Still within the other holder's lease: not drained here.
      expect(sentIds()).not.toContain(postingId);
    }
    // The poller takes over once it expires (bounded poll).
    for (let i = 0; i < 100 && !sentIds().includes(postingId); i++) await new Promise((r) => setTimeout(r, 100));
    expect(sentIds()).toContain(postingId);
    // The drain retires the entry after the engine's task succeeded, a moment after the send.
    for (let i = 0; i < 100 && (await t.app.services.indexSync.pendingCount()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });
});
