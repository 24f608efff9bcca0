import { describe, expect, it } from 'vitest';
import { CareSetting, DegreeLevel, RequirementKind } from '../../src/shared/enums.js';
import { matchCandidateToPosting } from '../../src/matching/match.js';
import { computeFitFeatures } from '../../src/matching/features.js';
import { compareCandidateMatches, compareJobMatches } from '../../src/matching/ordering.js';
import type { CandidateProfile, PostingProfile } from '../../src/matching/matching.types.js';
import { CATALOG, TODAY, candidate, posting, yearsUpToToday } from './fixtures.js';

const match = (c: CandidateProfile, p: PostingProfile) => matchCandidateToPosting(c, p, CATALOG, TODAY);
const held = (code: string, state: string | null = null, expiresOn: string | null = null) => ({ code, state, expiresOn });

describe('matchCandidateToPosting: result', () => {
  it('reports matched required and preferred codes and a one-sentence eligible summary', () => {
    const c = candidate({
      experience: yearsUpToToday(6),
      qualifications: [held('CMM'), held('CPAM')],
      skills: ['Budgeting', ' revenue cycle ', 'EHR'],
    });
    const p = posting({
      minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
      minYearsExperience: 5,
      requiredQualificationCodes: ['CMM'],
      preferredQualificationCodes: ['CPAM', 'FACHE'],
      skills: ['budgeting', 'Revenue Cycle', 'Staffing'],
    });
    const r = match(c, p);
    expect(r.eligible).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.matchedRequiredCodes).toEqual(['CMM']);
    expect(r.matchedPreferredCodes).toEqual(['CPAM']);
    expect(r.summary).toBe('Eligible: meets all 3 requirements and holds 1 of 2 preferred qualifications; 2 shared skills.');
  });
  it('summarises what an ineligible candidate misses', () => {
    const c = candidate({ experience: yearsUpToToday(2), qualifications: [held('CMM', null, '2025-01-31')] });
    const p = posting({ minYearsExperience: 5, requiredQualificationCodes: ['CMM'] });
    const r = match(c, p);
    expect(r.eligible).toBe(false);
    expect(r.summary).toBe('Not eligible: missing 2 requirements (experience, CMM).');
    expect(r.missing.map((m) => m.kind)).toEqual([RequirementKind.EXPERIENCE, RequirementKind.QUALIFICATION]);
  });
  it('handles a posting with no requirements', () => {
    expect(match(candidate({ degrees: [], experience: [] }), posting()).summary).toBe('Eligible: no hard requirements.');
  });
  it('does not count expired or wrong-state preferred qualifications', () => {
    const c = candidate({ qualifications: [held('CPAM', null, '2026-02-28'), held('NHA', 'CA')] });
    const p = posting({ preferredQualificationCodes: ['CPAM', 'NHA'], state: 'TX' });
    expect(match(c, p).matchedPreferredCodes).toEqual([]);
    expect(match(c, { ...p, state: null }).matchedPreferredCodes).toEqual(['NHA']);
    expect(match(c, { ...p, state: 'ca' }).matchedPreferredCodes).toEqual(['NHA']);
  });
  it('computes the fit features the engine needs', () => {
    const c = candidate({
      degrees: [{ level: DegreeLevel.MASTER, field: 'Health Administration' }],
      experience: [{ startDate: '2016-03-01', endDate: null, setting: CareSetting.HOSPITAL }],
      qualifications: [held('FACHE')],
      skills: ['Budgeting', 'budgeting ', 'Leadership'],
    });
    const p = posting({
      minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
      minYearsExperience: 4,
      preferredQualificationCodes: ['FACHE', 'CPAM'],
      skills: ['BUDGETING', 'Coding'],
      setting: CareSetting.HOSPITAL,
    });
    const f = computeFitFeatures(c, p, CATALOG, TODAY);
    expect(f).toMatchObject({ degreeGap: 1, preferredHeld: 1, preferredTotal: 2, skillOverlap: 1, postingSkillCount: 2, settingMatch: 1 });
    // 2016-03-01..2026-03-01 inclusive = 3653 days.
    expect(f.experienceGap).toBeCloseTo(3653 / 365.25 - 4, 9);
  });
});

