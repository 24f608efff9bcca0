// NODE_ENV=production switches introspection and the landing page off; in development both
// are on. In both, errors carry no stack trace or internal message, CSRF prevention is on, and
// the request body is size-limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type GqlResult, type TestApp } from '../helpers/test-app.js';
import { outcome } from './auth-world.js';

const LEAK = /\bat .+:\d+:\d+|\.ts:\d+|node_modules|stacktrace|MongoServerError|mongoose/i;
const MAX_BODY_BYTES = 2000;

async function insertOrphanPosting(t: TestApp): Promise<string> {
  // A posting whose employer is gone makes a resolver throw a plain Error: an internal failure.
  const { insertedId } = await t.app.connection.collection('postings').insertOne({
    employerId: new Types.ObjectId(), externalRef: null, title: 'Orphan', description: 'x', setting: 'HOSPITAL',
    employmentType: 'FULL_TIME', city: null, state: null, remote: false, salaryMin: null, salaryMax: null,
    minDegree: null, minYearsExperience: 0, requiredQualificationCodes: [], preferredQualificationCodes: [],
    skills: [], status: 'OPEN', postedAt: new Date(), closedAt: null,
  });
  return insertedId.toHexString();
}

describe.each([
  ['production', false],
  ['development', true],
] as const)('NODE_ENV=%s', (nodeEnv, devTools) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: nodeEnv, MAX_BODY_BYTES: String(MAX_BODY_BYTES) } });
  });
  afterAll(async () => t?.close());

  it(`introspection is ${devTools ? 'on' : 'off'}`, async () => {
    for (const q of [`{ __schema { queryType { name } } }`, `{ __type(name: "Candidate") { fields { name } } }`]) {
      const r = await t.gql(q, {}, null);
      if (devTools) {
        expect(outcome(r)).toBe('OK');
      } else {
        expect(outcome(r)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(r.errors![0].message).toMatch(/introspection is not allowed/i);
      }
    }
  });

  it(`the landing page is ${devTools ? 'on' : 'off'}`, async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    const type = res.headers.get('content-type') ?? '';
    if (devTools) {
      expect(res.status).toBe(200);
      expect(type).toContain('text/html');
    } else {
      expect(type).not.toContain('text/html');
      expect(await res.text()).not.toMatch(/<html/i);
    }
  });

  it('an internal failure is INTERNAL_SERVER_ERROR with a masked message and no stack trace', async () => {
    const id = await insertOrphanPosting(t);
    const r: GqlResult = await t.gql(`query($id: ID!) { jobPosting(id: $id) { employer { name } } }`, { id }, null);
    expect(outcome(r)).toBe('INTERNAL_SERVER_ERROR');
    expect(r.errors![0].message).toBe('Internal server error');
    expect(r.errors![0].extensions?.stacktrace).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(LEAK);
    expect(JSON.stringify(r)).not.toContain('references missing employer');
  });

  it('malformed JSON and an oversized body get a JSON error without internals', async () => {
    const bad = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(LEAK);

    const big = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ qualifications { code } }`, variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } }),
    });
    expect(big.status).toBe(413);
    const body = (await big.json()) as GqlResult;
    expect(body.errors![0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.stringify(body)).not.toMatch(LEAK);
  });

  describe('CSRF prevention', () => {
    const query = encodeURIComponent(`{ qualifications { code } }`);
    const mutation = `mutation { createEmployer(input: {name: "Forged", setting: OTHER}) { id } }`;

    it('a GET without a preflight-forcing header is refused; with one it is served', async () => {
      const blocked = await fetch(`${t.url}?query=${query}`);
      expect(blocked.status).toBe(400);
      expect(await blocked.text()).toMatch(/Cross-Site Request Forgery/);
      const allowed = await fetch(`${t.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(allowed.status).toBe(200);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
      'a POST with the simple content type %s is refused and writes nothing',
      async (contentType) => {
        const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query: mutation }) });
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
        expect(await t.app.connection.collection('employers').countDocuments({ name: 'Forged' })).toBe(0);
      },
    );

    it('a mutation over GET is refused even with the preflight header', async () => {
      const res = await fetch(`${t.url}?query=${encodeURIComponent(mutation)}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(res.status).toBe(405);
      expect(await t.app.connection.collection('employers').countDocuments({ name: 'Forged' })).toBe(0);
    });
  });
});
