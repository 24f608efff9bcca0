// Every query and mutation, for every kind of caller, through HTTP. Rows act on what the
// caller owns (the recruiter's employer, the candidate's own profile, a discoverable
// candidate for the job board); ownership.test.ts covers other people's records.
// A refused mutation writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { buildAuthWorld, createPosting, issueKey, outcome, snapshot, uniqueEmail, type AuthWorld } from './auth-world.js';

const OK = 'OK';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
type Expected = typeof OK | typeof F | typeof U;

const CALLERS = ['anonymous', 'revoked key', 'ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'] as const;
type Caller = (typeof CALLERS)[number];

interface Operation {
  field: string;
  query: string;
  vars: (w: AuthWorld, t: TestApp) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** anonymous, ADMIN, JOB_BOARD, RECRUITER, CANDIDATE; a revoked key is treated as no key. */
  expect: [Expected, Expected, Expected, Expected, Expected];
}

const none = () => ({});

// prettier-ignore
const OPERATIONS: Operation[] = [
  //                                                                              anonymous ADMIN JOB_BOARD RECRUITER CANDIDATE
  { field: 'qualifications', query: `{ qualifications { code } }`, vars: none, expect: [OK, OK, OK, OK, OK] },
  { field: 'employer', query: `query($id: ID!) { employer(id: $id) { name postings { id } } }`,
    vars: (w) => ({ id: w.employerA }), expect: [OK, OK, OK, OK, OK] },
  { field: 'jobPosting', query: `query($id: ID!) { jobPosting(id: $id) { title employer { name } } }`,
    vars: (w) => ({ id: w.postingA }), expect: [OK, OK, OK, OK, OK] },
  { field: 'searchPostings', query: `{ searchPostings(query: "practice") { totalCount edges { node { id } } } }`,
    vars: none, expect: [OK, OK, OK, OK, OK] },
  { field: 'candidate', query: `query($id: ID!) { candidate(id: $id) { name skills } }`,
    vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, F, F, OK] },
  { field: 'matchesForCandidate', query: `query($id: ID!) { matchesForCandidate(candidateId: $id) { totalCount edges { node { score posting { id } } } } }`,
    vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, OK, F, OK] },
  { field: 'candidatesForPosting', query: `query($id: ID!) { candidatesForPosting(postingId: $id) { totalCount edges { node { candidate { name } } } } }`,
    vars: (w) => ({ id: w.postingA }), expect: [U, OK, F, OK, F] },
  { field: 'nextSteps', query: `query($id: ID!) { nextSteps(candidateId: $id) { kind unlocks detail } }`,
    vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, OK, F, OK] },
  { field: 'talentSupply', query: `query($id: ID!) { talentSupply(postingId: $id) { eligible relaxations { change } } }`,
    vars: (w) => ({ id: w.postingA }), expect: [U, OK, F, OK, F] },
  { field: 'searchCandidates', query: `{ searchCandidates(query: "practice") { totalCount edges { node { id email } } } }`,
    vars: none, expect: [U, OK, OK, OK, F] },
  { field: 'candidates', query: `{ candidates(first: 5) { totalCount edges { node { id email } } } }`, vars: none, expect: [U, OK, F, F, F] },
  { field: 'employers', query: `{ employers(first: 5) { totalCount edges { node { id name } } } }`, vars: none, expect: [OK, OK, OK, OK, OK] },
  { field: 'jobPostings', query: `{ jobPostings(first: 5) { totalCount edges { node { id status } } } }`, vars: none, expect: [U, OK, F, OK, F] },
  { field: 'apiKeys', query: `{ apiKeys { id role } }`, vars: none, expect: [U, OK, F, F, F] },
  { field: 'auditLog', query: `{ auditLog(first: 5) { totalCount edges { node { operation } } } }`, vars: none, expect: [U, OK, F, F, F] },
  { field: 'renewalsDue', query: `query($id: ID!) { renewalsDue(candidateId: $id) { matchesAtRisk renewal { state } } }`,
    vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, F, F, OK] },
  { field: 'salaryBenchmark', query: `{ salaryBenchmark(state: "PA") { median source } }`, vars: none, expect: [OK, OK, OK, OK, OK] },
  { field: 'alerts', query: `{ alerts { id kind } }`, vars: none, expect: [U, OK, OK, OK, OK] },
  { field: 'alertDeliveries', query: `query($a: ID!) { alertDeliveries(alertId: $a) { eventId status } }`,
    vars: async (_w, t) => ({ a: await adminAlert(t) }), expect: [U, OK, F, F, F] },
  { field: 'parkedIndexUpdates', query: `{ parkedIndexUpdates { id kind documentId error parkedAt } }`, vars: none, expect: [U, OK, F, F, F] },

  { field: 'upsertQualification', query: `mutation { upsertQualification(input: {code: "CPAM", name: "Certified Patient Account Manager", kind: CERTIFICATION}) { id } }`,
    vars: none, expect: [U, OK, F, F, F] },
  { field: 'createEmployer', query: `mutation { createEmployer(input: {name: "New Clinic", setting: OTHER}) { id } }`,
    vars: none, expect: [U, OK, F, F, F] },
  { field: 'createJobPosting', query: `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Billing Lead", description: "Leads billing."}) { id } }`,
    vars: (w) => ({ e: w.employerA }), expect: [U, OK, F, OK, F] },
  { field: 'updateJobPosting', query: `mutation($id: ID!) { updateJobPosting(id: $id, input: {salaryMin: 70000}) { id } }`,
    vars: (w) => ({ id: w.postingA }), expect: [U, OK, F, OK, F] },
  { field: 'closeJobPosting', query: `mutation($id: ID!) { closeJobPosting(id: $id) { id status } }`,
    vars: async (w, t) => ({ id: await createPosting(t, w.employerA, 'To be closed') }), expect: [U, OK, F, OK, F] },
  { field: 'createCandidate', query: `mutation($email: String!) { createCandidate(input: {name: "New Person", email: $email}) { id } }`,
    vars: () => ({ email: uniqueEmail('new') }), expect: [U, OK, F, F, F] },
  { field: 'updateCandidate', query: `mutation($id: ID!) { updateCandidate(id: $id, input: {headline: "Practice manager"}) { id headline } }`,
    vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, F, F, OK] },
  { field: 'issueApiKey', query: `mutation { issueApiKey(input: {role: JOB_BOARD, label: "Another board"}) { key apiKey { id } } }`,
    vars: none, expect: [U, OK, F, F, F] },
  { field: 'revokeApiKey', query: `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`,
    vars: async (_w, t) => ({ id: (await issueKey(t, { role: 'JOB_BOARD', label: 'Throwaway' })).id }), expect: [U, OK, F, F, F] },
  { field: 'createAlert', query: `mutation { createAlert(input: {kind: SAVED_SEARCH, query: "practice"}) { secret alert { id } } }`,
    vars: none, expect: [U, OK, OK, OK, OK] },
  { field: 'deleteAlert', query: `mutation($id: ID!) { deleteAlert(id: $id) }`,
    vars: async (_w, t) => ({ id: await adminAlert(t) }), expect: [U, OK, F, F, F] },
  { field: 'reconcileSearchIndex', query: `mutation { reconcileSearchIndex { checked added updated removed } }`, vars: none, expect: [U, OK, F, F, F] },

  // Feeds and data rights.
  { field: 'upsertJobPostings', query: `mutation($inputs: [JobPostingUpsertInput!]!) { upsertJobPostings(inputs: $inputs) { created failed } }`,
    vars: (w) => ({ inputs: [{ externalRef: `matrix-${Math.random()}`, employerId: w.employerA, title: 'Feed Role', description: 'From a feed.' }] }), expect: [U, OK, F, OK, F] },
  { field: 'importJobPostingsJsonLd', query: `mutation($e: ID!, $d: [JSON!]!) { importJobPostingsJsonLd(employerId: $e, documents: $d) { created failed } }`,
    vars: (w) => ({ e: w.employerA, d: [{ '@type': 'JobPosting', identifier: `matrix-${Math.random()}`, title: 'Imported Role', description: 'x' }] }), expect: [U, OK, F, OK, F] },
  { field: 'deleteJobPosting', query: `mutation($id: ID!) { deleteJobPosting(id: $id) }`,
    vars: async (w, t) => ({ id: await createPosting(t, w.employerA, 'To be deleted') }), expect: [U, OK, F, OK, F] },
  { field: 'deleteEmployer', query: `mutation($id: ID!) { deleteEmployer(id: $id) }`,
    vars: async (_w, t) => ({ id: (await t.gql<{ createEmployer: { id: string } }>(`mutation { createEmployer(input: {name: "Short-lived", setting: OTHER}) { id } }`)).data!.createEmployer.id }),
    expect: [U, OK, F, F, F] },
  { field: 'exportCandidateData', query: `query($id: ID!) { exportCandidateData(id: $id) }`, vars: (w) => ({ id: w.candidateSelf }), expect: [U, OK, F, F, OK] },
  // A fresh candidate each time: the CANDIDATE key may not erase someone else (its own erasure,
  // which revokes the key, is in tests/data-rights/erasure.api.test.ts).
  { field: 'deleteCandidate', query: `mutation($id: ID!) { deleteCandidate(id: $id) }`,
    vars: async (_w, t) => ({ id: (await t.gql<{ createCandidate: { id: string } }>(`mutation($e: String!) { createCandidate(input: {name: "Short-lived", email: $e}) { id } }`, { e: uniqueEmail('gone') })).data!.createCandidate.id }),
    expect: [U, OK, F, F, F] },
];

