// Depth and cost limits: refused before anything executes, with QUERY_TOO_COMPLEX, HTTP 400
// and a message stating the limit; realistic queries pass under the defaults.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { adminOk, outcome } from '../../auth/auth-world.js';

const DEEP_11 = `query($id: ID!) { jobPosting(id: $id) { employer { postings { employer { postings { employer { postings {
  employer { postings { employer { postings { id } } } } } } } } } } } }`;

// search 10,000 + first * (edges 1 + node (1 + read 50 + employer (1 + read 50 + postings (1 + 100 * (read 50 + id 1)))))
// = 10,000 + first * 5,204.
const EXPENSIVE = `query($n: Int) { searchPostings(first: $n) { edges { node { employer { postings { id } } } } } }`;

describe('query limits with the defaults (depth 10, cost 100000)', () => {
  let t: TestApp;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const e = await adminOk<{ createEmployer: { id: string } }>(t, `mutation { createEmployer(input: {name: "Hillcrest", setting: HOSPITAL}) { id } }`);
    const p = await adminOk<{ createJobPosting: { id: string } }>(
      t,
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Manager", description: "Manages."}) { id } }`,
      { e: e.createEmployer.id },
    );
    postingId = p.createJobPosting.id;
  });
  afterAll(async () => t?.close());

  it('a query nested deeper than 10 levels is QUERY_TOO_COMPLEX (HTTP 400) and names the limit', async () => {
    const r = await t.gql(DEEP_11, { id: postingId }, null);
    expect(r.status).toBe(400);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/too deep: at most 10 levels/);
    expect(r.data ?? null).toBeNull();
  });

  it('depth is counted through fragments too', async () => {
    const q = `query($id: ID!) { jobPosting(id: $id) { ...E } }
      fragment E on JobPosting { employer { postings { employer { postings { employer { postings { employer { postings { employer { postings { id } } } } } } } } } } }`;
    expect(outcome(await t.gql(q, { id: postingId }, null))).toBe('QUERY_TOO_COMPLEX');
  });

  it('a realistic deep query passes', async () => {
    const r = await t.gql(
      `query($id: ID!) { jobPosting(id: $id) { employer { postings { requiredQualifications { code } employer { name } } } } }`,
      { id: postingId },
      null,
    );
    expect(outcome(r)).toBe('OK');
  });

  it('the cost estimate follows `first`, from variables too: 5 items pass, 20 are refused', async () => {
    expect(outcome(await t.gql(EXPENSIVE, { n: 5 }, null))).toBe('OK');
    const r = await t.gql(EXPENSIVE, { n: 20 }, null);
    expect(r.status).toBe(400);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/estimated cost 114080 exceeds the limit of 100000/);
  });

  it('a heavy but realistic page of 100 matches passes', async () => {
    const c = await adminOk<{ createCandidate: { id: string } }>(t, `mutation { createCandidate(input: {name: "A B", email: "ab@example.org"}) { id } }`);
    const r = await t.gql(
      `query($id: ID!) { matchesForCandidate(candidateId: $id, first: 100, includeIneligible: true) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { score eligible posting { id title salaryMin employer { name } requiredQualifications { code name } preferredQualifications { code } skills }
        explanation { summary missing { kind code detail } matchedRequired { code } matchedPreferred { code } } } } } }`,
      { id: c.createCandidate.id },
      ADMIN_KEY,
    );
    expect(outcome(r)).toBe('OK');
  });

  it('introspection (on in development) is not counted against either limit', async () => {
    const r = await t.gql(getIntrospectionQuery(), {}, null);
    expect(outcome(r)).toBe('OK');
  });
});

describe('query limits from the environment', () => {
  let t: TestApp;
  beforeAll(async () => {
    // searchPostings(first: n) { edges { node { id title } } } costs 10,000 + 54 n.
    t = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '10400' } });
  });
  afterAll(async () => t?.close());

  it('a mutation over the depth limit is refused before it runs: nothing written, nothing audited', async () => {
    const r = await t.gql(`mutation { createEmployer(input: {name: "Deep", setting: OTHER}) { postings { employer { postings { id } } } } }`);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toContain('at most 3 levels');
    expect(await t.app.connection.collection('employers').countDocuments()).toBe(0);
    expect(await t.app.connection.collection('audit_log').countDocuments()).toBe(0);
  });

  it('exactly at the depth limit passes', async () => {
    const r = await t.gql(`mutation { createEmployer(input: {name: "Shallow", setting: OTHER}) { postings { employer { name } } } }`);
    expect(outcome(r)).toBe('OK');
  });

  it('GRAPHQL_MAX_COST applies', async () => {
    const r = await t.gql(`{ searchPostings(first: 10) { edges { node { id title } } } }`, {}, null);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/estimated cost 10540 exceeds the limit of 10400/);
    expect(outcome(await t.gql(`{ searchPostings(first: 2) { edges { node { id title } } } }`, {}, null))).toBe('OK');
  });
});

