// nextSteps and talentSupply through HTTP on the real database and the embedded engine: exact
// answers on a small world, access rights, NOT_FOUND and the bounds of `first`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';
import { expectBadInput, onlyError } from '../helpers/errors.js';
import { issueKey } from '../auth/auth-world.js';

const STEPS = `query($id: ID!, $filter: PostingFilter, $first: Int) {
  nextSteps(candidateId: $id, filter: $filter, first: $first) { kind code state degreeLevel degreeField years unlocks medianSalary detail } }`;
const SUPPLY = `query($id: ID!) { talentSupply(postingId: $id) { eligible relaxations { kind code change addedCandidates detail } } }`;

describe('nextSteps / talentSupply', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock('2026-06-30') });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    await upsertQualification(t, { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true });
    ids.employerA = await createEmployer(t, { name: 'Lone Star Health', setting: 'HOSPITAL', city: 'Austin', state: 'TX' });
    ids.employerB = await createEmployer(t, { name: 'Empire Care', setting: 'NURSING_HOME', city: 'Albany', state: 'NY' });
    const a = { employerId: ids.employerA, description: 'Lead the team.', state: 'TX' };
    ids.cmm = await createPosting(t, { ...a, title: 'Practice Manager', requiredQualificationCodes: ['CMM'], salaryMin: 100000, salaryMax: 120000 });
    ids.nha = await createPosting(t, { ...a, title: 'Administrator', setting: 'NURSING_HOME', requiredQualificationCodes: ['NHA'], salaryMax: 90000 });
    ids.master = await createPosting(t, { ...a, title: 'Director', minDegree: { minLevel: 'MASTER' }, salaryMax: 80000 });
    ids.cmmNy = await createPosting(t, { ...a, employerId: ids.employerB, state: 'NY', title: 'Office Manager', requiredQualificationCodes: ['CMM'], salaryMax: 110000 });
    const person = { degrees: [{ level: 'BACHELOR', field: 'Business' }], experience: [{ title: 'Coordinator', startDate: '2023-01-01', endDate: null }] };
    ids.cand = await createCandidate(t, { ...person, name: 'Casey Self', email: 'casey@example.org' });
    ids.caLicence = await createCandidate(t, { ...person, name: 'Cal Other', email: 'cal@example.org', qualifications: [{ code: 'NHA', state: 'CA' }] });
    ids.txLicence = await createCandidate(t, { ...person, name: 'Tex Held', email: 'tex@example.org', qualifications: [{ code: 'NHA', state: 'TX' }] });
    ids.hidden = await createCandidate(t, { ...person, name: 'Hidden Hal', email: 'hal@example.org', discoverable: false, qualifications: [{ code: 'NHA', state: 'TX' }] });
    keys.recruiterA = (await issueKey(t, { role: 'RECRUITER', label: 'a', employerId: ids.employerA })).key;
    keys.jobBoard = (await issueKey(t, { role: 'JOB_BOARD', label: 'board' })).key;
    keys.candidate = (await issueKey(t, { role: 'CANDIDATE', label: 'self', candidateId: ids.cand })).key;
  });
  afterAll(async () => t?.close());

  it('lists the steps in order with counts, medians and details', async () => {
    const d = await must<{ nextSteps: unknown[] }>(t, STEPS, { id: ids.cand });
    expect(d.nextSteps).toEqual([
      { kind: 'QUALIFICATION', code: 'CMM', state: null, degreeLevel: null, degreeField: null, years: null, unlocks: 2, medianSalary: 115000, detail: 'Earn CMM: 2 more postings' },
      { kind: 'QUALIFICATION', code: 'NHA', state: 'TX', degreeLevel: null, degreeField: null, years: null, unlocks: 1, medianSalary: 90000, detail: 'NHA licence in TX: 1 more posting' },
      { kind: 'DEGREE', code: null, state: null, degreeLevel: 'MASTER', degreeField: null, years: null, unlocks: 1, medianSalary: 80000, detail: "A master's degree in any field: 1 more posting" },
    ]);
  });

  it('applies the filter and `first`', async () => {
    const ny = await must<{ nextSteps: { code: string; unlocks: number; medianSalary: number }[] }>(t, STEPS, { id: ids.cand, filter: { states: ['ny'] } });
    expect(ny.nextSteps.map((s) => [s.code, s.unlocks, s.medianSalary])).toEqual([['CMM', 1, 110000]]);
    const one = await must<{ nextSteps: { code: string }[] }>(t, STEPS, { id: ids.cand, first: 1 });
    expect(one.nextSteps.map((s) => s.code)).toEqual(['CMM']);
  });

  it('refuses `first` outside 1..100 and bad filters, naming the field', async () => {
    expectBadInput(await t.gql(STEPS, { id: ids.cand, first: 0 }), ['first']);
    expectBadInput(await t.gql(STEPS, { id: ids.cand, first: 101 }), ['first']);
    expectBadInput(await t.gql(STEPS, { id: ids.cand, filter: { states: ['Texas'] } }), ['filter.states[0]']);
    expectBadInput(await t.gql(STEPS, { id: 'nope' }), ['candidateId']);
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    expect(onlyError(await t.gql(STEPS, { id: '0123456789abcdef01234567' })).extensions?.code).toBe('NOT_FOUND');
    expect(onlyError(await t.gql(SUPPLY, { id: '0123456789abcdef01234567' })).extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the candidate, job boards (discoverable only) and admins ask nextSteps', async () => {
    expect((await t.gql(STEPS, { id: ids.cand }, keys.candidate)).errors).toBeUndefined();
    expect((await t.gql(STEPS, { id: ids.cand }, keys.jobBoard)).errors).toBeUndefined();
    expect(onlyError(await t.gql(STEPS, { id: ids.caLicence }, keys.candidate)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(STEPS, { id: ids.hidden }, keys.jobBoard)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(STEPS, { id: ids.cand }, keys.recruiterA)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(STEPS, { id: ids.cand }, null)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts what each relaxation of a posting adds, the zeros too', async () => {
    const d = await must<{ talentSupply: unknown }>(t, SUPPLY, { id: ids.nha });
    expect(d.talentSupply).toEqual({
      eligible: 1, // Tex (Hal holds it too, but is not discoverable)
      relaxations: [
        { kind: 'QUALIFICATION', code: 'NHA', change: 'DROP', addedCandidates: 2, detail: 'Accept NHA as preferred instead of required: +2 candidates' },
        { kind: 'QUALIFICATION', code: 'NHA', change: 'ANY_STATE', addedCandidates: 1, detail: 'Accept NHA granted in any state, not only TX: +1 candidate' },
      ],
    });
    const master = await must<{ talentSupply: { eligible: number; relaxations: { change: string; addedCandidates: number }[] } }>(t, SUPPLY, { id: ids.master });
    expect(master.talentSupply.eligible).toBe(0);
    expect(master.talentSupply.relaxations.map((r) => [r.change, r.addedCandidates])).toEqual([
      ['DROP', 3],
      ['ONE_LEVEL_LOWER', 3], // every discoverable one holds a bachelor's
    ]);
  });

  it("lets admins and the posting's own recruiters ask talentSupply, nobody else", async () => {
    expect((await t.gql(SUPPLY, { id: ids.nha }, keys.recruiterA)).errors).toBeUndefined();
    expect(onlyError(await t.gql(SUPPLY, { id: ids.cmmNy }, keys.recruiterA)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(SUPPLY, { id: ids.nha }, keys.jobBoard)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(SUPPLY, { id: ids.nha }, keys.candidate)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(SUPPLY, { id: ids.nha }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expectBadInput(await t.gql(SUPPLY, { id: 'x' }), ['postingId']);
  });
});
