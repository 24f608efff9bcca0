// Depth and cost limits: refused before anything executes, with QUERY_TOO_COMPLEX, HTTP 400
// and a message stating the limit; realistic queries pass under the defaults.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { adminOk, outcome } from '../../auth/auth-world.js';

const DEEP_11 = `query($id: ID!) { jobPosting(id: $id) { employer { postings { employer { postings { employer { postings {
  employer { postings { employer { postings { id } } } } } } } } } } } }`;

// 1 + first * (edges 1 + node 1 + employer 1 + postings (1 + 5 * (qualifications 11 + employer 12))) = 1 + first * 119.
const EXPENSIVE = `query($n: Int) { searchPostings(first: $n) { edges { node { employer { postings {
  requiredQualifications { code name } employer { postings { id title } } } } } } } }`;

describe('query limits with the defaults (depth 10, cost 10000)', () => {
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

  it('the cost estimate follows `first`, from variables too: 5 items pass, 100 are refused', async () => {
    expect(outcome(await t.gql(EXPENSIVE, { n: 5 }, null))).toBe('OK');
    const r = await t.gql(EXPENSIVE, { n: 100 }, null);
    expect(r.status).toBe(400);
    expect(outcome(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/estimated cost 11901 exceeds the limit of 10000/);
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
    t = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '20' } });
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
    expect(r.errors![0].message).toMatch(/exceeds the limit of 20/);
    expect(outcome(await t.gql(`{ searchPostings(first: 2) { edges { node { id title } } } }`, {}, null))).toBe('OK');
  });
});
