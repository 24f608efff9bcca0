// Detection in its own thread (src/alerts/detection-thread/): a thread that dies loses only
// what it held in memory. A posting written while it is down still raises its event, exactly
// once, after the thread is started again (its start-up sweep, else the minute sweep, takes the
// change from alert_work; with neither, the test times out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ThreadedAlertRuntime } from '../../src/alerts/detection-thread/threaded-alert-runtime.js';
import { candidate, createAlert, employer, posting, settle, startReceiver, waitFor, type Receiver } from './alert-world.js';

describe('alert detection thread', () => {
  let t: TestApp;
  let rx: Receiver;
  beforeAll(async () => {
    t = await startTestApp({ env: { ALERT_DETECTION_THREAD: 'true', ALERT_DELIVERY_POLL_MS: '50' } });
    rx = await startReceiver([200]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  it('a change written while the thread is down raises its event once the thread is back', async () => {
    const runtime = t.app.services.alertRuntime;
    expect(runtime).toBeInstanceOf(ThreadedAlertRuntime);
    const threaded = runtime as ThreadedAlertRuntime;
    const emp = await employer(t);
    const c = await candidate(t);
    await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: rx.url });
    const first = threaded.thread!;
    await first.terminate();
    // Handed over to no thread (restarted a second later): only the work item keeps it.
    const p = await posting(t, emp);
    await waitFor(() => threaded.thread !== null && threaded.thread !== first, 'the restarted thread');
    await waitFor(() => rx.requests.length >= 1, 'the event of the change written meanwhile');
    await settle(t);
    expect(rx.requests.map((r) => JSON.parse(r.body).postingId)).toEqual([p]);
    expect(await t.app.connection.collection('alert_work').countDocuments()).toBe(0);
  }, 120_000);
});