describe('query analysis before validation (issue 12 attacks)', () => {
  let t: TestApp;
  let candidateId: string;
  const health = () => fetch(t.url.replace(/graphql$/, 'health')).then((r) => r.status);

  beforeAll(async () => {
    t = await startTestApp();
    const c = await adminOk<{ createCandidate: { id: string } }>(t, `mutation { createCandidate(input: {name: "A B", email: "ab@example.org"}) { id } }`);
    candidateId = c.createCandidate.id;
  });
  afterAll(async () => t?.close());

  async function refusedWhileHealthAnswers(query: string, key: string | null, message: RegExp): Promise<void> {
    const [r, status] = await Promise.all([t.gql(query, {}, key), health()]);
    expect(status).toBe(200);
    expect(r.status).toBe(400);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(message);
    expect(r.data ?? null).toBeNull();
  }

  it('the 953-byte fragment fan-out (i = 22) is refused as too large', async () => {
    const parts = ['query { ...F22 }', 'fragment F0 on Query { __typename }'];
    for (let i = 1; i <= 22; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    await refusedWhileHealthAnswers(parts.join('\n'), null, /4194304 field selections .* exceed the limit of 2000 \(GRAPHQL_MAX_NODES\)/);
  });

  it('a query padded past 10,000 selections is refused, not estimated and run', async () => {
    const padded = `{ qualifications { ${'code '.repeat(10_000)} } }`;
    await refusedWhileHealthAnswers(padded, null, /10001 field selections/);
  });

  it('1,000 aliases of matchesForCandidate(first: 1) are refused', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `m${i}: matchesForCandidate(candidateId: "${candidateId}", first: 1) { totalCount }`).join(' ')} }`;
    await refusedWhileHealthAnswers(q, ADMIN_KEY, /1000 exceed the limit of 30 \(GRAPHQL_MAX_ALIASES\)/);
  });

  it('10 aliased searches cost more than the limit; 5 run', async () => {
    const q = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: matchesForCandidate(candidateId: "${candidateId}", first: 1) { totalCount }`).join(' ')} }`;
    await refusedWhileHealthAnswers(q(10), ADMIN_KEY, /estimated cost 100010 exceeds the limit of 100000/);
    const ok = await t.gql<Record<string, { totalCount: number }>>(q(5), {}, ADMIN_KEY);
    expect(outcome(ok)).toBe('OK');
    expect(Object.keys(ok.data!)).toHaveLength(5);
  });

  it('the 10-level employer { postings { employer ... } } chain is refused by its realistic estimate', async () => {
    const chain = `{ employer(id: "${'0'.repeat(24)}") { postings { employer { postings { employer { postings { employer { postings { employer { postings { id } } } } } } } } } } }`;
    await refusedWhileHealthAnswers(chain, null, /estimated cost \d{11,} exceeds the limit of 100000/);
  });

  it('a document over the parser token limit is GRAPHQL_PARSE_FAILED (HTTP 400)', async () => {
    const r = await t.gql(`{ ${'__typename '.repeat(25_000)} }`, {}, null);
    expect(r.status).toBe(400);
    expect(outcome(r)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('GET requests are analysed as well', async () => {
    const parts = ['query { ...F22 }', 'fragment F0 on Query { __typename }'];
    for (let i = 1; i <= 22; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    const res = await fetch(`${t.url}?query=${encodeURIComponent(parts.join('\n'))}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('GRAPHQL_LIST_ESTIMATE, GRAPHQL_MAX_NODES and GRAPHQL_MAX_ALIASES from the environment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_LIST_ESTIMATE: '2000', GRAPHQL_MAX_NODES: '5', GRAPHQL_MAX_ALIASES: '1' } });
  });
  afterAll(async () => t?.close());

  it('an unbounded list is estimated at GRAPHQL_LIST_ESTIMATE items', async () => {
    // employer (1 + read 50 + postings (1 + 2000 * (read 50 + id 1)))
    const r = await t.gql(`{ employer(id: "${'0'.repeat(24)}") { postings { id } } }`, {}, null);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/estimated cost 102052 exceeds/);
  });

  it('the node and alias limits apply', async () => {
    expect((await t.gql(`{ a: __typename }`, {}, null)).errors).toBeUndefined();
    expect((await t.gql(`{ a: __typename b: __typename }`, {}, null)).errors![0].message).toMatch(/2 exceed the limit of 1/);
    expect((await t.gql(`{ qualifications { code name kind issuer stateSpecific } }`, {}, null)).errors![0].message).toMatch(/6 field selections/);
  });
});
