import { describe, expect, it } from 'vitest';
import { DegreeLevel, RequirementKind } from '../../src/shared/enums.js';
import { evaluateEligibility } from '../../src/matching/eligibility.js';
import { isQualificationCurrent } from '../../src/matching/qualifications.js';
import { CATALOG, TODAY, candidate, posting, yearsUpToToday } from './fixtures.js';

const MHA_OR_MBA = { minLevel: DegreeLevel.MASTER, fields: ['Health Administration', 'Business Administration'] };

describe('degree rule', () => {
  it('passes when there is no minDegree, even with no degrees', () => {
    const r = evaluateEligibility(candidate({ degrees: [] }), posting({ minDegree: null }), CATALOG, TODAY);
    expect(r.eligible).toBe(true);
    expect(r.missing).toEqual([]);
  });
  it('passes at or above the level with any field when fields are empty', () => {
    for (const level of [DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.DOCTORATE]) {
      const c = candidate({ degrees: [{ level, field: 'Nursing' }] });
      const r = evaluateEligibility(c, posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] } }), CATALOG, TODAY);
      expect(r.eligible).toBe(true);
    }
  });
  it('fails below the level, with a detail naming requirement and highest degree held', () => {
    const c = candidate({ degrees: [{ level: DegreeLevel.BACHELOR, field: 'Nursing' }] });
    const r = evaluateEligibility(c, posting({ minDegree: MHA_OR_MBA }), CATALOG, TODAY);
    expect(r.eligible).toBe(false);
    expect(r.missing).toEqual([
      {
        kind: RequirementKind.DEGREE,
        code: null,
        detail:
          "Requires a master's degree in Health Administration or Business Administration; highest held: bachelor's in Nursing",
      },
    ]);
  });
  it('compares fields case-insensitively and trimmed', () => {
    const c = candidate({ degrees: [{ level: DegreeLevel.MASTER, field: '  business ADMINISTRATION ' }] });
    expect(evaluateEligibility(c, posting({ minDegree: MHA_OR_MBA }), CATALOG, TODAY).eligible).toBe(true);
    const p = posting({ minDegree: { minLevel: DegreeLevel.MASTER, fields: [' HEALTH administration  '] } });
    const c2 = candidate({ degrees: [{ level: DegreeLevel.MASTER, field: 'Health Administration' }] });
    expect(evaluateEligibility(c2, p, CATALOG, TODAY).eligible).toBe(true);
  });
  it('needs level AND field on the same degree', () => {
    // Master's in the wrong field plus a bachelor's in the right one does not make a master's in the right one.
    const degrees = [
      { level: DegreeLevel.MASTER, field: 'Nursing' },
      { level: DegreeLevel.BACHELOR, field: 'Health Administration' },
    ];
    for (const order of [degrees, [...degrees].reverse()]) {
      const r = evaluateEligibility(candidate({ degrees: order }), posting({ minDegree: MHA_OR_MBA }), CATALOG, TODAY);
      expect(r.eligible).toBe(false);
      expect(r.missing).toHaveLength(1);
      expect(r.missing[0].detail).toContain("highest held: master's in Nursing");
      expect(r.missing[0].detail).toContain("best in a listed field: bachelor's in Health Administration");
    }
  });
  it('says "none" when the candidate holds no degree', () => {
    const r = evaluateEligibility(
      candidate({ degrees: [] }),
      posting({ minDegree: { minLevel: DegreeLevel.ASSOCIATE, fields: [] } }),
      CATALOG,
      TODAY,
    );
    expect(r.missing[0].detail).toBe("Requires an associate's degree; highest held: none");
  });
});

