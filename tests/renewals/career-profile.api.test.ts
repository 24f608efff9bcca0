// Continuing education, renewal status, renewalsDue with matchesAtRisk, matchesForCandidate
// asOf, and salary benchmarks, through HTTP on the real database (embedded engine), on a
// fixed today. Every expected value is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { startTestApp, type GqlResult, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';
import { issueKey, snapshot } from '../auth/auth-world.js';

const TODAY = '2026-06-30';

const RENEWALS = `query($id: ID!, $within: Int) { renewalsDue(candidateId: $id, withinDays: $within) {
  qualification { code } renewal { dueOn hoursRequired hoursEarned state } matchesAtRisk } }`;
const HELD = `query($id: ID!) { candidate(id: $id) { qualifications { qualification { code } state
  continuingEducation { date hours provider title } renewal { dueOn hoursRequired hoursEarned state } } } }`;
const MATCHES = `query($id: ID!, $asOf: LocalDate, $inel: Boolean) {
  matchesForCandidate(candidateId: $id, asOf: $asOf, includeIneligible: $inel, first: 50) {
    totalCount edges { node { eligible score posting { title } explanation { missing { kind code detail } } } } } }`;
const UPDATE = `mutation($id: ID!, $input: CandidateUpdateInput!) { updateCandidate(id: $id, input: $input) { id } }`;

type Due = { qualification: { code: string }; renewal: { dueOn: string | null; hoursRequired: number | null; hoursEarned: number; state: string }; matchesAtRisk: number };
type MatchNode = { eligible: boolean; score: number; posting: { title: string }; explanation: { missing: { kind: string; code: string | null; detail: string }[] } };

const problems = (r: GqlResult) => (r.errors?.[0]?.extensions?.problems as { field: string; problem: string }[] | undefined) ?? [];

