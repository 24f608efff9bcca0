// Input limits through HTTP: refused before execution with BAD_USER_INPUT (HTTP 400), naming
// each field path and its limit, nothing written and nothing audited; the inputs that used to
// stall the service (issue 12) are refused while other requests keep being answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type GqlResult, type TestApp } from '../../helpers/test-app.js';
import { buildAuthWorld, snapshot, type AuthWorld } from '../../auth/auth-world.js';

type Problem = { field: string; problem: string };
const problemsOf = (r: GqlResult): Problem[] => (r.errors?.[0]?.extensions?.problems as Problem[] | undefined) ?? [];

const UPDATE_CANDIDATE = `mutation($id: ID!, $input: CandidateUpdateInput!) { updateCandidate(id: $id, input: $input) { id } }`;

function intervals(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const y = 1000 + i; // disjoint one-day intervals: the shape that made the old union quadratic
    return { title: 'Shift', startDate: `${y}-01-01`, endDate: `${y}-01-01` };
  });
}

describe('input limits', () => {
  let t: TestApp;
  let w: AuthWorld;
  const health = () => fetch(t.url.replace(/graphql$/, 'health')).then((r) => r.status);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildAuthWorld(t);
  });
  afterAll(async () => t?.close());

  async function expectRefusedAndUnchanged(send: () => Promise<GqlResult>, expected: Problem[]): Promise<void> {
    const before = await snapshot(t);
    const audited = await t.app.connection.collection('audit_log').countDocuments();
    // The formerly stalling request and a health check at the same time: both are answered.
    const [r, healthStatus] = await Promise.all([send(), health()]);
    expect(healthStatus).toBe(200);
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(r)).toEqual(expected);
    for (const p of expected) expect(r.errors![0].message).toContain(`${p.field}: ${p.problem}`);
    expect(await snapshot(t)).toEqual(before);
    expect(await t.app.connection.collection('audit_log').countDocuments()).toBe(audited);
  }

  it('a CANDIDATE key saving 4,000 experience intervals is refused: input.experience: at most 100 entries', async () => {
    await expectRefusedAndUnchanged(
      () => t.gql(UPDATE_CANDIDATE, { id: w.candidateSelf, input: { experience: intervals(4_000) } }, w.keys.CANDIDATE),
      [{ field: 'input.experience', problem: 'at most 100 entries (got 4000)' }],
    );
  });

  it('10,000 qualifications in one update are refused without looking at any of them', async () => {
    const qualifications = Array.from({ length: 10_000 }, (_, i) => ({ code: `Q${i}`, state: 'TX' }));
    await expectRefusedAndUnchanged(
      () => t.gql(UPDATE_CANDIDATE, { id: w.candidateSelf, input: { qualifications } }, ADMIN_KEY),
      [{ field: 'input.qualifications', problem: 'at most 100 entries (got 10000)' }],
    );
  });

  it('the e-mail that made the old pattern backtrack is refused by its length first', async () => {
    const email = 'a@' + '.'.repeat(64_000) + '@';
    await expectRefusedAndUnchanged(
      () => t.gql(UPDATE_CANDIDATE, { id: w.candidateSelf, input: { email } }, w.keys.CANDIDATE),
      [{ field: 'input.email', problem: 'at most 254 characters (got 64003)' }],
    );
  });

  it('a 900,000-character description, in a literal argument, is refused', async () => {
    const huge = 'x'.repeat(900_000);
    // Literal, not a variable: the limits apply to both. It fits the default 1,000,000-byte body limit.
    const r = () => t.gql(`mutation { createJobPosting(input: {employerId: "${w.employerA}", title: "T", description: "${huge}"}) { id } }`);
    await expectRefusedAndUnchanged(r, [{ field: 'input.description', problem: 'at most 20000 characters (got 900000)' }]);
  });

  it('every problem is named at once, with nested paths and list items', async () => {
    await expectRefusedAndUnchanged(
      () =>
        t.gql(
          UPDATE_CANDIDATE,
          {
            id: w.candidateSelf,
            input: {
              name: 'n'.repeat(201),
              skills: ['fine', 's'.repeat(101)],
              experience: [{ title: 't'.repeat(201), startDate: '2020-01-01' }],
              degrees: [{ level: 'BACHELOR', field: 'f'.repeat(201) }],
            },
          },
          w.keys.CANDIDATE,
        ),
      [
        { field: 'input.name', problem: 'at most 200 characters (got 201)' },
        { field: 'input.degrees[0].field', problem: 'at most 200 characters (got 201)' },
        { field: 'input.experience[0].title', problem: 'at most 200 characters (got 201)' },
        { field: 'input.skills[1]', problem: 'at most 100 characters (got 101)' },
      ],
    );
  });

  it('query arguments are limited too: search text, cursors, ids and filter lists', async () => {
    const r = await t.gql(
      `query($q: String, $after: String, $states: [String!]) { searchPostings(query: $q, after: $after, filter: {states: $states}) { totalCount } }`,
      { q: 'q'.repeat(501), after: 'c'.repeat(201), states: Array.from({ length: 61 }, () => 'TX') },
      null,
    );
    expect(r.status).toBe(400);
    expect(problemsOf(r)).toEqual([
      { field: 'after', problem: 'at most 200 characters (got 201)' },
      { field: 'filter.states', problem: 'at most 60 entries (got 61)' },
      { field: 'query', problem: 'at most 500 characters (got 501)' },
    ]);
    const id = await t.gql(`query($id: ID!) { jobPosting(id: $id) { id } }`, { id: 'f'.repeat(65) }, null);
    expect(problemsOf(id)).toEqual([{ field: 'id', problem: 'at most 64 characters (got 65)' }]);
  });

  it('limits hold inside fragments and aliased fields', async () => {
    const r = await t.gql(
      `query($q: String) { ok: searchPostings(query: "fine") { totalCount } ...S } fragment S on Query { bad: searchPostings(query: $q) { totalCount } }`,
      { q: 'q'.repeat(600) },
      null,
    );
    expect(r.status).toBe(400);
    expect(problemsOf(r)).toEqual([{ field: 'query', problem: 'at most 500 characters (got 600)' }]);
  });

  it('inputs exactly at the limits are accepted', async () => {
    const r = await t.gql(
      UPDATE_CANDIDATE,
      {
        id: w.candidateSelf,
        input: {
          headline: 'h'.repeat(200),
          experience: Array.from({ length: 100 }, (_, i) => ({ title: 'Shift', startDate: `${1900 + i}-01-01`, endDate: `${1900 + i}-06-30` })),
          skills: Array.from({ length: 50 }, (_, i) => `skill ${i}`.padEnd(100, '.')),
        },
      },
      w.keys.CANDIDATE,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const m = await t.gql<{ matchesForCandidate: { totalCount: number } }>(
      `query($id: ID!) { matchesForCandidate(candidateId: $id, includeIneligible: true) { totalCount } }`,
      { id: w.candidateSelf },
      w.keys.CANDIDATE,
    );
    expect(m.errors).toBeUndefined();
    expect(m.data!.matchesForCandidate.totalCount).toBeGreaterThan(0);
  });
});
