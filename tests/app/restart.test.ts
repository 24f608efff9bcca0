// MongoDB is the source of truth: everything written through the API is there after the app
// restarts on the same database.
import { afterAll, describe, expect, it } from 'vitest';
import { newDbName, startTestApp, type TestApp } from '../helpers/test-app.js';

const POSTING = `id title setting salaryMin salaryMax status minDegree { minLevel fields }
  employer { id name state } requiredQualifications { code stateSpecific } preferredQualifications { code }`;
const CANDIDATE = `id name email state degrees { level field }
  qualifications { qualification { code } state expiresOn } experience { title startDate endDate } skills discoverable`;

describe('data survives an app restart on the same database', () => {
  const dbName = newDbName();
  const apps: TestApp[] = [];
  afterAll(async () => {
    // Only the last app drops the database; the first was closed without dropping.
    await apps.at(-1)?.close();
  });

  it('reads back what the first app wrote', async () => {
    const first = await startTestApp({ dbName });
    apps.push(first);
    expect((await first.gql(`mutation { upsertQualification(input: {code: "NHA", name: "Nursing Home Administrator", kind: LICENSE, stateSpecific: true}) { id } }`)).errors).toBeUndefined();
    expect((await first.gql(`mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }`)).errors).toBeUndefined();
    const e = await first.gql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: {name: "Maple Care Home", setting: NURSING_HOME, state: "VT"}) { id } }`,
    );
    const employerId = e.data!.createEmployer.id;
    const open = await first.gql<{ createJobPosting: Record<string, unknown> & { id: string } }>(
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Administrator", description: "Runs the home.", state: "VT",
        salaryMin: 80000, salaryMax: 95000, minDegree: {minLevel: BACHELOR, fields: ["Health Administration"]},
        requiredQualificationCodes: ["NHA"], preferredQualificationCodes: ["CMM"]}) { ${POSTING} } }`,
      { e: employerId },
    );
    expect(open.errors).toBeUndefined();
    const toClose = await first.gql<{ createJobPosting: { id: string } }>(
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Old role", description: "Filled."}) { id } }`,
      { e: employerId },
    );
    const closed = await first.gql<{ closeJobPosting: Record<string, unknown> }>(
      `mutation($id: ID!) { closeJobPosting(id: $id) { ${POSTING} } }`,
      { id: toClose.data!.createJobPosting.id },
    );
    expect(closed.errors).toBeUndefined();
    const c = await first.gql<{ createCandidate: Record<string, unknown> & { id: string } }>(
      `mutation { createCandidate(input: {name: "Avery Stone", email: "avery@example.org", state: "VT",
        degrees: [{level: MASTER, field: "Health Administration"}],
        qualifications: [{code: "NHA", state: "VT", expiresOn: "2030-01-01"}],
        experience: [{title: "Assistant Administrator", startDate: "2015-03-01", endDate: "2020-02-29"}],
        skills: ["survey readiness"], discoverable: false}) { ${CANDIDATE} } }`,
    );
    expect(c.errors).toBeUndefined();

    // Close WITHOUT dropping the database (TestApp.close() would drop it).
    await first.app.close();

    const second = await startTestApp({ dbName });
    apps.push(second);
    expect(second.dbName).toBe(first.dbName);

    const quals = await second.gql(`{ qualifications { code stateSpecific } }`, {}, null);
    expect(quals.data).toEqual({ qualifications: [{ code: 'CMM', stateSpecific: false }, { code: 'NHA', stateSpecific: true }] });

    const posting = await second.gql(`query($id: ID!) { jobPosting(id: $id) { ${POSTING} } }`, { id: open.data!.createJobPosting.id }, null);
    expect(posting.errors).toBeUndefined();
    expect(posting.data).toEqual({ jobPosting: open.data!.createJobPosting });

    const employer = await second.gql<{ employer: { open: { title: string }[]; closed: { title: string }[] } }>(
      `query($id: ID!) { employer(id: $id) { open: postings(status: OPEN) { title } closed: postings(status: CLOSED) { title status } } }`,
      { id: employerId },
      null,
    );
    expect(employer.data).toEqual({
      employer: { open: [{ title: 'Administrator' }], closed: [{ title: 'Old role', status: 'CLOSED' }] },
    });

    const candidate = await second.gql(`query($id: ID!) { candidate(id: $id) { ${CANDIDATE} } }`, { id: c.data!.createCandidate.id });
    expect(candidate.errors).toBeUndefined();
    expect(candidate.data).toEqual({ candidate: c.data!.createCandidate });

    // The unique email rule still holds after the restart.
    const dup = await second.gql(`mutation { createCandidate(input: {name: "Copy", email: "AVERY@example.org"}) { id } }`);
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
