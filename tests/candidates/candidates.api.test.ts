// Candidates through HTTP: profiles with degrees, held qualifications and experience;
// derived yearsOfExperience and `current` on a fixed "today"; every validation rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { onlyError, expectBadInput } from '../helpers/errors.js';

const TODAY = '2026-06-30';

interface Candidate {
  id: string;
  name: string;
  email: string | null;
  headline: string | null;
  city: string | null;
  state: string | null;
  degrees: { level: string; field: string; institution: string | null; year: number | null }[];
  qualifications: {
    qualification: { code: string; name: string; stateSpecific: boolean };
    earnedOn: string | null;
    expiresOn: string | null;
    state: string | null;
    current: boolean;
  }[];
  experience: { title: string; setting: string | null; startDate: string; endDate: string | null }[];
  yearsOfExperience: number;
  skills: string[];
  discoverable: boolean;
}

const FIELDS = `id name email headline city state
  degrees { level field institution year }
  qualifications { qualification { code name stateSpecific } earnedOn expiresOn state current }
  experience { title setting startDate endDate }
  yearsOfExperience skills discoverable`;
const CREATE = `mutation($input: CandidateInput!) { createCandidate(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: CandidateUpdateInput!) { updateCandidate(id: $id, input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { candidate(id: $id) { ${FIELDS} } }`;

const UNKNOWN_ID = '0123456789abcdef01234567';

let emailSeq = 0;
const nextEmail = () => `candidate${++emailSeq}@example.org`;

