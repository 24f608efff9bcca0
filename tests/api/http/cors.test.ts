// CORS_ORIGINS: preflights from a listed origin succeed with the headers a browser client
// needs; other origins, and every origin when none is listed, get no CORS headers; Apollo's
// CSRF prevention stays on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const LISTED = 'https://board.example.com';

function preflight(t: TestApp, origin: string): Promise<Response> {
  return fetch(t.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-request-id,apollo-require-preflight',
    },
  });
}

describe('CORS with CORS_ORIGINS set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: `${LISTED},http://localhost:5173` } });
  });
  afterAll(async () => t?.close());

  it('a preflight from a listed origin succeeds with the allowed methods and headers', async () => {
    const res = await preflight(t, LISTED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['GET', 'POST']));
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight']));
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('a request from a listed origin gets its CORS headers and can read x-request-id', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ qualifications { code } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-request-id');
  });

  it('an origin not on the list gets no CORS headers', async () => {
    for (const origin of ['https://evil.example.com', 'https://board.example.com.evil.net', 'http://board.example.com']) {
      const res = await preflight(t, origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(res.headers.get('access-control-allow-headers'), origin).toBeNull();
    }
  });

  it('CSRF prevention stays on for listed origins: a GET without a preflight header is refused', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: LISTED } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
    const allowed = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: LISTED, 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });
});

describe('CORS by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('sends no CORS headers to any origin', async () => {
    const res = await preflight(t, LISTED);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(t.url, {
      method: 'POST',
      headers: { origin: LISTED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
