// GraphQL subscriptions over WebSocket with a real graphql-ws client on the API's /graphql:
// authentication in connection_init, the caller's events live, one alert's events, refusals
// (anonymous, another key's alert, queries over WebSocket) and the per-key connection limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { issueKey } from '../auth/auth-world.js';
import { candidate, createAlert, employer, posting, settle, waitFor } from './alert-world.js';

const EVENTS = `subscription($a: ID) { alertEvents(alertId: $a) { id alertId kind postingId candidateId score occurredAt } }`;

interface Collected {
  events: Record<string, unknown>[];
  errors: unknown[];
  done: boolean;
}

function client(t: TestApp, key: string | null, onClose?: (code: number) => void): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (e) => onClose?.((e as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
}

function collect(c: Client, variables: Record<string, unknown> = {}): Collected {
  const out: Collected = { events: [], errors: [], done: false };
  c.subscribe<{ alertEvents: Record<string, unknown> }>(
    { query: EVENTS, variables },
    {
      next: (r) => (r.data ? out.events.push(r.data.alertEvents) : out.errors.push(...(r.errors ?? []))),
      error: (e) => out.errors.push(e),
      complete: () => (out.done = true),
    },
  );
  return out;
}

describe('alert events over graphql-ws', () => {
  let t: TestApp;
  let emp: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    // Events detected in the detection thread reach this process's subscribers.
    t = await startTestApp({ env: { WS_MAX_CONNECTIONS_PER_KEY: '2', ALERT_DETECTION_THREAD: 'true' } });
    emp = await employer(t);
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  }, 120_000);

  it("delivers the caller's alert events live, and only theirs", async () => {
    const c = await candidate(t);
    const key = await issueKey(t, { role: 'CANDIDATE', label: 'me', candidateId: c });
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c }, key.key);
    const other = await createAlert(t, { kind: 'SAVED_SEARCH', query: 'practice' }, ADMIN_KEY);
    const mine = client(t, key.key);
    const admins = client(t, ADMIN_KEY);
    clients.push(mine, admins);
    const all = collect(mine);
    const one = collect(admins, { a: alert.id });
    // The subscription is registered once the server acknowledged it: wait for the bus to see both.
    await waitFor(() => t.app.services.alertRuntime.bus.subscriberCount >= 2, 'two subscriptions');

    const p = await posting(t, emp, { title: 'Practice Manager' });
    await settle(t);
    await waitFor(() => all.events.length >= 1 && one.events.length >= 1, 'the live events');
    expect(all.errors).toEqual([]);
    expect(all.events).toHaveLength(1);
    expect(all.events[0]).toMatchObject({ alertId: alert.id, kind: 'POSTINGS_FOR_CANDIDATE', postingId: p, candidateId: c });
    expect(typeof all.events[0].score).toBe('number');
    expect(new Date(all.events[0].occurredAt as string).getTime()).not.toBeNaN();
    // The admin asked for that one alert: the saved search's event (also raised) is not in it.
    expect(one.events.map((e) => e.alertId)).toEqual([alert.id]);
    void other;
  }, 120_000);

  it('refuses anonymous connections, other keys\' alerts and queries over WebSocket', async () => {
    let closed = 0;
    const anon = client(t, null, (code) => (closed = code));
    clients.push(anon);
    collect(anon);
    await waitFor(() => closed !== 0, 'the refusal');
    expect(closed).toBe(4403);

    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c });
    const board = await issueKey(t, { role: 'JOB_BOARD', label: 'b' });
    const bc = client(t, board.key);
    clients.push(bc);
    const refused = collect(bc, { a: alert.id });
    await waitFor(() => refused.errors.length > 0, 'the error');
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');

    const q: Collected = { events: [], errors: [], done: false };
    bc.subscribe({ query: '{ qualifications { code } }' }, { next: (r) => q.errors.push(...(r.errors ?? [])), error: (e) => q.errors.push(e), complete: () => (q.done = true) });
    await waitFor(() => q.errors.length > 0, 'the refusal of a query');
    expect(JSON.stringify(q.errors)).toContain('Only subscriptions');
  }, 120_000);

  it('limits connections per key', async () => {
    const key = await issueKey(t, { role: 'JOB_BOARD', label: 'many' });
    const codes: number[] = [];
    const a = client(t, key.key, (code) => codes.push(code));
    const b = client(t, key.key, (code) => codes.push(code));
    clients.push(a, b);
    collect(a);
    collect(b);
    await waitFor(() => t.app.services.alertRuntime.bus.subscriberCount >= 4, 'two more subscriptions');
    const third = client(t, key.key, (code) => codes.push(code));
    clients.push(third);
    collect(third);
    await waitFor(() => codes.length > 0, 'the third connection to close');
    expect(codes).toEqual([4429]);
  }, 120_000);
});
