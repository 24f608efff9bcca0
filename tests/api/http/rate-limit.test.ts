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

describe('the rate limit weighs a request by its estimated cost (RATE_LIMIT_COST_PER_TOKEN=1000)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_BURST: '30', RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_COST_PER_TOKEN: '1000' } });
  });
  afterAll(async () => t?.close());

  it('a search estimated at 10,002 takes 11 tokens: two fit in a burst of 30, the third is refused; cheap queries still pass', async () => {
    const SEARCH = `{ searchPostings(first: 2) { totalCount } }`;
    expect((await t.gql(SEARCH, {}, null)).status).toBe(200);
    expect((await t.gql(SEARCH, {}, null)).status).toBe(200);
    const refused = await t.gql(SEARCH, {}, null);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].message).toMatch(/estimated cost 10002 counts as 11 requests/);
    // 30 - 11 - 11 - 1 (the refused one's first token) = 7 left for 1-token requests.
    for (let i = 0; i < 7; i++) expect((await t.gql(`{ qualifications { code } }`, {}, null)).status).toBe(200);
    expect((await t.gql(`{ qualifications { code } }`, {}, null)).status).toBe(429);
  });
});

describe('TRUST_PROXY and rotating X-Forwarded-For', () => {
  async function statuses(trustProxy: string, forwardedFor: (i: number) => string): Promise<number[]> {
    const t = await startTestApp({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: trustProxy } });
    try {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(i) },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        out.push(res.status);
      }
      return out;
    } finally {
      await t.close();
    }
  }
  // What a client sends, then what the one proxy in front of the service appends: the client's real address.
  const rotatingBehindOneProxy = (i: number) => `198.51.100.${i + 1}, 203.0.113.7`;

  it('a hop count of 1 believes only what the proxy appended: rotating the rest does not escape the limit', async () => {
    expect(await statuses('1', rotatingBehindOneProxy)).toEqual([200, 200, 429, 429]);
  });

  it('a list of trusted proxies (the test client is 127.0.0.1) behaves the same', async () => {
    expect(await statuses('127.0.0.1, 10.0.0.0/8', rotatingBehindOneProxy)).toEqual([200, 200, 429, 429]);
  });

  it('`true` trusts every hop, so a rotating header escapes (why the README advises a hop count)', async () => {
    expect(await statuses('true', rotatingBehindOneProxy)).toEqual([200, 200, 200, 200]);
  });

  it('`false` (the default) ignores the header: all requests come from the socket address', async () => {
    expect(await statuses('false', (i) => `198.51.100.${i + 1}`)).toEqual([200, 200, 429, 429]);
  });
});
