// The ADMIN bearer key: every mutation and candidate reads need it; catalog, employer and
// posting reads are public. A refused mutation writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type GqlResult, type TestApp } from '../helpers/test-app.js';

const COLLECTIONS = ['qualifications', 'employers', 'postings', 'candidates'] as const;

describe('authentication', () => {
  let t: TestApp;
  let employerId: string;
  let postingId: string;
  let candidateId: string;

  /** POSTs a GraphQL request with exactly the given Authorization header (none when undefined). */
  async function gqlWithHeader(
    authorization: string | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as Omit<GqlResult, 'status'>) };
  }

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const name of COLLECTIONS) {
      out[name] = await t.app.connection.collection(name).find({}).sort({ _id: 1 }).toArray();
    }
    return out;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const q = await t.gql(`mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }`);
    expect(q.errors).toBeUndefined();
    const e = await t.gql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: {name: "Hillcrest Hospital", setting: HOSPITAL, state: "PA"}) { id } }`,
    );
    employerId = e.data!.createEmployer.id;
    const p = await t.gql<{ createJobPosting: { id: string } }>(
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Practice Manager", description: "Runs the practice.", requiredQualificationCodes: ["CMM"]}) { id } }`,
      { e: employerId },
    );
    postingId = p.data!.createJobPosting.id;
    const c = await t.gql<{ createCandidate: { id: string } }>(
      `mutation { createCandidate(input: {name: "Jordan Kim", email: "jordan@example.org"}) { id } }`,
    );
    candidateId = c.data!.createCandidate.id;
  });
  afterAll(async () => t?.close());

  const mutations: [string, string, () => Record<string, unknown>][] = [
    ['upsertQualification (new)', `mutation { upsertQualification(input: {code: "NEWQ", name: "New", kind: LICENSE}) { id } }`, () => ({})],
    ['upsertQualification (existing)', `mutation { upsertQualification(input: {code: "CMM", name: "Renamed", kind: LICENSE}) { id } }`, () => ({})],
    ['createEmployer', `mutation { createEmployer(input: {name: "Intruder Inc", setting: OTHER}) { id } }`, () => ({})],
    [
      'createJobPosting',
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Fake", description: "Fake"}) { id } }`,
      () => ({ e: employerId }),
    ],
    ['updateJobPosting', `mutation($id: ID!) { updateJobPosting(id: $id, input: {title: "Hijacked"}) { id } }`, () => ({ id: postingId })],
    ['closeJobPosting', `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, () => ({ id: postingId })],
    ['createCandidate', `mutation { createCandidate(input: {name: "Fake", email: "fake@example.org"}) { id } }`, () => ({})],
    ['updateCandidate', `mutation($id: ID!) { updateCandidate(id: $id, input: {name: "Hijacked"}) { id } }`, () => ({ id: candidateId })],
  ];

  const badHeaders: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['a wrong key', 'Bearer wrong-key-0123456789'],
    ['the admin key with a suffix', `Bearer ${ADMIN_KEY}x`],
    ['a Basic header', 'Basic xyz'],
    ['the admin key without a scheme', ADMIN_KEY],
    ['Basic with the admin key', `Basic ${ADMIN_KEY}`],
    ['Bearer without a token', 'Bearer '],
  ];

  describe.each(badHeaders)('with %s', (_label, header) => {
    it.each(mutations)('%s is UNAUTHENTICATED and writes nothing', async (_name, query, variables) => {
      const before = await snapshot();
      const r = await gqlWithHeader(header, query, variables());
      expect(r.errors, JSON.stringify(r)).toHaveLength(1);
      expect(r.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/Bearer/);
      expect(r.data ?? null).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it('candidate(id) is UNAUTHENTICATED and reveals nothing', async () => {
      const r = await gqlWithHeader(header, `query($id: ID!) { candidate(id: $id) { id name email } }`, { id: candidateId });
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.data?.candidate ?? null).toBeNull();
      expect(JSON.stringify(r)).not.toContain('Jordan');
      expect(JSON.stringify(r)).not.toContain('jordan@example.org');
    });
  });

  it('says whether the key was missing or wrong', async () => {
    const missing = await gqlWithHeader(undefined, `mutation { createEmployer(input: {name: "X", setting: OTHER}) { id } }`);
    const wrong = await gqlWithHeader('Bearer not-the-key-12345', `mutation { createEmployer(input: {name: "X", setting: OTHER}) { id } }`);
    expect(missing.errors![0].message).toContain('required');
    expect(wrong.errors![0].message).toContain('not valid');
  });

  it('the admin key works with any capitalisation of the scheme', async () => {
    const r = await gqlWithHeader(`bearer ${ADMIN_KEY}`, `query($id: ID!) { candidate(id: $id) { name } }`, { id: candidateId });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ candidate: { name: 'Jordan Kim' } });
  });

  it('the admin sees the candidate, email included', async () => {
    const r = await t.gql(`query($id: ID!) { candidate(id: $id) { id name email } }`, { id: candidateId }, ADMIN_KEY);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ candidate: { id: candidateId, name: 'Jordan Kim', email: 'jordan@example.org' } });
  });

  describe('public reads need no key', () => {
    it('qualifications', async () => {
      const r = await t.gql(`{ qualifications { code name } }`, {}, null);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ qualifications: [{ code: 'CMM', name: 'Certified Medical Manager' }] });
    });

    it('employer with its postings', async () => {
      const r = await t.gql(`query($id: ID!) { employer(id: $id) { name postings { id title } } }`, { id: employerId }, null);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ employer: { name: 'Hillcrest Hospital', postings: [{ id: postingId, title: 'Practice Manager' }] } });
    });

    it('jobPosting with employer and qualifications', async () => {
      const r = await t.gql(
        `query($id: ID!) { jobPosting(id: $id) { title employer { name } requiredQualifications { code } } }`,
        { id: postingId },
        null,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({
        jobPosting: { title: 'Practice Manager', employer: { name: 'Hillcrest Hospital' }, requiredQualifications: [{ code: 'CMM' }] },
      });
    });

    it('a wrong key does not block a public read (it only grants nothing)', async () => {
      const r = await gqlWithHeader('Bearer wrong-key-0123456789', `{ qualifications { code } }`);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ qualifications: [{ code: 'CMM' }] });
    });
  });
});
