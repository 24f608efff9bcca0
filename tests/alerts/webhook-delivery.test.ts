// The durable webhook queue with a real receiver: retries with back-off until the receiver
// recovers, delivery completing across a restart of the service (a new app on the same
// database), failing for good after the retry window, and an alert turning inactive after
// ALERT_MAX_FAILED_DELIVERIES failed deliveries in a row. The schedule is shortened by config.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestApp, newDbName, type TestApp } from '../helpers/test-app.js';
import { candidate, createAlert, deliveries, employer, posting, settle, startReceiver, verifySignature, waitFor, type Receiver } from './alert-world.js';

const receivers: Receiver[] = [];
const apps: TestApp[] = [];
async function receiver(answers: number[]): Promise<Receiver> {
  const r = await startReceiver(answers);
  receivers.push(r);
  return r;
}
async function app(env: Record<string, string>, dbName?: string): Promise<TestApp> {
  const a = await startTestApp({ env, dbName });
  apps.push(a);
  return a;
}
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => undefined);
});
afterAll(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

const FAST = { ALERT_RETRY_BASE_MS: '40', ALERT_RETRY_MAX_MS: '160', ALERT_DELIVERY_POLL_MS: '50' };

async function oneEvent(t: TestApp, url: string) {
  const emp = await employer(t);
  const c = await candidate(t);
  const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: url });
  await posting(t, emp);
  await settle(t);
  return alert;
}

describe('webhook delivery', () => {
  it('retries with back-off while the receiver fails, then delivers the same signed body', async () => {
    const rx = await receiver([500, 503, 404, 200]);
    const t = await app({ ...FAST, ALERT_RETRY_WINDOW_MS: '60000' });
    const alert = await oneEvent(t, rx.url);
    await waitFor(async () => (await deliveries(t, alert.id))[0]?.status === 'delivered', 'delivery');
    const [d] = await deliveries(t, alert.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200, nextAttemptAt: null });
    expect(rx.requests).toHaveLength(4);
    expect(new Set(rx.requests.map((r) => r.headers['x-healthmatch-event-id']))).toEqual(new Set([d.eventId]));
    expect(new Set(rx.requests.map((r) => r.body)).size).toBe(1);
    for (const r of rx.requests) expect(verifySignature(alert.secret, String(r.headers['x-healthmatch-signature']), r.body)).toBe(true);
    const stored = await t.app.connection.collection('alert_deliveries').findOne({ _id: d.eventId as never });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    // Delivered: out of the queue of pending attempts.
    expect(await t.app.connection.collection('alert_delivery_queue').countDocuments({ _id: d.eventId as never })).toBe(0);
  }, 120_000);

  it('a pending delivery survives a restart: a new app on the same database delivers it', async () => {
    const rx = await receiver([503]);
    const dbName = newDbName();
    const first = await app({ ...FAST, ALERT_RETRY_WINDOW_MS: '600000' }, dbName);
    const alert = await oneEvent(first, rx.url);
    await waitFor(() => rx.requests.length >= 2, 'two failed attempts');
    // Stop the service without dropping its database.
    apps.splice(apps.indexOf(first), 1);
    await first.app.close();
    rx.answers.splice(0, rx.answers.length, 200);
    const failedSoFar = rx.requests.length;

    const second = await app({ ...FAST, ALERT_RETRY_WINDOW_MS: '600000' }, dbName);
    await waitFor(async () => (await deliveries(second, alert.id))[0]?.status === 'delivered', 'delivery after the restart');
    const [d] = await deliveries(second, alert.id);
    expect(d.attempts).toBeGreaterThanOrEqual(failedSoFar + 1);
    expect(rx.requests.at(-1)!.headers['x-healthmatch-event-id']).toBe(d.eventId);
    expect(verifySignature(alert.secret, String(rx.requests.at(-1)!.headers['x-healthmatch-signature']), rx.requests.at(-1)!.body)).toBe(true);
  }, 120_000);

  it('fails for good after the retry window, and the alert turns inactive after N failed deliveries in a row', async () => {
    const rx = await receiver([500]);
    const t = await app({ ...FAST, ALERT_RETRY_WINDOW_MS: '300', ALERT_MAX_FAILED_DELIVERIES: '2' });
    const emp = await employer(t);
    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: rx.url });
    await posting(t, emp, { title: 'First' });
    await settle(t);
    await waitFor(async () => (await deliveries(t, alert.id))[0]?.status === 'failed', 'the first failure');
    const active = async () => (await t.gql<{ alerts: { id: string; active: boolean }[] }>(`{ alerts { id active } }`)).data!.alerts.find((a) => a.id === alert.id)!.active;
    expect(await active()).toBe(true);

    await posting(t, emp, { title: 'Second' });
    await settle(t);
    await waitFor(async () => (await deliveries(t, alert.id)).every((d) => d.status === 'failed') && (await deliveries(t, alert.id)).length === 2, 'the second failure');
    await waitFor(async () => !(await active()), 'the alert to turn inactive');
    const list = await deliveries(t, alert.id);
    expect(list.every((d) => d.attempts >= 1 && d.lastStatusCode === 500 && d.nextAttemptAt === null)).toBe(true);

    // Inactive: no more events.
    await posting(t, emp, { title: 'Third' });
    await settle(t);
    expect(await deliveries(t, alert.id)).toHaveLength(2);
  }, 120_000);
});