/** An alert of the admin key: other keys may neither read its deliveries nor delete it. */
async function adminAlert(t: TestApp): Promise<string> {
  const r = await t.gql<{ createAlert: { alert: { id: string } } }>(`mutation { createAlert(input: {kind: SAVED_SEARCH, query: "billing"}) { alert { id } } }`);
  return r.data!.createAlert.alert.id;
}

function expectedFor(op: Operation, caller: Caller): Expected {
  const [anonymous, admin, jobBoard, recruiter, candidate] = op.expect;
  switch (caller) {
    case 'anonymous':
    case 'revoked key':
      return anonymous;
    case 'ADMIN':
      return admin;
    case 'JOB_BOARD':
      return jobBoard;
    case 'RECRUITER':
      return recruiter;
    case 'CANDIDATE':
      return candidate;
  }
}

const cases = OPERATIONS.flatMap((op) => CALLERS.map((caller) => ({ op, caller, expected: expectedFor(op, caller) })));

describe('role x operation matrix', () => {
  let t: TestApp;
  let w: AuthWorld;

  beforeAll(async () => {
    // The matrix sends many requests from one IP and one admin key; the rate limit has its own test.
    t = await startTestApp({ env: { RATE_LIMIT_BURST: '100000' } });
    w = await buildAuthWorld(t);
  });
  afterAll(async () => t?.close());

  function keyOf(caller: Caller): string | null {
    switch (caller) {
      case 'anonymous':
        return null;
      case 'revoked key':
        return w.keys.REVOKED;
      case 'ADMIN':
        return ADMIN_KEY;
      default:
        return w.keys[caller];
    }
  }

  it('covers every query and mutation of the schema', async () => {
    const r = await t.gql<{ q: { fields: { name: string }[] }; m: { fields: { name: string }[] } }>(
      `{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }`,
    );
    const inSchema = [...r.data!.q.fields, ...r.data!.m.fields].map((f) => f.name).sort();
    expect(OPERATIONS.map((o) => o.field).sort()).toEqual(inSchema);
  });

  it.each(cases.map((c) => [`${c.op.field} as ${c.caller} -> ${c.expected}`, c] as const))('%s', async (_name, { op, caller, expected }) => {
    const variables = await op.vars(w, t);
    const isMutation = op.query.startsWith('mutation');
    const before = isMutation && expected !== OK ? await snapshot(t) : null;

    const r = await t.gql(op.query, variables, keyOf(caller));

    expect(outcome(r), JSON.stringify(r.errors)).toBe(expected);
    if (expected === OK) {
      expect(r.data?.[op.field]).toBeTruthy();
      return;
    }
    expect(r.data?.[op.field] ?? null).toBeNull();
    expect(r.errors![0].message).toMatch(expected === U ? /Authentication required.*Bearer/ : /Not allowed: a \w+ key cannot/);
    if (before) expect(await snapshot(t)).toEqual(before);
  });
});
