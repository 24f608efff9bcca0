// Feed scale: the outbox drainer sends many documents per Meilisearch task (one task per
// batch of INDEX_BATCH_SIZE entries and index), bulk loads are drained in batches, and the
// rebuild keeps several batches in flight. Driven through the Meilisearch adapter against the
// stand-in server, whose recorded requests are the tasks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createEmployer, createPosting } from '../../helpers/fixtures.js';
import { FakeMeilisearch } from '../meilisearch/fake-meilisearch.js';

const BATCH = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox batching (stand-in Meilisearch)', () => {
  const fake = new FakeMeilisearch();
  let t: TestApp;
  let employerId = '';
  const postingIds: string[] = [];

  const additions = () => fake.bodiesTo('/batch_postings/documents') as unknown as { id: string }[][];
  const deletions = () => fake.bodiesTo('/batch_postings/documents/delete-batch') as unknown as string[][];

  beforeAll(async () => {
    const host = await fake.start();
    t = await startTestApp({
      engine: new MeilisearchEngine({ host, indexPrefix: 'batch_' }),
      env: { OUTBOX_POLL_MS: '100000', INDEX_BATCH_SIZE: String(BATCH), REINDEX_BATCH_SIZE: '4' },
    });
    employerId = await createEmployer(t, { name: 'Batch Clinic', setting: 'PHYSICIAN_OFFICE', state: 'OH' });
    for (let k = 0; k < 25; k++) postingIds.push(await createPosting(t, { employerId, title: `Practice Manager ${k}`, description: 'x' }));
    await t.app.services.indexSync.drain();
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.holdTask = () => false;
  });

  it('sends a drain of N entries as ceil(N / INDEX_BATCH_SIZE) tasks, and retires them all', async () => {
    const gone = [new Types.ObjectId(), new Types.ObjectId()];
    await t.app.services.indexSync.record('posting', postingIds.map((id) => new Types.ObjectId(id)));
    // Deleted documents: their entries were bumped after the delete, so they are not in flight.
    await t.app.repositories.outbox.bump('posting', gone.map((id) => id.toHexString()), new Date());
    expect(await t.app.services.indexSync.pendingCount()).toBe(27);
    await t.app.services.indexSync.drain();

    const sent = additions();
    expect(sent).toHaveLength(Math.ceil(25 / BATCH));
    expect(sent.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(sent.flat().map((d) => d.id).sort()).toEqual([...postingIds].sort());
    expect(deletions()).toEqual([gone.map((id) => id.toHexString())]);
    // Every task was awaited (its status polled) before its entries were retired.
    expect(fake.requests.filter((r) => r.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(4);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('retires nothing of a batch whose task failed, and retries it', async () => {
    fake.failingTaskTypes.add('documentAdditionOrUpdate');
    fake.failingTaskCode = 'internal';
    await t.app.services.indexSync.record('posting', postingIds.slice(0, 3).map((id) => new Types.ObjectId(id)));
    await t.app.services.indexSync.drain();
    fake.failingTaskTypes.clear();
    expect(additions()).toHaveLength(1);
    expect(await t.app.services.indexSync.pendingCount()).toBe(3);
    // A new write makes them due at once; the batch is sent again and retired.
    await t.app.services.indexSync.record('posting', postingIds.slice(0, 3).map((id) => new Types.ObjectId(id)));
    await t.app.services.indexSync.drain();
    expect(additions()).toHaveLength(2);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('drains the writes of a bulk load in batches, all of them before it resolves', async () => {
    // The engine is busy with the first write's task while the others are written.
    fake.holdTask = (type) => type === 'documentAdditionOrUpdate';
    const created: string[] = [];
    await t.app.services.indexSync.bulk(async () => {
      for (let k = 0; k < 6; k++) created.push(await createPosting(t, { employerId, title: `Bulk Manager ${k}`, description: 'x' }));
      fake.holdTask = () => false;
    });
    const sent = additions();
    expect(sent.length).toBeLessThanOrEqual(2);
    for (const id of created) expect(sent.flat().some((d) => d.id === id)).toBe(true);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('rebuilds in batches of REINDEX_BATCH_SIZE with several tasks in flight', async () => {
    const total = await t.app.repositories.postings.model.countDocuments();
    fake.holdTask = (type) => type === 'documentAdditionOrUpdate';
    const progress: number[] = [];
    const rebuilt = t.app.services.indexSync.reindex((p) => {
      if (p.entity === 'posting') progress.push(p.done);
    });
    // Three additions are sent while none of them has finished: the pipeline does not wait
    // for one task before sending the next batch.
    while (additions().length < 3) await sleep(10);
    expect(progress).toEqual([]);
    fake.holdTask = () => false;
    expect(await rebuilt).toBe(total);
    expect(additions().map((b) => b.length)).toEqual(Array.from({ length: Math.ceil(total / 4) }, (_, k) => Math.min(4, total - 4 * k)));
    expect(progress.at(-1)).toBe(total);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