describe('matchCandidateToPosting: ordering properties of DESIGN §5', () => {
  const senior = candidate({
    degrees: [{ level: DegreeLevel.MASTER, field: 'Health Administration' }],
    experience: yearsUpToToday(12),
    qualifications: [held('FACHE')],
    skills: ['budgeting'],
  });

  it("ranks a director role (master's, 10y) above an entry role (associate's, 0y) for a master's + 12y candidate", () => {
    const director = posting({ id: 'dir', minDegree: { minLevel: DegreeLevel.MASTER, fields: [] }, minYearsExperience: 10 });
    const entry = posting({ id: 'entry', minDegree: { minLevel: DegreeLevel.ASSOCIATE, fields: [] }, minYearsExperience: 0 });
    const d = match(senior, director);
    const e = match(senior, entry);
    expect(d.eligible && e.eligible).toBe(true);
    expect(d.score).toBeGreaterThan(e.score);
    // Same with equal (non-empty) preferences and skills on both postings.
    const extra = { preferredQualificationCodes: ['FACHE', 'CPAM'], skills: ['Budgeting', 'Coding'] };
    expect(match(senior, { ...director, ...extra }).score).toBeGreaterThan(match(senior, { ...entry, ...extra }).score);
  });

  it('ranks a posting that prefers a held qualification above an identical one that does not', () => {
    for (const prefs of [[], ['CPAM'], ['FACHE'.toLowerCase()]]) {
      const without = posting({ preferredQualificationCodes: prefs.filter((p) => p.toUpperCase() !== 'FACHE') });
      const withIt = posting({ preferredQualificationCodes: [...without.preferredQualificationCodes, 'FACHE'] });
      expect(match(senior, withIt).score).toBeGreaterThan(match(senior, without).score);
    }
  });

  it('ranks a candidate holding a preferred qualification above an identical one who does not', () => {
    const p = posting({ preferredQualificationCodes: ['CPAM', 'FACHE'] });
    const holder = { ...senior, qualifications: [...senior.qualifications, held('CPAM')] };
    expect(match(holder, p).score).toBeGreaterThan(match(senior, p).score);
    // Also among ineligible candidates (same missing count).
    const strict = { ...p, requiredQualificationCodes: ['RHIA'] };
    expect(match(holder, strict).score).toBeGreaterThan(match(senior, strict).score);
  });

  it('ranks more skill overlap higher, from the posting side and the candidate side', () => {
    const p1 = posting({ skills: ['Budgeting', 'Staffing', 'Coding'] });
    const c0 = { ...senior, skills: [] };
    const c1 = { ...senior, skills: ['budgeting'] };
    const c2 = { ...senior, skills: [' BUDGETING', 'staffing'] };
    expect(match(c1, p1).score).toBeGreaterThan(match(c0, p1).score);
    expect(match(c2, p1).score).toBeGreaterThan(match(c1, p1).score);
    const p2 = posting({ skills: ['Budgeting', 'Leadership', 'Coding'] });
    const c = { ...senior, skills: ['budgeting', 'leadership'] };
    expect(match(c, p2).score).toBeGreaterThan(match(c, p1).score);
  });

  it('ranks every eligible match above every ineligible one', () => {
    // Worst eligible fit: far from the candidate level, no preferences or skills in common.
    const poorFit = match(candidate({ degrees: [{ level: DegreeLevel.DOCTORATE, field: 'X' }], experience: yearsUpToToday(40) }),
      posting({ skills: ['a', 'b', 'c'], preferredQualificationCodes: ['CPAM'] }));
    // Best ineligible fit: everything matches except one required code.
    const nearMiss = match(
      { ...senior, skills: ['budgeting'] },
      posting({ minDegree: { minLevel: DegreeLevel.MASTER, fields: [] }, minYearsExperience: 12, requiredQualificationCodes: ['RHIA'], preferredQualificationCodes: ['FACHE'], skills: ['budgeting'] }),
    );
    expect(poorFit.eligible).toBe(true);
    expect(nearMiss.eligible).toBe(false);
    expect(poorFit.score).toBeGreaterThan(nearMiss.score);
  });

  it('ranks fewer missing requirements higher among ineligible matches', () => {
    const p = posting({ minDegree: { minLevel: DegreeLevel.DOCTORATE, fields: [] }, minYearsExperience: 20, requiredQualificationCodes: ['RHIA', 'CPC'] });
    const withRhia = { ...senior, qualifications: [held('RHIA')] };
    const a = match(withRhia, p); // degree, experience, CPC
    const b = match(senior, p); // degree, experience, RHIA, CPC
    expect([a.missing.length, b.missing.length]).toEqual([3, 4]);
    expect(a.score).toBeGreaterThan(b.score);
    // 5 missing, with better features elsewhere (more skills) still below 4 missing.
    const five = match({ ...senior, skills: ['budgeting', 'x'] }, { ...p, requiredQualificationCodes: ['RHIA', 'CPC', 'CMM'], skills: ['budgeting'] });
    expect(five.missing.length).toBe(5);
    expect(b.score).toBeGreaterThan(five.score);
  });

  it('breaks score ties by newer postedAt, then by id', () => {
    const mk = (id: string, day: string) => posting({ id, postedAt: new Date(`${day}T00:00:00Z`), skills: ['budgeting'] });
    const postings = [mk('p3', '2026-01-10'), mk('p1', '2026-01-10'), mk('p2', '2026-02-10')];
    const ranked = postings
      .map((p) => ({ id: p.id, postedAt: p.postedAt, score: match(senior, p).score }))
      .sort(compareJobMatches)
      .map((r) => r.id);
    expect(ranked).toEqual(['p2', 'p1', 'p3']);
  });

  it('ranks candidates for a posting by score, then id', () => {
    const p = posting({ preferredQualificationCodes: ['CPAM'] });
    const cands = [
      { ...senior, id: 'c2' },
      { ...senior, id: 'c1' },
      { ...senior, id: 'c0', qualifications: [held('CPAM')] },
    ];
    const ranked = cands.map((c) => ({ id: c.id, score: match(c, p).score })).sort(compareCandidateMatches);
    expect(ranked.map((r) => r.id)).toEqual(['c0', 'c1', 'c2']);
  });
});

