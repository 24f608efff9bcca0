// The durable detection work (src/alerts/alert-work.repository.ts) on the real database: an
// item is cleared only at the seq the pass read (a newer change stays queued), a feed's batch
// is one item, every write leaves nothing behind once evaluated, and the sweep evaluates what a
// crash left: an unevaluated change raises its event, an evaluated one raises nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { AlertWorkRepository } from '../../src/alerts/alert-work.repository.js';
import { candidate, createAlert, deliveries, employer, posting, settle, startReceiver, waitFor, type Receiver } from './alert-world.js';

describe('alert detection work', () => {
  let t: TestApp;
  let rx: Receiver;
  let work: AlertWorkRepository;
  beforeAll(async () => {
    t = await startTestApp({ env: { ALERT_DELIVERY_POLL_MS: '50' } });
    rx = await startReceiver([200]);
    work = new AlertWorkRepository(t.app.connection);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  it('clears an item only at the seq that was read, and keeps a feed batch as one item', async () => {
    const id = new Types.ObjectId().toHexString();
    await work.record('posting', [id], new Date());
    const read = await work.marks([`posting:${id}`]);
    expect(read).toEqual([{ _id: `posting:${id}`, seq: 1 }]);
    // A newer change of the same posting lands while the pass evaluates.
    await work.record('posting', [id], new Date());
    await work.done(read);
    expect(await work.marks([`posting:${id}`])).toEqual([{ _id: `posting:${id}`, seq: 2 }]);
    await work.done(await work.marks([`posting:${id}`]));
    expect(await work.marks([`posting:${id}`])).toEqual([]);

    const ids = Array.from({ length: 25 }, () => new Types.ObjectId().toHexString());
    await work.record('candidate', ids, new Date(0));
    const [batch] = await work.olderThan(new Date(1), 10);
    expect(batch).toMatchObject({ entity: 'candidate', entityIds: ids });
    await work.done([{ _id: batch!._id, seq: batch!.seq }]);
    expect(await work.count()).toBe(0);
  }, 60_000);

  it('evaluated writes leave no work; the sweep raises what a crash left unevaluated, and nothing twice', async () => {
    const emp = await employer(t);
    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: rx.url });
    const p = await posting(t, emp);
    await settle(t);
    await waitFor(() => rx.requests.length === 1, 'the first delivery');
    expect(await work.count()).toBe(0);
    const [first] = await deliveries(t, alert.id);
    const states = t.app.connection.collection('alert_entity_states');
    const leftBehind = () => t.app.connection.collection('alert_work').insertOne({ _id: `posting:${p}` as never, entity: 'posting', entityId: p, seq: 1, at: new Date(0) });

    // Crashed after the deliveries were stored, before the states and the cursor: nothing new.
    await leftBehind();
    await states.deleteOne({ _id: `posting:${p}` as never });
    expect(await t.app.services.alertRuntime.detector.sweep(0)).toBe(1);
    await settle(t);
    expect(await work.count()).toBe(0);
    expect(await states.countDocuments({ _id: `posting:${p}` as never })).toBe(1);
    expect(await deliveries(t, alert.id)).toHaveLength(1);

    // Crashed before anything was stored: the sweep raises the event, under the same id.
    await leftBehind();
    await states.deleteOne({ _id: `posting:${p}` as never });
    await t.app.connection.collection('alert_deliveries').deleteMany({});
    expect(await t.app.services.alertRuntime.detector.sweep(0)).toBe(1);
    await settle(t);
    await waitFor(() => rx.requests.length === 2, 'the delivery raised by the sweep');
    expect(rx.requests[1]!.headers['x-healthmatch-event-id']).toBe(first!.eventId);
    expect(await work.count()).toBe(0);
  }, 120_000);
});
