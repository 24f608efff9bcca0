// Rate limiting: a token bucket per API key, per client IP without a valid key; HTTP 429 with
// Retry-After and TOO_MANY_REQUESTS once a bucket is empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from '../../../src/api/http/rate-limit.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 2, now: () => now });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b')).toEqual({ allowed: true }); // buckets are per key
    now += 999;
    expect(limiter.take('a').allowed).toBe(false);
    now += 1;
    expect(limiter.take('a')).toEqual({ allowed: true });
    now += 60_000;
    // Refill stops at the burst size.
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((r) => r.allowed)).toEqual([true, true, false]);
  });

  it('says how long to wait for the next token', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 2, burst: 1, now: () => 0 });
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });
});

describe('rate limit through HTTP (RATE_LIMIT_BURST=3, RATE_LIMIT_PER_MINUTE=1)', () => {
  let t: TestApp;
  const QUERY = `{ qualifications { code } }`;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '1' } });
  });
  afterAll(async () => t?.close());

  async function post(key: string | null): Promise<{ status: number; retryAfter: string | null; body: { errors?: { message: string; extensions?: { code?: string } }[] } }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as never };
  }

  it('anonymous callers share their IP\'s bucket, an invalid key included; then 429 TOO_MANY_REQUESTS', async () => {
    expect((await post(null)).status).toBe(200);
    expect((await post(null)).status).toBe(200);
    expect((await post('not-a-valid-key-123')).status).toBe(200);
    const refused = await post(null);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors![0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.errors![0].message).toMatch(/Rate limit exceeded: at most 1 requests per minute .*bursts of 3.*retry in \d+ s/);
    expect((await post('another-invalid-key-123')).status).toBe(429);
  });

  it('a valid key has its own bucket, unaffected by the exhausted anonymous one', async () => {
    for (let i = 0; i < 3; i++) expect((await post(ADMIN_KEY)).status).toBe(200);
    expect((await post(ADMIN_KEY)).status).toBe(429);
  });

  it('a refused request does nothing: a mutation is neither executed nor audited', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query: `mutation { createEmployer(input: {name: "Limited", setting: OTHER}) { id } }` }),
    });
    expect(res.status).toBe(429);
    expect(await t.app.connection.collection('employers').countDocuments()).toBe(0);
    expect(await t.app.connection.collection('audit_log').countDocuments()).toBe(0);
  });

  it('the health check is not rate limited', async () => {
    const res = await fetch(t.url.replace(/graphql$/, 'health'));
    expect(res.status).not.toBe(429);
  });
});
