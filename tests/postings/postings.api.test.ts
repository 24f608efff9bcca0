// Job postings through HTTP: defaults, resolved relations, partial updates, closing, and
// every validation rule with nothing written when a mutation is rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { onlyError, expectBadInput } from '../helpers/errors.js';

interface Posting {
  id: string;
  title: string;
  description: string;
  employer: { id: string; name: string };
  setting: string;
  employmentType: string;
  city: string | null;
  state: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  minDegree: { minLevel: string; fields: string[] } | null;
  minYearsExperience: number;
  requiredQualifications: { id: string; code: string; name: string }[];
  preferredQualifications: { id: string; code: string; name: string }[];
  skills: string[];
  status: string;
  postedAt: string;
}

const FIELDS = `id title description employer { id name } setting employmentType city state remote salaryMin salaryMax
  minDegree { minLevel fields } minYearsExperience
  requiredQualifications { id code name } preferredQualifications { id code name }
  skills status postedAt`;
const CREATE = `mutation($input: JobPostingInput!) { createJobPosting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: JobPostingUpdateInput!) { updateJobPosting(id: $id, input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeJobPosting(id: $id) { ${FIELDS} } }`;
const READ = `query($id: ID!) { jobPosting(id: $id) { ${FIELDS} } }`;
const EMPLOYER_POSTINGS = `query($id: ID!) { employer(id: $id) { postings { id } } }`;

const UNKNOWN_ID = '0123456789abcdef01234567';

