// A small world for the authorization tests: two employers with one posting each, three
// candidates (two discoverable, one not), and one issued key per role, bound where needed.
import { expect } from 'vitest';
import { ADMIN_KEY, type GqlResult, type TestApp } from '../helpers/test-app.js';

export interface AuthWorld {
  employerA: string;
  employerB: string;
  postingA: string;
  postingB: string;
  /** Discoverable; the CANDIDATE key is bound to it. */
  candidateSelf: string;
  /** Discoverable, someone else. */
  candidateOther: string;
  /** Not discoverable. */
  candidateHidden: string;
  keys: { JOB_BOARD: string; RECRUITER: string; CANDIDATE: string; HIDDEN_CANDIDATE: string; REVOKED: string };
  keyIds: { JOB_BOARD: string; RECRUITER: string; CANDIDATE: string; REVOKED: string };
}

/** Runs an admin request and fails the test on any error. */
export async function adminOk<T = Record<string, unknown>>(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await t.gql<T>(query, variables, ADMIN_KEY);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

export async function issueKey(
  t: TestApp,
  input: { role: string; label: string; employerId?: string; candidateId?: string },
): Promise<{ key: string; id: string }> {
  const d = await adminOk<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
    t,
    `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`,
    { input },
  );
  return { key: d.issueApiKey.key, id: d.issueApiKey.apiKey.id };
}

let emailSeq = 0;
export function uniqueEmail(prefix = 'person'): string {
  emailSeq += 1;
  return `${prefix}.${Date.now().toString(36)}.${emailSeq}@example.org`;
}

export async function createPosting(t: TestApp, employerId: string, title = 'Practice Manager'): Promise<string> {
  const d = await adminOk<{ createJobPosting: { id: string } }>(
    t,
    `mutation($e: ID!, $t: String!) { createJobPosting(input: {employerId: $e, title: $t, description: "Runs the practice.", skills: ["billing"]}) { id } }`,
    { e: employerId, t: title },
  );
  return d.createJobPosting.id;
}

async function createCandidate(t: TestApp, name: string, discoverable: boolean): Promise<string> {
  const d = await adminOk<{ createCandidate: { id: string } }>(
    t,
    `mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }`,
    {
      input: {
        name,
        email: uniqueEmail(name.split(' ')[0].toLowerCase()),
        city: 'Pittsburgh',
        state: 'PA',
        discoverable,
        skills: ['billing'],
        degrees: [{ level: 'BACHELOR', field: 'Health Administration' }],
        experience: [{ title: 'Office Manager', startDate: '2015-01-01' }],
        qualifications: [{ code: 'CMM', earnedOn: '2020-01-01' }],
      },
    },
  );
  return d.createCandidate.id;
}

export async function buildAuthWorld(t: TestApp): Promise<AuthWorld> {
  await adminOk(t, `mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }`);
  const employer = async (name: string) =>
    (await adminOk<{ createEmployer: { id: string } }>(t, `mutation($n: String!) { createEmployer(input: {name: $n, setting: HOSPITAL, state: "PA"}) { id } }`, { n: name }))
      .createEmployer.id;
  const employerA = await employer('Hillcrest Hospital');
  const employerB = await employer('Riverside Clinic');
  const postingA = await createPosting(t, employerA, 'Practice Manager A');
  const postingB = await createPosting(t, employerB, 'Practice Manager B');
  const candidateSelf = await createCandidate(t, 'Jordan Kim', true);
  const candidateOther = await createCandidate(t, 'Avery Stone', true);
  const candidateHidden = await createCandidate(t, 'Morgan Hale', false);

  const jobBoard = await issueKey(t, { role: 'JOB_BOARD', label: 'Board' });
  const recruiter = await issueKey(t, { role: 'RECRUITER', label: 'Recruiter A', employerId: employerA });
  const candidate = await issueKey(t, { role: 'CANDIDATE', label: 'Jordan', candidateId: candidateSelf });
  const hidden = await issueKey(t, { role: 'CANDIDATE', label: 'Morgan', candidateId: candidateHidden });
  const revoked = await issueKey(t, { role: 'ADMIN', label: 'Former admin' });
  await adminOk(t, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: revoked.id });

  return {
    employerA,
    employerB,
    postingA,
    postingB,
    candidateSelf,
    candidateOther,
    candidateHidden,
    keys: { JOB_BOARD: jobBoard.key, RECRUITER: recruiter.key, CANDIDATE: candidate.key, HIDDEN_CANDIDATE: hidden.key, REVOKED: revoked.key },
    keyIds: { JOB_BOARD: jobBoard.id, RECRUITER: recruiter.id, CANDIDATE: candidate.id, REVOKED: revoked.id },
  };
}

/** The code of the first error, or 'OK' when there is none. */
export function outcome(r: GqlResult): string {
  return r.errors?.[0]?.extensions?.code ?? 'OK';
}

/** Every collection the API writes, except the audit log (which records refusals too). */
export async function snapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ['qualifications', 'employers', 'postings', 'candidates', 'api_keys']) {
    out[name] = await t.app.connection.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return out;
}
