// Requests that are the client's mistake are 4xx with a code, never INTERNAL_SERVER_ERROR:
// an operation that cannot be chosen, more bad variables than GraphQL counts, and (in
// production) no "Did you mean" hints that name schema members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/shared/logger.js';
import { ADMIN_KEY, startTestApp, type GqlResult, type TestApp } from '../../helpers/test-app.js';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => void errors.push(m) };
}

async function post(t: TestApp, body: unknown, key: string | null = null): Promise<GqlResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as object) };
}

describe('client mistakes are 4xx with a code', () => {
  let t: TestApp;
  const logger = recordingLogger();
  beforeAll(async () => {
    t = await startTestApp({ logger });
  });
  afterAll(async () => t?.close());

  it('an operationName the document does not define is HTTP 400 BAD_REQUEST (was HTTP 500)', async () => {
    const r = await post(t, { query: 'query A { __typename }', operationName: 'B' });
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors![0].message).toContain('"B"');
  });

  it('several operations and no operationName is HTTP 400 BAD_REQUEST', async () => {
    const r = await post(t, { query: 'query A { __typename } query B { __typename }' });
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('a mutation document with a wrong operationName writes nothing and is not audited', async () => {
    const r = await post(t, { query: 'mutation A { createEmployer(input: {name: "X", setting: OTHER}) { id } }', operationName: 'Z' }, ADMIN_KEY);
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toBe('BAD_REQUEST');
    expect(await t.app.connection.collection('employers').countDocuments()).toBe(0);
    expect(await t.app.connection.collection('audit_log').countDocuments()).toBe(0);
  });

  it('51 invalid enum variables: every error is BAD_USER_INPUT, HTTP 400, nothing logged as an internal error', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `v${i}`);
    const query = `query(${names.map((n) => `$${n}: CareSetting!`).join(', ')}) { searchPostings(filter: {settings: [${names.map((n) => `$${n}`).join(', ')}]}) { totalCount } }`;
    const before = logger.errors.length;
    const r = await post(t, { query, variables: Object.fromEntries(names.map((n) => [n, 'NOPE'])) });
    expect(r.status).toBe(400);
    expect(r.errors!.length).toBeGreaterThan(50);
    expect(new Set(r.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(r.errors!.some((e) => e.message.startsWith('Too many errors processing variables'))).toBe(true);
    expect(logger.errors.slice(before)).toEqual([]);
  });
});

describe.each([
  ['production', false],
  ['development', true],
] as const)('"Did you mean" suggestions with NODE_ENV=%s', (nodeEnv, suggests) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: nodeEnv } });
  });
  afterAll(async () => t?.close());

  it(`validation errors ${suggests ? 'offer' : 'do not offer'} a field name`, async () => {
    const r = await t.gql(`{ qualifications { cod } }`, {}, null);
    expect(r.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors![0].message).toContain('Cannot query field "cod"');
    expect(/Did you mean/.test(r.errors![0].message)).toBe(suggests);
  });

  it(`variable errors ${suggests ? 'offer' : 'do not offer'} an enum value`, async () => {
    const r = await t.gql(`query($k: QualificationKind) { qualifications(kind: $k) { code } }`, { k: 'LICENSEE' }, null);
    expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(/Did you mean/.test(r.errors![0].message)).toBe(suggests);
  });
});