describe('candidates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(TODAY) });
    for (const input of [
      { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION', renewalMonths: 24 },
      { code: 'RHIA', name: 'Registered Health Information Administrator', kind: 'CERTIFICATION' },
      { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true },
    ]) {
      const r = await t.gql(`mutation($input: QualificationInput!) { upsertQualification(input: $input) { id } }`, { input });
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(async () => t?.close());

  const candidateCount = () => t.app.connection.collection('candidates').countDocuments();

  async function create(input: Record<string, unknown>): Promise<Candidate> {
    const r = await t.gql<{ createCandidate: Candidate }>(CREATE, { input: { name: 'Pat Doe', email: nextEmail(), ...input } });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.createCandidate;
  }

  async function read(id: string): Promise<Candidate | null> {
    const r = await t.gql<{ candidate: Candidate | null }>(READ, { id });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.candidate;
  }

  describe('create, read, update', () => {
    let dana: Candidate;

    it('creates a full profile and reads it back, email visible to the admin', async () => {
      const r = await t.gql<{ createCandidate: Candidate }>(CREATE, {
        input: {
          name: ' Dana Reyes ',
          email: ' Dana.Reyes@Example.COM ',
          headline: 'Practice manager',
          city: 'Austin',
          state: 'tx',
          degrees: [
            { level: 'MASTER', field: ' Health Administration ', institution: 'UT Austin', year: 2015 },
            { level: 'BACHELOR', field: 'Biology' },
          ],
          qualifications: [
            { code: 'cmm', earnedOn: '2025-01-15', expiresOn: '2027-01-15' },
            { code: 'NHA', earnedOn: '2019-05-01', state: 'tx' },
          ],
          experience: [
            { title: 'Office Manager', setting: 'PHYSICIAN_OFFICE', startDate: '2016-01-01', endDate: '2019-12-31' },
            { title: 'Practice Manager', startDate: '2020-01-01' },
          ],
          skills: ['budgeting', ' EHR ', 'budgeting'],
        },
      });
      expect(r.errors).toBeUndefined();
      dana = r.data!.createCandidate;
      expect(dana).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Dana Reyes',
        email: 'dana.reyes@example.com',
        headline: 'Practice manager',
        city: 'Austin',
        state: 'TX',
        degrees: [
          { level: 'MASTER', field: 'Health Administration', institution: 'UT Austin', year: 2015 },
          { level: 'BACHELOR', field: 'Biology', institution: null, year: null },
        ],
        qualifications: [
          {
            qualification: { code: 'CMM', name: 'Certified Medical Manager', stateSpecific: false },
            earnedOn: '2025-01-15',
            expiresOn: '2027-01-15',
            state: null,
            current: true,
          },
          {
            qualification: { code: 'NHA', name: 'Nursing Home Administrator', stateSpecific: true },
            earnedOn: '2019-05-01',
            expiresOn: null,
            state: 'TX',
            current: true,
          },
        ],
        experience: [
          { title: 'Office Manager', setting: 'PHYSICIAN_OFFICE', startDate: '2016-01-01', endDate: '2019-12-31' },
          { title: 'Practice Manager', setting: null, startDate: '2020-01-01', endDate: null },
        ],
        // 2016-01-01 .. 2026-06-30 without a gap: 10 years and 181 days, 3 of them leap days.
        yearsOfExperience: expect.closeTo(3834 / 365.25, 9),
        skills: ['budgeting', 'EHR'],
        discoverable: true,
      });
      expect(await read(dana.id)).toEqual(dana);
    });

    it('updates only the fields sent', async () => {
      const r = await t.gql<{ updateCandidate: Candidate }>(UPDATE, {
        id: dana.id,
        input: { headline: 'Senior practice manager', discoverable: false, skills: ['revenue cycle'] },
      });
      expect(r.errors).toBeUndefined();
      const expected = { ...dana, headline: 'Senior practice manager', discoverable: false, skills: ['revenue cycle'] };
      expect(r.data!.updateCandidate).toEqual(expected);
      expect(await read(dana.id)).toEqual(expected);
      dana = expected;
    });

    it('replaces lists when sent, and null clears an optional text field', async () => {
      const r = await t.gql<{ updateCandidate: Candidate }>(UPDATE, {
        id: dana.id,
        input: { city: null, qualifications: [{ code: 'RHIA' }], experience: [], degrees: [] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateCandidate).toMatchObject({
        city: null,
        state: 'TX',
        degrees: [],
        experience: [],
        yearsOfExperience: 0,
        qualifications: [{ qualification: { code: 'RHIA' }, earnedOn: null, expiresOn: null, state: null, current: true }],
      });
      dana = r.data!.updateCandidate;
      expect(await read(dana.id)).toEqual(dana);
    });

    it('updating a candidate to its own email (other case) is fine', async () => {
      const r = await t.gql<{ updateCandidate: Candidate }>(UPDATE, { id: dana.id, input: { email: 'DANA.REYES@example.com' } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateCandidate.email).toBe('dana.reyes@example.com');
    });

    it('a second candidate with the same email in another case is CONFLICT and not stored', async () => {
      const before = await candidateCount();
      const r = await t.gql(CREATE, { input: { name: 'Impostor', email: 'dana.REYES@EXAMPLE.com' } });
      const err = onlyError(r);
      expect(err.extensions?.code).toBe('CONFLICT');
      expect(err.message).toContain('input.email');
      expect(await candidateCount()).toBe(before);
    });

    it('updating another candidate to a taken email is CONFLICT and changes nothing', async () => {
      const other = await create({ name: 'Sam Lee' });
      const r = await t.gql(UPDATE, { id: other.id, input: { email: 'Dana.Reyes@example.com', name: 'Changed' } });
      const err = onlyError(r);
      expect(err.extensions?.code).toBe('CONFLICT');
      expect(err.message).toContain('input.email');
      expect(await read(other.id)).toEqual(other);
    });

    it('candidate(id) of an unknown id is null; of a malformed id BAD_USER_INPUT', async () => {
      expect(await read(UNKNOWN_ID)).toBeNull();
      const err = onlyError(await t.gql(READ, { id: 'nope' }));
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.message).toContain('id');
    });

    it('updateCandidate of an unknown id is NOT_FOUND; of a malformed id BAD_USER_INPUT', async () => {
      expect(onlyError(await t.gql(UPDATE, { id: UNKNOWN_ID, input: { name: 'X' } })).extensions?.code).toBe('NOT_FOUND');
      expect(onlyError(await t.gql(UPDATE, { id: '123', input: { name: 'X' } })).extensions?.code).toBe('BAD_USER_INPUT');
      expect(await t.app.connection.collection('candidates').countDocuments({ name: 'X' })).toBe(0);
    });
  });

  describe('yearsOfExperience: union of intervals up to today (inclusive days / 365.25)', () => {
    it.each<[string, { startDate: string; endDate?: string | null }[], number]>([
      ['no experience', [], 0],
      ['one closed year (leap)', [{ startDate: '2020-01-01', endDate: '2020-12-31' }], 366],
      [
        'overlapping jobs count the shared months once',
        [
          { startDate: '2018-01-01', endDate: '2019-06-30' },
          { startDate: '2019-01-01', endDate: '2019-12-31' },
        ],
        730,
      ],
      [
        'a job nested in another adds nothing',
        [
          { startDate: '2010-01-01', endDate: '2014-12-31' },
          { startDate: '2012-03-01', endDate: '2012-08-31' },
        ],
        1826,
      ],
      [
        'adjacent jobs join without a gap',
        [
          { startDate: '2021-07-01', endDate: '2021-12-31' },
          { startDate: '2021-01-01', endDate: '2021-06-30' },
        ],
        365,
      ],
      [
        'a one-day gap is not counted',
        [
          { startDate: '2021-01-01', endDate: '2021-06-29' },
          { startDate: '2021-07-01', endDate: '2021-12-31' },
        ],
        364,
      ],
      ['an open job runs through today', [{ startDate: '2025-07-01', endDate: null }], 365],
      [
        'an open job overlapping a closed one',
        [
          { startDate: '2024-01-01', endDate: '2025-12-31' },
          { startDate: '2025-01-01' },
        ],
        912,
      ],
      ['an end date after today is cut at today', [{ startDate: '2026-01-01', endDate: '2030-12-31' }], 181],
      ['a job starting after today counts nothing', [{ startDate: '2027-01-01' }], 0],
      [
        'separate, nested and open intervals together',
        [
          { startDate: '2000-01-01', endDate: '2000-12-31' },
          { startDate: '2000-03-01', endDate: '2000-04-30' },
          { startDate: '2026-06-01' },
        ],
        366 + 30,
      ],
    ])('%s', async (_label, intervals, days) => {
      const c = await create({ experience: intervals.map((iv, i) => ({ title: `Job ${i}`, ...iv })) });
      expect(c.yearsOfExperience).toBeCloseTo(days / 365.25, 9);
      expect((await read(c.id))?.yearsOfExperience).toBeCloseTo(days / 365.25, 9);
    });
  });

  describe('current qualifications on a fixed today', () => {
    it.each<[string, string | null, boolean]>([
      ['expired yesterday', '2026-06-29', false],
      ['expired long ago', '2020-01-01', false],
      ['expires today', TODAY, true],
      ['expires in the future', '2027-01-31', true],
      ['no expiry', null, true],
    ])('%s -> current %s', async (_label, expiresOn, current) => {
      const c = await create({ qualifications: [{ code: 'CMM', earnedOn: '2019-01-01', expiresOn }] });
      expect(c.qualifications).toEqual([
        expect.objectContaining({ qualification: expect.objectContaining({ code: 'CMM' }), expiresOn, current }),
      ]);
    });
  });

  describe('validation (nothing written)', () => {
    async function rejectedCreate(input: Record<string, unknown>, fields: string[]): Promise<void> {
      const before = await candidateCount();
      const r = await t.gql(CREATE, { input: { name: 'Valid Name', email: nextEmail(), ...input } });
      expectBadInput(r, fields);
      expect(await candidateCount()).toBe(before);
    }

    it('unknown held qualification code', () =>
      rejectedCreate({ qualifications: [{ code: 'CMM' }, { code: 'NOPE' }] }, ['input.qualifications[1].code']));

    it('state-specific licence held without a state', () =>
      rejectedCreate({ qualifications: [{ code: 'NHA', earnedOn: '2020-01-01' }] }, ['input.qualifications[0].state']));

    it('held licence with a state that is not a US code', () =>
      rejectedCreate({ qualifications: [{ code: 'NHA', state: 'XX' }] }, ['input.qualifications[0].state']));

    it.each(['XX', 'Texas'])('candidate state %j', (state) => rejectedCreate({ state }, ['input.state']));

    it('experience endDate before startDate', () =>
      rejectedCreate(
        { experience: [{ title: 'Manager', startDate: '2020-05-01', endDate: '2020-04-30' }] },
        ['input.experience[0].endDate'],
      ));

    it('expiresOn before earnedOn', () =>
      rejectedCreate(
        { qualifications: [{ code: 'CMM', earnedOn: '2024-01-01', expiresOn: '2023-12-31' }] },
        ['input.qualifications[0].expiresOn'],
      ));

    it('an email that is not an address', () => rejectedCreate({ email: 'not-an-email' }, ['input.email']));

    it('a blank name', () => rejectedCreate({ name: '   ' }, ['input.name']));

    it('a degree without a field and one with an impossible year', () =>
      rejectedCreate(
        {
          degrees: [
            { level: 'BACHELOR', field: ' ' },
            { level: 'MASTER', field: 'Public Health', year: 1800 },
          ],
        },
        ['input.degrees[0].field', 'input.degrees[1].year'],
      ));

    it.each(['2024-13-45', '2023-02-29', '2024-1-5', 'yesterday'])(
      'malformed LocalDate %j is BAD_USER_INPUT naming the field and writes nothing',
      async (startDate) => {
        const before = await candidateCount();
        const r = await t.gql(CREATE, {
          input: { name: 'Valid Name', email: nextEmail(), experience: [{ title: 'Manager', startDate }] },
        });
        const err = onlyError(r);
        expect(err.extensions?.code).toBe('BAD_USER_INPUT');
        expect(err.message).toMatch(/startDate/);
        expect(err.extensions?.stacktrace).toBeUndefined();
        expect(await candidateCount()).toBe(before);
      },
    );

    it('several bad fields at once: one error listing all of them', () =>
      rejectedCreate(
        {
          name: '',
          email: 'nope',
          state: 'Ohio',
          qualifications: [{ code: 'BOGUS' }, { code: 'NHA' }, { code: 'CMM', earnedOn: '2024-02-01', expiresOn: '2024-01-01' }],
          experience: [{ title: 'Manager', startDate: '2022-01-01', endDate: '2021-01-01' }],
        },
        [
          'input.name',
          'input.email',
          'input.state',
          'input.qualifications[0].code',
          'input.qualifications[1].state',
          'input.qualifications[2].expiresOn',
          'input.experience[0].endDate',
        ],
      ));

    it('a rejected update changes nothing', async () => {
      const c = await create({ name: 'Stable', qualifications: [{ code: 'CMM' }] });
      const r = await t.gql(UPDATE, {
        id: c.id,
        input: {
          name: 'Changed',
          qualifications: [{ code: 'NHA' }],
          experience: [{ title: 'Manager', startDate: '2022-01-01', endDate: '2021-01-01' }],
        },
      });
      expectBadInput(r, ['input.qualifications[0].state', 'input.experience[0].endDate']);
      expect(await read(c.id)).toEqual(c);
    });
  });
});