describe('experience rule', () => {
  it('passes at exactly the required calendar years and fails just below', () => {
    expect(evaluateEligibility(candidate({ experience: yearsUpToToday(5) }), posting({ minYearsExperience: 5 }), CATALOG, TODAY).eligible).toBe(true);
    const short = candidate({ experience: [{ startDate: '2021-03-02', endDate: null }] });
    expect(evaluateEligibility(short, posting({ minYearsExperience: 5 }), CATALOG, TODAY).eligible).toBe(false);
  });
  it('uses the union of intervals, not their sum', () => {
    const overlapping = candidate({
      experience: [
        { startDate: '2020-01-01', endDate: '2022-12-31' },
        { startDate: '2021-01-01', endDate: '2023-12-31' },
      ],
    });
    // Sum would be 6 years, union is 4.
    const r = evaluateEligibility(overlapping, posting({ minYearsExperience: 5 }), CATALOG, TODAY);
    expect(r.missing).toEqual([
      { kind: RequirementKind.EXPERIENCE, code: null, detail: 'Requires 5 years of experience; has 4.0' },
    ]);
  });
  it('rounds the held years down in the detail', () => {
    // 3 years + a few days short of 3.3
    const c = candidate({ experience: [{ startDate: '2022-12-01', endDate: null }] });
    const r = evaluateEligibility(c, posting({ minYearsExperience: 5 }), CATALOG, TODAY);
    expect(r.missing[0].detail).toBe('Requires 5 years of experience; has 3.2');
  });
  it('does not count future positions', () => {
    const c = candidate({ experience: [{ startDate: '2026-04-01', endDate: null }] });
    const r = evaluateEligibility(c, posting({ minYearsExperience: 1 }), CATALOG, TODAY);
    expect(r.missing[0].detail).toBe('Requires 1 year of experience; has 0.0');
  });
  it('treats minYearsExperience 0 as no requirement', () => {
    const r = evaluateEligibility(candidate({ experience: [] }), posting({ minYearsExperience: 0 }), CATALOG, TODAY);
    expect(r.eligible).toBe(true);
    expect(r.requirementCount).toBe(0);
  });
});

describe('isQualificationCurrent', () => {
  it('is current with no expiry, expiring today or later; not current after expiry', () => {
    expect(isQualificationCurrent({ expiresOn: null }, TODAY)).toBe(true);
    expect(isQualificationCurrent({ expiresOn: TODAY }, TODAY)).toBe(true);
    expect(isQualificationCurrent({ expiresOn: '2026-03-02' }, TODAY)).toBe(true);
    expect(isQualificationCurrent({ expiresOn: '2026-02-28' }, TODAY)).toBe(false);
  });
});

describe('qualification rule', () => {
  const req = (codes: string[], state: string | null = 'TX') => posting({ requiredQualificationCodes: codes, state });

  it('reports a code not held', () => {
    const r = evaluateEligibility(candidate(), req(['CPC']), CATALOG, TODAY);
    expect(r.missing).toEqual([{ kind: RequirementKind.QUALIFICATION, code: 'CPC', detail: 'CPC not held' }]);
  });
  it('reports an expired code with its expiry date', () => {
    const c = candidate({ qualifications: [{ code: 'CMM', expiresOn: '2025-01-31', state: null }] });
    const r = evaluateEligibility(c, req(['CMM']), CATALOG, TODAY);
    expect(r.missing).toEqual([{ kind: RequirementKind.QUALIFICATION, code: 'CMM', detail: 'CMM expired on 2025-01-31' }]);
  });
  it('accepts a code expiring today and one not yet expired', () => {
    for (const expiresOn of [TODAY, '2027-01-01', null]) {
      const c = candidate({ qualifications: [{ code: 'CMM', expiresOn, state: null }] });
      const r = evaluateEligibility(c, req(['CMM']), CATALOG, TODAY);
      expect(r.eligible).toBe(true);
      expect(r.matchedRequiredCodes).toEqual(['CMM']);
    }
  });
  it('reports a state-specific licence granted in another state', () => {
    const c = candidate({ qualifications: [{ code: 'NHA', expiresOn: null, state: 'CA' }] });
    const r = evaluateEligibility(c, req(['NHA'], 'TX'), CATALOG, TODAY);
    expect(r.missing).toEqual([
      { kind: RequirementKind.QUALIFICATION, code: 'NHA', detail: 'NHA licence held in CA, posting is in TX' },
    ]);
  });
  it('accepts the right state among several holdings, whatever their order', () => {
    const holdings = [
      { code: 'NHA', expiresOn: null, state: 'CA' },
      { code: 'NHA', expiresOn: null, state: 'tx ' },
    ];
    for (const qualifications of [holdings, [...holdings].reverse()]) {
      const r = evaluateEligibility(candidate({ qualifications }), req(['NHA'], 'TX'), CATALOG, TODAY);
      expect(r.eligible).toBe(true);
    }
  });
  it('rejects an expired holding in the right state even with a current one elsewhere, naming the expiry', () => {
    const c = candidate({
      qualifications: [
        { code: 'NHA', expiresOn: null, state: 'CA' },
        { code: 'NHA', expiresOn: '2025-06-30', state: 'TX' },
      ],
    });
    const r = evaluateEligibility(c, req(['NHA'], 'TX'), CATALOG, TODAY);
    expect(r.missing).toEqual([{ kind: RequirementKind.QUALIFICATION, code: 'NHA', detail: 'NHA expired on 2025-06-30' }]);
  });
  it('names expiry and state when the only holdings are expired elsewhere', () => {
    const c = candidate({
      qualifications: [
        { code: 'NHA', expiresOn: '2024-01-31', state: 'FL' },
        { code: 'NHA', expiresOn: '2025-01-31', state: 'CA' },
      ],
    });
    const r = evaluateEligibility(c, req(['NHA'], 'TX'), CATALOG, TODAY);
    expect(r.missing[0].detail).toBe('NHA licence held in CA and FL expired on 2025-01-31, posting is in TX');
  });
  it('skips the state check for a state-specific code when the posting has no state', () => {
    const c = candidate({ qualifications: [{ code: 'NHA', expiresOn: null, state: 'CA' }] });
    expect(evaluateEligibility(c, req(['NHA'], null), CATALOG, TODAY).eligible).toBe(true);
  });
  it('never checks the state of a code that is not state-specific', () => {
    const c = candidate({ qualifications: [{ code: 'CMM', expiresOn: null, state: 'CA' }] });
    expect(evaluateEligibility(c, req(['CMM'], 'TX'), CATALOG, TODAY).eligible).toBe(true);
  });
  it('compares codes case-insensitively', () => {
    const c = candidate({ qualifications: [{ code: 'cmm', expiresOn: null, state: null }] });
    expect(evaluateEligibility(c, req([' CMM']), CATALOG, TODAY).matchedRequiredCodes).toEqual(['CMM']);
  });
});

