// /health shows details only to admins; shutdown drains: running requests finish, new ones
// get 503, and what the deadline cut is counted.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { issueKey } from '../../auth/auth-world.js';

async function health(t: TestApp, key?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(t.url.replace(/graphql$/, 'health'), { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('without a key, or with a non-admin or invalid key, shows the status only (no servers, versions or paths)', async () => {
    const board = await issueKey(t, { role: 'JOB_BOARD', label: 'Board' });
    for (const key of [undefined, board.key, 'not-a-real-key-000']) {
      const r = await health(t, key);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ok' });
    }
  });

  it('with an admin key, the full report', async () => {
    const r = await health(t, ADMIN_KEY);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', mongo: { ok: true, server: expect.any(String) }, search: { ok: true } });
  });
});

/** Starts a POST whose body is only half sent: the request is in flight until `finish()`. */
async function halfSentRequest(t: TestApp): Promise<{ finish(): Promise<number>; response: Promise<number> }> {
  const body = JSON.stringify({ query: '{ __typename }' });
  const arrived = new Promise<void>((resolve) => t.app.httpServer.once('request', () => resolve()));
  const req = http.request(t.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
  const response = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
  });
  req.write(body.slice(0, 5));
  await arrived;
  return {
    response,
    finish: async () => {
      req.end(body.slice(5));
      return response;
    },
  };
}

describe('shutdown drain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('a running request finishes while new requests (and /health) get 503; nothing was cut', async () => {
    const running = await halfSentRequest(t);
    const drained = t.app.drain(60_000);
    const refused = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(t.url.replace(/graphql$/, 'health'))).status).toBe(503);
    expect(await running.finish()).toBe(200);
    expect(await drained).toEqual({ inFlight: 1, cut: 0 });
  });
});

describe('shutdown drain past its deadline', () => {
  it('reports the requests still running at the deadline as cut', async () => {
    const t = await startTestApp();
    try {
      const stuck = await halfSentRequest(t);
      expect(await t.app.drain(50)).toEqual({ inFlight: 1, cut: 1 });
      await t.close();
      // Closing the server ends the stuck request instead of waiting for it forever.
      expect(await stuck.response).not.toBe(200);
    } catch (err) {
      await t.close();
      throw err;
    }
  });
});
