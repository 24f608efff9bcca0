// Employers through HTTP: create, read, their postings by status, validation and ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { onlyError, problemFields } from '../helpers/errors.js';

interface Employer {
  id: string;
  name: string;
  setting: string;
  city: string | null;
  state: string | null;
  postings: { id: string; title: string; status: string }[];
}

const CREATE = `mutation($input: EmployerInput!) { createEmployer(input: $input) { id name setting city state postings { id } } }`;
const READ = `query($id: ID!) { employer(id: $id) { id name setting city state postings { id title status } } }`;
const POSTINGS_BY_STATUS = `query($id: ID!) {
  employer(id: $id) {
    open: postings(status: OPEN) { title status }
    closed: postings(status: CLOSED) { title status }
    all: postings { title status }
  }
}`;
const CREATE_POSTING = `mutation($input: JobPostingInput!) { createJobPosting(input: $input) { id } }`;
const CLOSE_POSTING = `mutation($id: ID!) { closeJobPosting(id: $id) { id status } }`;

const UNKNOWN_ID = '0123456789abcdef01234567';

describe('employers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const employerCount = () => t.app.connection.collection('employers').countDocuments();

  async function createEmployer(input: Record<string, unknown>): Promise<Employer> {
    const r = await t.gql<{ createEmployer: Employer }>(CREATE, { input });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.createEmployer;
  }

  it('creates an employer, normalising the state code, and reads it back without a key', async () => {
    const created = await createEmployer({ name: ' Lakeside Clinic ', setting: 'PHYSICIAN_OFFICE', city: ' Austin ', state: ' tx ' });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'Lakeside Clinic',
      setting: 'PHYSICIAN_OFFICE',
      city: 'Austin',
      state: 'TX',
      postings: [],
    });
    const read = await t.gql<{ employer: Employer }>(READ, { id: created.id }, null);
    expect(read.errors).toBeUndefined();
    expect(read.data!.employer).toEqual({ ...created, postings: [] });
  });

  it('city and state are optional', async () => {
    const created = await createEmployer({ name: 'Remote Billing Co', setting: 'CONSULTING' });
    expect(created).toMatchObject({ city: null, state: null });
  });

  it('lists its postings, filtered by status OPEN, CLOSED or not at all', async () => {
    const employer = await createEmployer({ name: 'Riverside Hospital', setting: 'HOSPITAL', state: 'OH' });
    const other = await createEmployer({ name: 'Elsewhere', setting: 'HOSPITAL' });
    const ids: Record<string, string> = {};
    for (const [employerId, title] of [
      [employer.id, 'Practice Manager'],
      [employer.id, 'Director of Health Information'],
      [other.id, 'Someone else’s posting'],
    ]) {
      const r = await t.gql<{ createJobPosting: { id: string } }>(CREATE_POSTING, {
        input: { employerId, title, description: 'Runs things.' },
      });
      expect(r.errors).toBeUndefined();
      ids[title] = r.data!.createJobPosting.id;
    }
    const closed = await t.gql(CLOSE_POSTING, { id: ids['Director of Health Information'] });
    expect(closed.errors).toBeUndefined();

    const r = await t.gql<{ employer: Record<'open' | 'closed' | 'all', { title: string; status: string }[]> }>(
      POSTINGS_BY_STATUS,
      { id: employer.id },
      null,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.employer.open).toEqual([{ title: 'Practice Manager', status: 'OPEN' }]);
    expect(r.data!.employer.closed).toEqual([{ title: 'Director of Health Information', status: 'CLOSED' }]);
    expect(r.data!.employer.all.map((p) => p.title).sort()).toEqual(['Director of Health Information', 'Practice Manager']);
  });

  it.each([
    ['XX', 'not a state'],
    ['Texas', 'a name, not a code'],
    ['T', 'too short'],
  ])('rejects state %j (%s) with BAD_USER_INPUT naming input.state and writes nothing', async (state) => {
    const before = await employerCount();
    const r = await t.gql(CREATE, { input: { name: 'Bad State Clinic', setting: 'HOSPITAL', state } });
    const err = onlyError(r);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).toContain('input.state');
    expect(problemFields(r)).toEqual(['input.state']);
    expect(await employerCount()).toBe(before);
  });

  it('lists a blank name and a bad state together in one error', async () => {
    const before = await employerCount();
    const r = await t.gql(CREATE, { input: { name: '   ', setting: 'HOSPITAL', state: 'ZZ' } });
    const err = onlyError(r);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemFields(r)).toEqual(['input.name', 'input.state']);
    expect(err.message).toContain('input.name');
    expect(err.message).toContain('input.state');
    expect(await employerCount()).toBe(before);
  });

  it('rejects an unknown setting', async () => {
    const before = await employerCount();
    const r = await t.gql(CREATE, { input: { name: 'Spa', setting: 'DAY_SPA' } });
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await employerCount()).toBe(before);
  });

  it.each(['123', 'nope', `${UNKNOWN_ID}0`, 'zzzzzzzzzzzzzzzzzzzzzzzz', '{"$gt":""}'])(
    'employer(id: %j) is BAD_USER_INPUT naming the id',
    async (id) => {
      const r = await t.gql(READ, { id }, null);
      const err = onlyError(r);
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.message).toContain('id');
      expect(r.data?.employer ?? null).toBeNull();
    },
  );

  it('employer(id) of a well-formed unknown id is null, not an error', async () => {
    const r = await t.gql(READ, { id: UNKNOWN_ID }, null);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ employer: null });
  });
});
