// employers, candidates and jobPostings: plain lists straight from MongoDB with keyset
// cursors, through HTTP on the real MongoDB-protocol server. Paging never repeats or skips,
// even when records are added between pages; role rules as in the role matrix, plus
// recruiters limited to their own employer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';
import { expectBadInput, onlyError } from '../../helpers/errors.js';
import { createEmployer, createPosting, must } from '../../helpers/fixtures.js';
import { issueKey } from '../../auth/auth-world.js';
import { buildBrowseWorld, type BrowseWorld } from '../../helpers/browse-world.js';

type Page<N> = { totalCount: number; edges: { cursor: string; node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const EMPLOYERS = `query($q: String, $first: Int, $after: String) { employers(query: $q, first: $first, after: $after) {
  totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const CANDIDATES = `query($first: Int, $after: String) { candidates(first: $first, after: $after) {
  totalCount edges { cursor node { id name email discoverable } } pageInfo { hasNextPage endCursor } } }`;
const POSTINGS = `query($e: ID, $s: PostingStatus, $first: Int, $after: String) { jobPostings(employerId: $e, status: $s, first: $first, after: $after) {
  totalCount edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } } }`;

async function all<N>(fetchPage: (after: string | null) => Promise<Page<N>>): Promise<N[]> {
  const out: N[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const p: Page<N> = await fetchPage(after);
    out.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return out;
}

describe('lists (HTTP, real database)', () => {
  let t: TestApp;
  let w: BrowseWorld;
  let recruiter: string;
  let board: string;
  const page = async <N>(query: string, vars: Record<string, unknown>, key: string | null = ADMIN_KEY) => {
    const r = await t.gql<Record<string, Page<N>>>(query, vars, key);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return Object.values(r.data!)[0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildBrowseWorld(t);
    recruiter = (await issueKey(t, { role: 'RECRUITER', label: 'Lone Star', employerId: w.employers.lone })).key;
    board = (await issueKey(t, { role: 'JOB_BOARD', label: 'Board' })).key;
  });
  afterAll(async () => t?.close());

  it('lists employers by name A-Z for anyone, filtered by part of the name, pages without repeats', async () => {
    const names = (await all<{ name: string }>((after) => page(EMPLOYERS, { first: 1, after }, null))).map((e) => e.name);
    expect(names).toEqual(['Golden Years Care', 'Lone Star Clinics', 'Pacific Health (West)']);
    const health = await page<{ name: string }>(EMPLOYERS, { q: 'HEALTH (w' }, null);
    expect(health.edges.map((e) => e.node.name)).toEqual(['Pacific Health (West)']);
    expect(health.totalCount).toBe(1);
    // Regular-expression syntax is matched literally.
    expect((await page(EMPLOYERS, { q: '.*' }, null)).totalCount).toBe(0);
  });

  it('keeps employer pages exact when one is added between pages', async () => {
    const first = await page<{ name: string }>(EMPLOYERS, { first: 2 });
    expect(first.edges.map((e) => e.node.name)).toEqual(['Golden Years Care', 'Lone Star Clinics']);
    await createEmployer(t, { name: 'Aardvark Health', setting: 'OTHER' }); // sorts before the cursor
    await createEmployer(t, { name: 'Zenith Clinic', setting: 'OTHER' });
    const rest = await all<{ name: string }>((after) => page(EMPLOYERS, { first: 1, after: after ?? first.pageInfo.endCursor }));
    expect(rest.map((e) => e.name)).toEqual(['Pacific Health (West)', 'Zenith Clinic']);
  });

  it('lists every candidate for admins, hidden ones too, newest first with e-mail', async () => {
    const list = await all<{ name: string; email: string; discoverable: boolean }>((after) => page(CANDIDATES, { first: 2, after }));
    expect(list.map((c) => c.name)).toEqual(['Eli', 'Dev', 'Cara', 'Ben', 'Ava']);
    expect(list.find((c) => c.name === 'Dev')?.discoverable).toBe(false);
    expect(list.every((c) => c.email.endsWith('@example.org'))).toBe(true);
    expect((await page(CANDIDATES, { first: 1 })).totalCount).toBe(5);
    for (const key of [recruiter, board]) expect(onlyError(await t.gql(CANDIDATES, {}, key)).extensions?.code).toBe('FORBIDDEN');
  });

  it('counts facets of the full candidate list (hidden candidates included)', async () => {
    const r = await must<{ candidates: { facets: Record<string, { value: string; count: number }[]> } }>(t,
      '{ candidates(first: 1) { facets { states { value count } qualifications { value count } degreeLevels { value count } } } }');
    expect(r.candidates.facets.states).toEqual([{ value: 'TX', count: 3 }, { value: 'CA', count: 1 }, { value: 'NY', count: 1 }]);
    expect(r.candidates.facets.qualifications).toEqual([{ value: 'NHA', count: 3 }, { value: 'CMM', count: 1 }, { value: 'RHIA', count: 1 }]);
    expect(r.candidates.facets.degreeLevels).toEqual([
      { value: 'MASTER', count: 2 }, { value: 'BACHELOR', count: 1 }, { value: 'DOCTORATE', count: 1 }, { value: 'HIGH_SCHOOL', count: 1 },
    ]);
  });

  it('lists postings of any status for admins, by employer and status, newest first', async () => {
    const titles = async (vars: Record<string, unknown>, key = ADMIN_KEY) =>
      (await all<{ title: string }>((after) => page(POSTINGS, { ...vars, first: 2, after }, key))).map((p) => p.title);
    expect(await titles({})).toEqual(['Office Lead', 'Clinic Director', 'Health Information Manager', 'Billing Supervisor', 'Nursing Home Administrator', 'Practice Manager']);
    expect(await titles({ e: w.employers.lone })).toEqual(['Office Lead', 'Billing Supervisor', 'Practice Manager']);
    expect(await titles({ s: 'CLOSED' })).toEqual(['Office Lead']);
    expect(await titles({ e: w.employers.lone, s: 'OPEN' })).toEqual(['Billing Supervisor', 'Practice Manager']);
  });

  it("gives a recruiter its own employer's postings, and refuses another employer's", async () => {
    const mine = await page<{ title: string }>(POSTINGS, {}, recruiter);
    expect(mine.edges.map((e) => e.node.title)).toEqual(['Office Lead', 'Billing Supervisor', 'Practice Manager']);
    expect((await page(POSTINGS, { e: w.employers.lone }, recruiter)).totalCount).toBe(3);
    const other = onlyError(await t.gql(POSTINGS, { e: w.employers.pacific }, recruiter));
    expect(other.extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(POSTINGS, {}, board)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(POSTINGS, {}, null)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps posting pages exact when a newer posting arrives between pages', async () => {
    const first = await page<{ title: string }>(POSTINGS, { e: w.employers.pacific, first: 1 });
    expect(first.edges.map((e) => e.node.title)).toEqual(['Clinic Director']);
    await createPosting(t, { employerId: w.employers.pacific, title: 'Newer Role', description: 'New.' });
    const next = await page<{ title: string }>(POSTINGS, { e: w.employers.pacific, first: 5, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.title)).toEqual(['Health Information Manager']);
    expect(next.totalCount).toBe(3);
  });

  it('counts the facets of a posting list from MongoDB', async () => {
    const r = await must<{ jobPostings: { facets: Record<string, { value: string; count: number }[]> } }>(t,
      'query($e: ID) { jobPostings(employerId: $e, first: 1) { facets { states { value count } remote { value count } salaryBands { value count } employmentTypes { value count } } } }',
      { e: w.employers.lone });
    expect(r.jobPostings.facets).toEqual({
      states: [{ value: 'TX', count: 3 }],
      remote: [{ value: 'false', count: 3 }],
      salaryBands: [{ value: '50000-74999', count: 1 }, { value: '75000-99999', count: 1 }],
      employmentTypes: [{ value: 'FULL_TIME', count: 2 }, { value: 'PART_TIME', count: 1 }],
    });
  });

  it('rejects bad paging input and malformed ids naming the argument', async () => {
    expectBadInput(await t.gql(EMPLOYERS, { first: 101 }), ['first']);
    expectBadInput(await t.gql(EMPLOYERS, { after: 'not-a-cursor' }), ['after']);
    expectBadInput(await t.gql(CANDIDATES, { after: Buffer.from('{"k":{"$gt":""},"i":"x"}').toString('base64url') }), ['after']);
    expectBadInput(await t.gql(POSTINGS, { e: 'nope' }), ['employerId']);
  });
});