describe('career profile: continuing education, renewals, asOf, salary benchmarks', () => {
  let t: TestApp;
  let jordan: string;
  let other: string;
  let jordanKey: string;
  let boardKey: string;

  const qualifications = [
    // CMM: expires 2026-07-15, cycle (2024-07-15, 2026-07-15]: 10 h on the open end are out,
    // 12 + 12 (the second today) are in: 24 of 24 -> ON_TRACK.
    {
      code: 'CMM',
      earnedOn: '2024-07-15',
      expiresOn: '2026-07-15',
      continuingEducation: [
        { date: '2024-07-15', hours: 10, provider: 'PAHCOM', title: 'Before the cycle' },
        { date: '2025-01-10', hours: 12, provider: ' PAHCOM ', title: 'Coding update' },
        { date: TODAY, hours: 12 },
      ],
    },
    // RHIA expired yesterday: LAPSED whatever its hours.
    { code: 'RHIA', earnedOn: '2024-06-29', expiresOn: '2026-06-29', continuingEducation: [{ date: '2025-05-01', hours: 30 }] },
    // NHA in TN: the board's 12-month cycle, 18 h. Due 2026-12-01, 10 h so far -> AT_RISK.
    { code: 'NHA', state: 'TN', earnedOn: '2025-12-01', continuingEducation: [{ date: '2026-02-01', hours: 10 }] },
    // CRCR renews by exam: due 2027-01-01 (185 days), no hours required -> ON_TRACK.
    { code: 'CRCR', earnedOn: '2025-01-01' },
    // HSE has no cycle and no expiry: NOT_RENEWABLE, never due.
    { code: 'HSE', earnedOn: '2020-01-01' },
  ];

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(TODAY) });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION', renewalMonths: 24, continuingEducationHours: 24 });
    await upsertQualification(t, { code: 'RHIA', name: 'Registered Health Information Administrator', kind: 'CERTIFICATION', renewalMonths: 24, continuingEducationHours: 30 });
    await upsertQualification(t, {
      code: 'NHA',
      name: 'Nursing Home Administrator',
      kind: 'LICENSE',
      stateSpecific: true,
      renewalByState: [{ state: 'tn', renewalMonths: 12, continuingEducationHours: 18 }],
    });
    await upsertQualification(t, { code: 'CRCR', name: 'Certified Revenue Cycle Representative', kind: 'CERTIFICATION', renewalMonths: 24 });
    await upsertQualification(t, { code: 'HSE', name: 'Health Services Executive', kind: 'CERTIFICATION' });
    const employer = await createEmployer(t, { name: 'Volunteer Health', setting: 'NURSING_HOME', state: 'TN' });
    const posting = (title: string, over: Record<string, unknown>) =>
      createPosting(t, { employerId: employer, title, description: 'Runs the office.', state: 'TX', ...over });
    await posting('P1 practice manager', { requiredQualificationCodes: ['CMM'], salaryMax: 120_000 });
    await posting('P2 HIM and office', { requiredQualificationCodes: ['CMM', 'RHIA'] });
    await posting('P3 TN administrator', { requiredQualificationCodes: ['NHA'], state: 'TN' });
    const closed = await posting('P4 closed', { requiredQualificationCodes: ['CMM'] });
    await must(t, 'mutation($id: ID!) { closeJobPosting(id: $id) { id } }', { id: closed });
    await posting('P5 TX administrator', { requiredQualificationCodes: ['NHA'] });
    await posting('P6 director', { requiredQualificationCodes: ['CMM'], minYearsExperience: 10 });
    await posting('P7 senior lead', { minYearsExperience: 5, state: null, remote: true, salaryMin: 60_000 });
    jordan = await createCandidate(t, {
      name: 'Jordan Kim',
      email: 'jordan.career@example.org',
      qualifications,
      experience: [{ title: 'Office manager', startDate: '2023-01-01' }],
    });
    other = await createCandidate(t, { name: 'Avery Stone', email: 'avery.career@example.org' });
    jordanKey = (await issueKey(t, { role: 'CANDIDATE', label: 'Jordan', candidateId: jordan })).key;
    boardKey = (await issueKey(t, { role: 'JOB_BOARD', label: 'Board' })).key;
  });
  afterAll(async () => t?.close());

  it('stores continuing education and returns it with the renewal status of each held qualification', async () => {
    const d = await must<{ candidate: { qualifications: { qualification: { code: string }; continuingEducation: unknown[]; renewal: unknown }[] } }>(t, HELD, { id: jordan });
    const byCode = Object.fromEntries(d.candidate.qualifications.map((q) => [q.qualification.code, q]));
    expect(byCode.CMM.continuingEducation).toEqual([
      { date: '2024-07-15', hours: 10, provider: 'PAHCOM', title: 'Before the cycle' },
      { date: '2025-01-10', hours: 12, provider: 'PAHCOM', title: 'Coding update' },
      { date: TODAY, hours: 12, provider: null, title: null },
    ]);
    expect(byCode.CMM.renewal).toEqual({ dueOn: '2026-07-15', hoursRequired: 24, hoursEarned: 24, state: 'ON_TRACK' });
    expect(byCode.RHIA.renewal).toEqual({ dueOn: '2026-06-29', hoursRequired: 30, hoursEarned: 30, state: 'LAPSED' });
    expect(byCode.NHA.renewal).toEqual({ dueOn: '2026-12-01', hoursRequired: 18, hoursEarned: 10, state: 'AT_RISK' });
    expect(byCode.CRCR.renewal).toEqual({ dueOn: '2027-01-01', hoursRequired: null, hoursEarned: 0, state: 'ON_TRACK' });
    expect(byCode.HSE.renewal).toEqual({ dueOn: null, hoursRequired: null, hoursEarned: 0, state: 'NOT_RENEWABLE' });
    expect(byCode.HSE.continuingEducation).toEqual([]);
  });

  it('lists renewals due within withinDays (lapsed too), soonest first, with the eligible matches that need each', async () => {
    const due = async (within?: number) => (await must<{ renewalsDue: Due[] }>(t, RENEWALS, { id: jordan, within })).renewalsDue;
    // CMM: P1 only (P2 also needs the lapsed RHIA, P4 is closed, P6 needs 10 years).
    // RHIA: lapsed, so no posting needing it is eligible. NHA (TN): P3; P5 is in TX.
    expect((await due()).map((d) => [d.qualification.code, d.renewal.dueOn, d.renewal.state, d.matchesAtRisk])).toEqual([
      ['RHIA', '2026-06-29', 'LAPSED', 0],
      ['CMM', '2026-07-15', 'ON_TRACK', 1],
      ['NHA', '2026-12-01', 'AT_RISK', 1],
    ]);
    expect((await due(185)).map((d) => d.qualification.code)).toEqual(['RHIA', 'CMM', 'NHA', 'CRCR']);
    expect((await due(184)).map((d) => d.qualification.code)).toEqual(['RHIA', 'CMM', 'NHA']);
    expect((await due(15)).map((d) => d.qualification.code)).toEqual(['RHIA', 'CMM']);
    expect((await due(0)).map((d) => d.qualification.code)).toEqual(['RHIA']);
  });

  it('lets the candidate itself and admins read renewalsDue, nobody else', async () => {
    expect((await t.gql(RENEWALS, { id: jordan }, jordanKey)).errors).toBeUndefined();
    expect((await t.gql(RENEWALS, { id: other }, jordanKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RENEWALS, { id: jordan }, boardKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RENEWALS, { id: jordan }, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(RENEWALS, { id: '0123456789abcdef01234567' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await t.gql(RENEWALS, { id: jordan, within: -1 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('withinDays');
  });

  it('refuses bad continuing education naming the field, and writes nothing', async () => {
    const before = await snapshot(t);
    const cmm = (ce: Record<string, unknown>[]) => ({ qualifications: [{ code: 'CMM', earnedOn: '2024-07-15', continuingEducation: ce }] });
    const cases: [Record<string, unknown>[], string, RegExp][] = [
      [[{ date: '2026-07-01', hours: 2 }], 'input.qualifications[0].continuingEducation[0].date', /future/],
      [[{ date: '2026-01-01', hours: 0 }], 'input.qualifications[0].continuingEducation[0].hours', /more than 0/],
      [[{ date: '2026-01-01', hours: 1 }, { date: '2026-01-01', hours: 200.5 }], 'input.qualifications[0].continuingEducation[1].hours', /at most 200/],
      [[{ date: '2026-01-01', hours: 1, provider: 'x'.repeat(201) }], 'input.qualifications[0].continuingEducation[0].provider', /at most 200 characters/],
      [Array.from({ length: 501 }, () => ({ date: '2026-01-01', hours: 1 })), 'input.qualifications[0].continuingEducation', /at most 500 entries/],
    ];
    for (const [ce, field, problem] of cases) {
      const r = await t.gql(UPDATE, { id: jordan, input: cmm(ce) });
      expect(r.errors?.[0].extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(problems(r).find((p) => p.field === field)?.problem, field).toMatch(problem);
    }
    expect(await snapshot(t)).toEqual(before);
    // Exactly 500 entries of 200 hours each are accepted (on another candidate).
    const ok = await t.gql(UPDATE, { id: other, input: cmm(Array.from({ length: 500 }, () => ({ date: '2026-01-01', hours: 200 }))) });
    expect(ok.errors).toBeUndefined();
    // 1,700 over all qualifications at most (it bounds the cost of reading them): 4 x 450 is over.
    const many = (n: number) => Array.from({ length: n }, () => ({ date: '2026-01-01', hours: 1 }));
    const four = ['CMM', 'RHIA', 'HSE', 'CMM'].map((code, i) => ({ code, earnedOn: '2024-07-15', ...(i === 3 ? { state: undefined } : {}), continuingEducation: many(450) }));
    const beforeOver = await snapshot(t);
    const over = await t.gql(UPDATE, { id: jordan, input: { qualifications: four } });
    expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(problems(over).find((p) => p.field === 'input.qualifications')?.problem).toMatch(/at most 1700 continuingEducation entries over all qualifications \(got 1800\)/);
    expect(await snapshot(t)).toEqual(beforeOver);
  });

  it('judges matchesForCandidate on asOf: on both sides of an expiry, and experience running on', async () => {
    const matches = async (asOf?: string) =>
      (await must<{ matchesForCandidate: { totalCount: number; edges: { node: MatchNode }[] } }>(t, MATCHES, { id: jordan, asOf, inel: true })).matchesForCandidate;
    const byTitle = async (asOf?: string) => Object.fromEntries((await matches(asOf)).edges.map((e) => [e.node.posting.title.split(' ')[0], e.node]));
    // CMM expires 2026-07-15: P1 is eligible that day, not the next, and says why.
    expect((await byTitle('2026-07-15')).P1.eligible).toBe(true);
    const after = (await byTitle('2026-07-16')).P1;
    expect(after.eligible).toBe(false);
    expect(after.explanation.missing).toEqual([{ kind: 'QUALIFICATION', code: 'CMM', detail: 'CMM expired on 2026-07-15' }]);
    // Default: today. P3 and P1 eligible now (P7 needs 5 years: 3.5 now).
    const now = await byTitle();
    expect(Object.entries(now).filter(([, n]) => n.eligible).map(([k]) => k).sort()).toEqual(['P1', 'P3']);
    // The open position since 2023-01-01 counts 1,826 days on 2027-12-31 (< 5 x 365.25), 1,827 the day after.
    expect((await byTitle('2027-12-31')).P7.eligible).toBe(false);
    expect((await byTitle('2028-01-01')).P7.eligible).toBe(true);
    // Eligible-only totals follow asOf too.
    const total = async (asOf: string) => (await must<{ matchesForCandidate: { totalCount: number } }>(t, MATCHES, { id: jordan, asOf, inel: false })).matchesForCandidate.totalCount;
    expect(await total('2026-07-15')).toBe(2);
    expect(await total('2026-07-16')).toBe(1);
  });

  it('refuses an asOf before today, naming asOf', async () => {
    const r = await t.gql(MATCHES, { id: jordan, asOf: '2026-06-29' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('asOf');
    expect((await t.gql(MATCHES, { id: jordan, asOf: TODAY })).errors).toBeUndefined();
  });

  it('answers salaryBenchmark by state and national, and places each posting in its benchmark', async () => {
    const q = `query($s: String, $o: String) { salaryBenchmark(state: $s, occupationCode: $o) { occupationCode state p10 p25 median p75 p90 source } }`;
    const bench = async (s?: string, o?: string) => (await must<{ salaryBenchmark: Record<string, unknown> | null }>(t, q, { s, o })).salaryBenchmark;
    expect(await bench('tx')).toEqual({
      occupationCode: '11-9111.00',
      state: 'TX',
      p10: 65_520,
      p25: 86_080,
      median: 114_150,
      p75: 150_390,
      p90: 205_600,
      source: 'BLS OEWS May 2025',
    });
    expect(await bench()).toMatchObject({ state: null, p10: 73_390, median: 123_860, p90: 224_340 });
    expect(await bench(undefined, '11-9111')).toMatchObject({ state: null });
    expect(await bench('TX', '29-1141.00')).toBeNull();
    // American Samoa is a valid state code with no OEWS figures for this occupation.
    expect(await bench('AS')).toBeNull();
    const bad = await t.gql(q, { s: 'Texas' }, null);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('state');
    expect((await t.gql(q, { o: 'nurse' }, null)).errors?.[0].message).toContain('occupationCode');

    const postings = await must<{ searchPostings: { edges: { node: { title: string; salaryPercentile: number | null; salaryBenchmark: { state: string | null } | null } }[] } }>(
      t,
      `{ searchPostings(first: 50) { edges { node { title salaryPercentile salaryBenchmark { state } } } } }`,
    );
    const byTitle = Object.fromEntries(postings.searchPostings.edges.map((e) => [e.node.title.split(' ')[0], e.node]));
    // TX, salaryMax 120,000: 50 + (120,000 - 114,150) / (150,390 - 114,150) x 25 = 54.0356...
    expect(byTitle.P1).toMatchObject({ salaryPercentile: 54.04, salaryBenchmark: { state: 'TX' } });
    // No state (remote): national; salaryMin 60,000 < p10 73,390 -> 0.
    expect(byTitle.P7).toMatchObject({ salaryPercentile: 0, salaryBenchmark: { state: null } });
    // No salary: a benchmark, no percentile.
    expect(byTitle.P3).toMatchObject({ salaryPercentile: null, salaryBenchmark: { state: 'TN' } });
  });
});