describe('missing list', () => {
  it('has exactly one entry per unmet requirement, in rule order, and none for met ones', () => {
    const c = candidate({
      degrees: [{ level: DegreeLevel.ASSOCIATE, field: 'Nursing' }],
      experience: yearsUpToToday(2),
      qualifications: [
        { code: 'CMM', expiresOn: '2025-01-31', state: null },
        { code: 'CMM', expiresOn: '2024-01-31', state: null },
        { code: 'RHIA', expiresOn: null, state: null },
      ],
    });
    const p = posting({
      minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
      minYearsExperience: 3,
      requiredQualificationCodes: ['CMM', 'RHIA', 'CPC', 'CMM'],
    });
    const r = evaluateEligibility(c, p, CATALOG, TODAY);
    expect(r.eligible).toBe(false);
    expect(r.missing.map((m) => [m.kind, m.code])).toEqual([
      [RequirementKind.DEGREE, null],
      [RequirementKind.EXPERIENCE, null],
      [RequirementKind.QUALIFICATION, 'CMM'],
      [RequirementKind.QUALIFICATION, 'CPC'],
    ]);
    expect(r.missing[2].detail).toBe('CMM expired on 2025-01-31');
    expect(r.matchedRequiredCodes).toEqual(['RHIA']);
    expect(r.requirementCount).toBe(5);
  });
  it('is empty exactly when eligible', () => {
    const p = posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] }, minYearsExperience: 3, requiredQualificationCodes: ['CMM'] });
    const variants = [
      candidate({ experience: yearsUpToToday(4), qualifications: [{ code: 'CMM', expiresOn: null, state: null }] }),
      candidate({ experience: yearsUpToToday(2), qualifications: [{ code: 'CMM', expiresOn: null, state: null }] }),
      candidate({ experience: yearsUpToToday(4) }),
      candidate({ degrees: [], experience: [] }),
    ];
    const results = variants.map((c) => evaluateEligibility(c, p, CATALOG, TODAY));
    expect(results.map((r) => r.eligible)).toEqual([true, false, false, false]);
    for (const r of results) expect(r.missing.length === 0).toBe(r.eligible);
  });
});
