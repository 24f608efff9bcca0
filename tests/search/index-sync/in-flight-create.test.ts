// Issue 12: "one seeded candidate was missing from the index with no pending update". A write
// records its outbox entry before the MongoDB write; a drain in between found no document,
// retired the entry as "gone", and when the writer's after-write step then failed (it only
// logs), nothing recorded the create any more. Reproduced here deterministically: the drain
// runs inside the MongoDB write's call, before the insert, and the after-write bump fails.
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/shared/clock.js';
import { createLogger } from '../../../src/shared/logger.js';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { OutboxBatchApplier } from '../../../src/search/index-sync/outbox-batches.js';
import { RecordDocumentSource } from '../../../src/search/index-sync/record-documents.js';
import { IN_FLIGHT_GRACE_MS } from '../../../src/search/index-sync/in-flight.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createCandidate } from '../../helpers/fixtures.js';

const FIND = `query($q: String) { searchCandidates(query: $q) { totalCount edges { node { id } } } }`;

describe('a create whose outbox entry a drain sees before the MongoDB write', () => {
  let t: TestApp;
  let nowMs = Date.parse('2026-12-01T12:00:00Z');
  const clock: Clock = { now: () => new Date(nowMs), today: () => new Date(nowMs).toISOString().slice(0, 10) };

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '3600000' } });
  });
  afterAll(async () => t?.close());

  const found = async (word: string): Promise<string[]> => {
    const res = await t.gql<{ searchCandidates: { edges: { node: { id: string } }[] } }>(FIND, { q: word });
    return res.data!.searchCandidates.edges.map((e) => e.node.id);
  };

  it('is still indexed when the after-write step fails (drained once its grace is over)', async () => {
    const { candidates, outbox } = t.app.repositories;
    const sync = t.app.services.indexSync;
    const create = candidates.create.bind(candidates);
    const bumpEach = outbox.bumpEach.bind(outbox);
    let drainedBefore = 0;
    // The drain runs between the before-write record and the insert; then the after-write
    // sequence bump fails, as a transient MongoDB error would make it (committed() only warns).
    candidates.create = async (...args: Parameters<typeof create>) => {
      await sync.drain();
      drainedBefore = await sync.pendingCount();
      return create(...args);
    };
    outbox.bumpEach = async () => {
      throw new Error('injected: connection reset during the after-write bump');
    };
    let id: string;
    try {
      id = await createCandidate(t, { name: 'Inflight Ingrid', email: 'ingrid@example.org', headline: 'Zymurgy practice lead' });
    } finally {
      candidates.create = create;
      outbox.bumpEach = bumpEach;
    }
    // The create succeeded; the drain had found no document, and kept the entry instead of retiring it.
    expect(drainedBefore).toBe(1);
    expect(await found('zymurgy')).toEqual([]);
    expect(await sync.pendingCount()).toBe(1);
    await sync.drain();
    expect(await found('zymurgy')).toEqual([]);

    // Once the grace is over, the next drain passes it on and the candidate is searchable.
    nowMs += IN_FLIGHT_GRACE_MS + 1000;
    await sync.drain();
    expect(await found('zymurgy')).toEqual([id]);
    expect(await sync.pendingCount()).toBe(0);
  });

  it('without a change log (the Meilisearch path) keeps a young in-flight entry whose document is missing, retires it once old', async () => {
    const { outbox, postings, candidates } = t.app.repositories;
    const documents = new RecordDocumentSource({ postings, candidates, employers: t.app.services.employers, catalog: () => t.app.services.qualifications.catalog() });
    const applier = new OutboxBatchApplier(outbox, documents, new EmbeddedSearchEngine(), clock, createLogger('silent'));
    const id = new Types.ObjectId().toHexString();
    // Recorded before a write (a create) whose after-write step never ran.
    await outbox.bump('candidate', [id], clock.now(), true);
    const due = async () => (await outbox.due(clock.now(), 100)).filter((e) => e.entityId === id);
    expect(await applier.apply(await due())).toBe(true);
    // Kept, not due again until its grace is over.
    expect(await due()).toEqual([]);
    expect((await outbox.due(new Date(nowMs + IN_FLIGHT_GRACE_MS), 100)).some((e) => e.entityId === id)).toBe(true);
    nowMs += IN_FLIGHT_GRACE_MS + 1000;
    expect(await applier.apply(await due())).toBe(true);
    expect((await outbox.due(new Date(nowMs + 10 * IN_FLIGHT_GRACE_MS), 100)).some((e) => e.entityId === id)).toBe(false);
    // A delete's entry is bumped after the delete: its missing document is final, retired at once.
    const deleted = new Types.ObjectId().toHexString();
    await outbox.bump('candidate', [deleted], clock.now(), true);
    await outbox.bump('candidate', [deleted], clock.now());
    const entries = (await outbox.due(clock.now(), 100)).filter((e) => e.entityId === deleted);
    expect(entries).toHaveLength(1);
    expect(await applier.apply(entries)).toBe(true);
    expect((await outbox.due(new Date(nowMs + 10 * IN_FLIGHT_GRACE_MS), 100)).some((e) => e.entityId === deleted)).toBe(false);
  });
});