describe('job postings', () => {
  let t: TestApp;
  let employerId: string;
  let quals: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock('2026-06-30') });
    quals = {};
    for (const [code, name] of [
      ['CMM', 'Certified Medical Manager'],
      ['CPAM', 'Certified Patient Account Manager'],
      ['RHIA', 'Registered Health Information Administrator'],
    ]) {
      const r = await t.gql<{ upsertQualification: { id: string } }>(
        `mutation($input: QualificationInput!) { upsertQualification(input: $input) { id } }`,
        { input: { code, name, kind: 'CERTIFICATION' } },
      );
      quals[code] = r.data!.upsertQualification.id;
    }
    const e = await t.gql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: {name: "Northside Group Practice", setting: GROUP_PRACTICE, city: "Dayton", state: "OH"}) { id } }`,
    );
    employerId = e.data!.createEmployer.id;
  });
  afterAll(async () => t?.close());

  const postingCount = () => t.app.connection.collection('postings').countDocuments();

  async function create(input: Record<string, unknown>): Promise<Posting> {
    const r = await t.gql<{ createJobPosting: Posting }>(CREATE, { input: { employerId, ...input } });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.createJobPosting;
  }

  async function read(id: string): Promise<Posting | null> {
    const r = await t.gql<{ jobPosting: Posting | null }>(READ, { id }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.jobPosting;
  }

  describe('create and read', () => {
    it('fills the documented defaults: setting from the employer, FULL_TIME, not remote, 0 years', async () => {
      const p = await create({ title: 'Office Manager', description: 'Runs the front office.' });
      expect(p).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        title: 'Office Manager',
        description: 'Runs the front office.',
        employer: { id: employerId, name: 'Northside Group Practice' },
        setting: 'GROUP_PRACTICE',
        employmentType: 'FULL_TIME',
        city: null,
        state: null,
        remote: false,
        salaryMin: null,
        salaryMax: null,
        minDegree: null,
        minYearsExperience: 0,
        requiredQualifications: [],
        preferredQualifications: [],
        skills: [],
        status: 'OPEN',
        postedAt: '2026-06-30T12:00:00.000Z',
      });
      expect(await read(p.id)).toEqual(p);
    });

    it('stores every field and resolves employer and qualifications as objects, publicly', async () => {
      const p = await create({
        title: 'Practice Administrator',
        description: 'Leads a multi-site practice.',
        setting: 'OUTPATIENT_CENTER',
        employmentType: 'CONTRACT',
        city: 'Columbus',
        state: 'oh',
        remote: true,
        salaryMin: 90000,
        salaryMax: 120000,
        minDegree: { minLevel: 'MASTER', fields: ['Health Administration', 'Business Administration'] },
        minYearsExperience: 5.5,
        requiredQualificationCodes: ['cmm'],
        preferredQualificationCodes: ['CPAM', 'RHIA'],
        skills: ['budgeting', 'EHR'],
      });
      const read1 = await read(p.id);
      expect(read1).toEqual(p);
      expect(read1).toMatchObject({
        setting: 'OUTPATIENT_CENTER',
        employmentType: 'CONTRACT',
        city: 'Columbus',
        state: 'OH',
        remote: true,
        salaryMin: 90000,
        salaryMax: 120000,
        minDegree: { minLevel: 'MASTER', fields: ['Health Administration', 'Business Administration'] },
        minYearsExperience: 5.5,
        requiredQualifications: [{ id: quals.CMM, code: 'CMM', name: 'Certified Medical Manager' }],
        preferredQualifications: [
          { id: quals.CPAM, code: 'CPAM', name: 'Certified Patient Account Manager' },
          { id: quals.RHIA, code: 'RHIA', name: 'Registered Health Information Administrator' },
        ],
        skills: ['budgeting', 'EHR'],
      });
    });

    it('jobPosting of a well-formed unknown id is null', async () => {
      expect(await read(UNKNOWN_ID)).toBeNull();
    });

    it.each(['nope', '123', `${UNKNOWN_ID}ff`])('jobPosting(id: %j) is BAD_USER_INPUT naming the id', async (id) => {
      const r = await t.gql(READ, { id }, null);
      const err = onlyError(r);
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.message).toContain('id');
    });

    it('createJobPosting with an unknown employer is NOT_FOUND and writes nothing', async () => {
      const before = await postingCount();
      const r = await t.gql(CREATE, { input: { employerId: UNKNOWN_ID, title: 'T', description: 'D' } });
      expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
      expect(await postingCount()).toBe(before);
    });

    it('createJobPosting with a malformed employer id is BAD_USER_INPUT naming input.employerId', async () => {
      const before = await postingCount();
      const r = await t.gql(CREATE, { input: { employerId: 'acme', title: 'T', description: 'D' } });
      expectBadInput(r, ['input.employerId']);
      expect(await postingCount()).toBe(before);
    });
  });

  describe('create validation (nothing written: the employer still has the same postings)', () => {
    let fresh: string;
    beforeAll(async () => {
      const e = await t.gql<{ createEmployer: { id: string } }>(
        `mutation { createEmployer(input: {name: "Empty Clinic", setting: HOSPITAL}) { id } }`,
      );
      fresh = e.data!.createEmployer.id;
    });

    async function rejected(input: Record<string, unknown>, fields: string[]): Promise<void> {
      const r = await t.gql(CREATE, { input: { employerId: fresh, title: 'Manager', description: 'Manages.', ...input } });
      expectBadInput(r, fields);
      const postings = await t.gql<{ employer: { postings: unknown[] } }>(EMPLOYER_POSTINGS, { id: fresh });
      expect(postings.data!.employer.postings).toEqual([]);
    }

    it('unknown required qualification code', () =>
      rejected({ requiredQualificationCodes: ['CMM', 'NOPE'] }, ['input.requiredQualificationCodes[1]']));

    it('unknown preferred qualification code', () =>
      rejected({ preferredQualificationCodes: ['XYZ'] }, ['input.preferredQualificationCodes[0]']));

    it('salaryMin greater than salaryMax', () => rejected({ salaryMin: 100000, salaryMax: 90000 }, ['input.salaryMin']));

    it('negative salary', () => rejected({ salaryMin: -1 }, ['input.salaryMin']));

    it.each(['XX', 'Texas', 'T1'])('state %j', (state) => rejected({ state }, ['input.state']));

    it('negative minYearsExperience', () => rejected({ minYearsExperience: -1 }, ['input.minYearsExperience']));

    it('blank title', () => rejected({ title: '  ' }, ['input.title']));

    it('a code both required and preferred', () =>
      rejected({ requiredQualificationCodes: ['CMM'], preferredQualificationCodes: ['cmm'] }, ['input.preferredQualificationCodes']));

    it('several bad fields at once: one error listing all of them', () =>
      rejected(
        {
          state: 'Ohio',
          salaryMin: 5,
          salaryMax: 1,
          minYearsExperience: -2,
          requiredQualificationCodes: ['BOGUS'],
          preferredQualificationCodes: ['CPAM', 'ALSO-BOGUS'],
        },
        [
          'input.state',
          'input.salaryMin',
          'input.minYearsExperience',
          'input.requiredQualificationCodes[0]',
          'input.preferredQualificationCodes[1]',
        ],
      ));
  });

  describe('update and close', () => {
    let base: Posting;
    beforeAll(async () => {
      base = await create({
        title: 'Clinic Manager',
        description: 'Original description.',
        city: 'Dayton',
        state: 'OH',
        salaryMin: 60000,
        salaryMax: 80000,
        requiredQualificationCodes: ['CMM'],
        skills: ['scheduling'],
      });
    });

    it('changes only the fields sent', async () => {
      const r = await t.gql<{ updateJobPosting: Posting }>(UPDATE, {
        id: base.id,
        input: { title: 'Senior Clinic Manager', salaryMax: 95000, preferredQualificationCodes: ['RHIA'] },
      });
      expect(r.errors).toBeUndefined();
      const expected = {
        ...base,
        title: 'Senior Clinic Manager',
        salaryMax: 95000,
        preferredQualifications: [{ id: quals.RHIA, code: 'RHIA', name: 'Registered Health Information Administrator' }],
      };
      expect(r.data!.updateJobPosting).toEqual(expected);
      expect(await read(base.id)).toEqual(expected);
      base = expected;
    });

    it('null clears an optional field (city) and minDegree can be set', async () => {
      const r = await t.gql<{ updateJobPosting: Posting }>(UPDATE, {
        id: base.id,
        input: { city: null, minDegree: { minLevel: 'BACHELOR' } },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateJobPosting).toMatchObject({ city: null, state: 'OH', minDegree: { minLevel: 'BACHELOR', fields: [] } });
      base = r.data!.updateJobPosting;
    });

    it('salaryMin above the STORED salaryMax is rejected and nothing changes', async () => {
      const r = await t.gql(UPDATE, { id: base.id, input: { salaryMin: 100000 } });
      expectBadInput(r, ['input.salaryMin']);
      expect(await read(base.id)).toEqual(base);
    });

    it('salaryMax below the STORED salaryMin is rejected and nothing changes', async () => {
      const r = await t.gql(UPDATE, { id: base.id, input: { salaryMax: 1000, title: 'Would change' } });
      expectBadInput(r, ['input.salaryMin']);
      expect(await read(base.id)).toEqual(base);
    });

    it('an update with several bad fields lists them all and changes nothing', async () => {
      const r = await t.gql(UPDATE, {
        id: base.id,
        input: { title: 'Would change', state: 'XX', minYearsExperience: -1, requiredQualificationCodes: ['CMM', 'NOPE'] },
      });
      expectBadInput(r, ['input.state', 'input.minYearsExperience', 'input.requiredQualificationCodes[1]']);
      expect(await read(base.id)).toEqual(base);
    });

    it('updateJobPosting of an unknown id is NOT_FOUND; of a malformed id BAD_USER_INPUT', async () => {
      expect(onlyError(await t.gql(UPDATE, { id: UNKNOWN_ID, input: { title: 'x' } })).extensions?.code).toBe('NOT_FOUND');
      expect(onlyError(await t.gql(UPDATE, { id: 'nope', input: { title: 'x' } })).extensions?.code).toBe('BAD_USER_INPUT');
      expect(await postingCount()).toBeGreaterThan(0);
      expect(await t.app.connection.collection('postings').countDocuments({ title: 'x' })).toBe(0);
    });

    it('closeJobPosting closes it; closing again is harmless', async () => {
      const r = await t.gql<{ closeJobPosting: Posting }>(CLOSE, { id: base.id });
      expect(r.errors).toBeUndefined();
      expect(r.data!.closeJobPosting).toEqual({ ...base, status: 'CLOSED' });
      expect((await read(base.id))?.status).toBe('CLOSED');
      const again = await t.gql<{ closeJobPosting: Posting }>(CLOSE, { id: base.id });
      expect(again.errors).toBeUndefined();
      expect(again.data!.closeJobPosting.status).toBe('CLOSED');
    });

    it('closeJobPosting of an unknown id is NOT_FOUND; of a malformed id BAD_USER_INPUT', async () => {
      expect(onlyError(await t.gql(CLOSE, { id: UNKNOWN_ID })).extensions?.code).toBe('NOT_FOUND');
      expect(onlyError(await t.gql(CLOSE, { id: 'nope' })).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