describe('matchCandidateToPosting: invariants over generated profiles', () => {
  it('keeps score in [0, 1], missing empty iff eligible, eligible scores > 0.5 > ineligible scores', () => {
    let s = 42;
    const rnd = (n: number) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    const levels = Object.values(DegreeLevel);
    const codes = ['CMM', 'CPC', 'RHIA', 'CPAM', 'FACHE', 'NHA'];
    const states = ['TX', 'CA', null];
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
    const some = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd(3) === 0);
    let eligibleSeen = 0;
    for (let i = 0; i < 2000; i++) {
      const c = candidate({
        degrees: some(levels).map((level) => ({ level, field: pick(['Nursing', 'health administration']) })),
        experience: Array.from({ length: rnd(3) }, () => ({ startDate: `${2000 + rnd(27)}-0${1 + rnd(9)}-1${rnd(9)}`, endDate: rnd(2) ? null : `${2010 + rnd(17)}-0${1 + rnd(9)}-0${1 + rnd(9)}` })),
        qualifications: some(codes).map((code) => held(code, pick(states), rnd(2) ? null : `202${4 + rnd(4)}-0${1 + rnd(9)}-15`)),
        skills: some(['a', 'b', 'c', 'd']),
      });
      const p = posting({
        minDegree: rnd(3) ? { minLevel: pick(levels), fields: some(['Nursing', 'Health Administration']) } : null,
        minYearsExperience: rnd(12),
        requiredQualificationCodes: some(codes).slice(0, 2),
        preferredQualificationCodes: some(codes),
        skills: some(['A', 'b', 'C', 'e']),
        state: pick(states),
      });
      const r = match(c, p);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.missing.length === 0).toBe(r.eligible);
      expect(r.score > 0.5).toBe(r.eligible);
      expect(r.summary.startsWith(r.eligible ? 'Eligible:' : 'Not eligible:')).toBe(true);
      if (r.eligible) eligibleSeen++;
    }
    expect(eligibleSeen).toBeGreaterThan(50);
  });
});
