// What a client sees when things go wrong: a JSON error with a code, never a stack trace,
// an internal message or an HTML page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ADMIN_KEY, startTestApp, type GqlResult, type TestApp } from '../../helpers/test-app.js';

const MAX_BODY_BYTES = 4000;

/** Signs that internals leaked: stack frames, source paths, driver or database messages. */
const LEAK = /\bat .+:\d+:\d+|\.ts:\d+|node_modules|MongoServerError|FerretDB|sqlite|mongoose/i;

describe('error responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MAX_BODY_BYTES: String(MAX_BODY_BYTES) } });
  });
  afterAll(async () => t?.close());

  async function post(body: string, contentType = 'application/json'): Promise<{ status: number; type: string; text: string }> {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  function expectCleanErrors(r: GqlResult): void {
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const err of r.errors!) {
      expect(err.extensions?.code).toEqual(expect.any(String));
      expect(err.extensions?.stacktrace).toBeUndefined();
      expect(err.extensions?.exception).toBeUndefined();
    }
    expect(JSON.stringify(r)).not.toMatch(LEAK);
  }

  it.each<[string, string, string, Record<string, unknown>, 'admin' | null]>([
    ['a service rule', 'BAD_USER_INPUT', `mutation { createEmployer(input: {name: "", setting: HOSPITAL}) { id } }`, {}, 'admin'],
    ['an unknown id', 'NOT_FOUND', `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: new Types.ObjectId().toHexString() }, 'admin'],
    ['a malformed id', 'BAD_USER_INPUT', `{ jobPosting(id: "nope") { id } }`, {}, null],
    ['no key', 'UNAUTHENTICATED', `mutation { createEmployer(input: {name: "X", setting: HOSPITAL}) { id } }`, {}, null],
    ['an unknown field', 'GRAPHQL_VALIDATION_FAILED', `{ qualifications { nope } }`, {}, null],
    ['a syntax error', 'GRAPHQL_PARSE_FAILED', `{ qualifications { `, {}, null],
    ['a bad variable', 'BAD_USER_INPUT', `query($k: QualificationKind) { qualifications(kind: $k) { code } }`, { k: 'NOPE' }, null],
    ['an operator string as id', 'BAD_USER_INPUT', `query($id: ID!) { employer(id: $id) { id } }`, { id: '{"$ne": null}' }, null],
  ])('%s -> %s, without a stack trace', async (_label, code, query, variables, key) => {
    const r = key === 'admin' ? await t.gql(query, variables) : await t.gql(query, variables, null);
    expectCleanErrors(r);
    expect(r.errors![0].extensions?.code).toBe(code);
  });

  it('an object where an ID is expected is refused, not used as a query operator', async () => {
    const r = await t.gql(`query($id: ID!) { employer(id: $id) { id } }`, { id: { $gt: '' } }, null);
    expectCleanErrors(r);
    expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unexpected failure is INTERNAL_SERVER_ERROR with a masked message', async () => {
    // A posting whose employer no longer exists makes the employer resolver throw a plain Error.
    const orphanEmployer = new Types.ObjectId();
    const { insertedId } = await t.app.connection.collection('postings').insertOne({
      employerId: orphanEmployer,
      externalRef: null,
      title: 'Orphan',
      description: 'No employer',
      setting: 'HOSPITAL',
      employmentType: 'FULL_TIME',
      city: null,
      state: null,
      remote: false,
      salaryMin: null,
      salaryMax: null,
      minDegree: null,
      minYearsExperience: 0,
      requiredQualificationCodes: [],
      preferredQualificationCodes: [],
      skills: [],
      status: 'OPEN',
      postedAt: new Date(),
      closedAt: null,
    });
    const r = await t.gql(`query($id: ID!) { jobPosting(id: $id) { title employer { name } } }`, { id: insertedId.toHexString() }, null);
    expectCleanErrors(r);
    expect(r.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(r)).not.toContain(orphanEmployer.toHexString());
  });

  describe('HTTP level', () => {
    function expectJsonError(res: { status: number; type: string; text: string }, status: number, code: string): void {
      expect(res.status).toBe(status);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.text).not.toMatch(/<html|<!DOCTYPE/i);
      expect(res.text).not.toMatch(LEAK);
      const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string; stacktrace?: unknown } }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions.code).toBe(code);
      expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    }

    it('a malformed JSON body gets a clean 400 JSON error', async () => {
      expectJsonError(await post('{"query": "{ qualifications { code } }", '), 400, 'BAD_REQUEST');
    });

    it('a JSON body that is not an object gets a clean 400 JSON error', async () => {
      expectJsonError(await post('"just a string"'), 400, 'BAD_REQUEST');
    });

    it('an oversized body gets a clean 413 JSON error and is not executed', async () => {
      const big = JSON.stringify({
        query: `mutation($n: String!) { createEmployer(input: {name: $n, setting: HOSPITAL}) { id } }`,
        variables: { n: 'x'.repeat(MAX_BODY_BYTES * 2) },
      });
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: big,
      });
      expectJsonError({ status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }, 413, 'PAYLOAD_TOO_LARGE');
      expect(await t.app.connection.collection('employers').countDocuments()).toBe(0);
    });

    it('a body just under the limit is served normally', async () => {
      const query = `{ qualifications { code } }`;
      const body = JSON.stringify({ query, variables: { pad: 'x'.repeat(MAX_BODY_BYTES - 200) } });
      expect(body.length).toBeLessThan(MAX_BODY_BYTES);
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ data: { qualifications: [] } });
    });

    it('an unknown path gets a JSON 404, not an HTML page', async () => {
      const res = await fetch(t.url.replace(/\/graphql$/, '/no-such-path'));
      expectJsonError({ status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }, 404, 'NOT_FOUND');
    });
  });
});
