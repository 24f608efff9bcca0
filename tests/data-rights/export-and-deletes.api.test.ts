// exportCandidateData (content and rights), deleteJobPosting and deleteEmployer through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';
import { createAlert } from '../alerts/alert-world.js';

const ISSUE = 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key apiKey { id } } }';
const EXPORT = 'query($id: ID!) { exportCandidateData(id: $id) }';
interface Exported { subject: unknown; exportedAt: unknown; candidate: unknown; apiKeys: unknown; alerts: { id: string; kind: string }[]; auditLog: { operation: string; targetId: string; keyId: string }[] }

describe('exportCandidateData', () => {
  let t: TestApp;
  let id = '';
  let ownKey = '';
  let ownKeyId = '';
  let alertId = '';
  let issue: (i: Record<string, unknown>) => Promise<{ key: string; apiKey: { id: string } }>;

  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '100000' } });
    issue = async (i) => (await must<{ issueApiKey: { key: string; apiKey: { id: string } } }>(t, ISSUE, { i })).issueApiKey;
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    id = await createCandidate(t, {
      name: 'Ada Export', email: 'Ada.Export@example.org', headline: 'Revenue cycle lead', zip: '78701', city: 'Austin', state: 'TX',
      degrees: [{ level: 'MASTER', field: 'Health Administration' }], qualifications: [{ code: 'CMM', earnedOn: '2021-05-01' }],
      experience: [{ title: 'Billing Manager', startDate: '2016-02-01' }], skills: ['coding'],
    });
    ({ key: ownKey, apiKey: { id: ownKeyId } } = await issue({ role: 'CANDIDATE', candidateId: id, label: 'Ada laptop' }));
    await t.gql(`mutation { updateCandidate(id: "${id}", input: { summary: "Ten years in billing" }) { id } }`, {}, ownKey);
    alertId = (await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: id }, ownKey)).id;
  });
  afterAll(async () => t?.close());

  it('returns everything held about the candidate to the candidate: profile with e-mail, keys without secrets, audit entries', async () => {
    const res = await t.gql<{ exportCandidateData: Exported }>(EXPORT, { id }, ownKey);
    expect(res.errors).toBeUndefined();
    const data = res.data!.exportCandidateData;
    expect(data.subject).toEqual({ type: 'Candidate', id });
    expect(typeof data.exportedAt).toBe('string');
    expect(data.candidate).toMatchObject({
      id, name: 'Ada Export', email: 'ada.export@example.org', headline: 'Revenue cycle lead', summary: 'Ten years in billing', zip: '78701', city: 'Austin', state: 'TX',
      degrees: [{ level: 'MASTER', field: 'Health Administration' }], qualifications: [{ code: 'CMM', earnedOn: '2021-05-01' }],
      experience: [{ title: 'Billing Manager', startDate: '2016-02-01' }], skills: ['coding'], discoverable: true,
    });
    expect(data.apiKeys).toEqual([{ id: ownKeyId, role: 'CANDIDATE', label: 'Ada laptop', createdAt: expect.any(String), createdBy: 'bootstrap-admin', revokedAt: null }]);
    expect(JSON.stringify(data)).not.toContain(ownKey.split('_')[2]);
    expect(JSON.stringify(data)).not.toMatch(/keyHash/);
    expect(data.alerts).toEqual([expect.objectContaining({ id: alertId, kind: 'POSTINGS_FOR_CANDIDATE', active: true })]);
    expect(JSON.stringify(data.alerts)).not.toMatch(/secretSalt/);
    const ops = data.auditLog.map((e) => [e.operation, e.keyId]);
    expect(ops).toEqual(expect.arrayContaining([['createCandidate', 'bootstrap-admin'], ['issueApiKey', 'bootstrap-admin'], ['updateCandidate', ownKeyId]]));
  });

  it('is for the candidate itself and admins only', async () => {
    expect((await t.gql(EXPORT, { id })).data?.exportCandidateData).toBeTruthy();
    const otherId = await createCandidate(t, { name: 'Other', email: 'other@example.org' });
    const otherKey = (await issue({ role: 'CANDIDATE', candidateId: otherId, label: 'o' })).key;
    const board = (await issue({ role: 'JOB_BOARD', label: 'b' })).key;
    expect((await t.gql(EXPORT, { id }, otherKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(EXPORT, { id }, board)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(EXPORT, { id }, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(EXPORT, { id: '6b0f208ab4b3c58926a867bd' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(EXPORT, { id: 'nope' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('deleteJobPosting and deleteEmployer', () => {
  let t: TestApp;
  let employerId = '';
  let otherEmployer = '';
  let recruiter = '';
  let otherRecruiter = '';
  const searchIds = async () =>
    (await must<{ searchPostings: { edges: { node: { id: string } }[] } }>(t, `{ searchPostings(filter: { employerId: "${employerId}" }, first: 50) { edges { node { id } } } }`)).searchPostings.edges.map((e) => e.node.id);

  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '100000' } });
    employerId = await createEmployer(t, { name: 'Deleting Clinic', setting: 'HOSPITAL', state: 'OH' });
    otherEmployer = await createEmployer(t, { name: 'Other Clinic', setting: 'HOSPITAL', state: 'OH' });
    const issue = async (i: Record<string, unknown>) => (await must<{ issueApiKey: { key: string } }>(t, ISSUE, { i })).issueApiKey.key;
    recruiter = await issue({ role: 'RECRUITER', employerId, label: 'r' });
    otherRecruiter = await issue({ role: 'RECRUITER', employerId: otherEmployer, label: 'o' });
  });
  afterAll(async () => t?.close());

  it('deletes a posting for its own recruiter (gone from MongoDB and search); others may not; a second delete is false', async () => {
    const id = await createPosting(t, { employerId, title: 'Unit Manager', description: 'x' });
    expect(await searchIds()).toContain(id);
    const del = `mutation { deleteJobPosting(id: "${id}") }`;
    expect((await t.gql(del, {}, otherRecruiter)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(del, {}, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql<{ deleteJobPosting: boolean }>(del, {}, recruiter)).data?.deleteJobPosting).toBe(true);
    expect((await must<{ jobPosting: unknown }>(t, `{ jobPosting(id: "${id}") { id } }`)).jobPosting).toBeNull();
    expect(await searchIds()).not.toContain(id);
    expect((await t.gql<{ deleteJobPosting: boolean }>(del, {}, recruiter)).data?.deleteJobPosting).toBe(false);
  });

  it('refuses to delete an employer with postings (CONFLICT), deletes it once they are gone, and revokes its recruiter keys', async () => {
    const id = await createPosting(t, { employerId, title: 'Closed Role', description: 'x' });
    await must(t, `mutation { closeJobPosting(id: "${id}") { id } }`);
    const del = `mutation { deleteEmployer(id: "${employerId}") }`;
    const conflict = await t.gql(del);
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await must<{ employer: { id: string } }>(t, `{ employer(id: "${employerId}") { id } }`)).employer.id).toBe(employerId);
    expect((await t.gql(del, {}, recruiter)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await must(t, `mutation { deleteJobPosting(id: "${id}") }`);
    expect((await must<{ deleteEmployer: boolean }>(t, del)).deleteEmployer).toBe(true);
    expect((await must<{ employer: unknown }>(t, `{ employer(id: "${employerId}") { id } }`)).employer).toBeNull();
    expect((await t.gql(`{ jobPostings(first: 5) { totalCount } }`, {}, recruiter)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await must<{ deleteEmployer: boolean }>(t, del)).deleteEmployer).toBe(false);
  });
});
