import { describe, expect, it } from 'vitest';
import { CareSetting, DegreeLevel } from '../../src/shared/enums.js';
import type { CatalogQualification, PostingProfile } from '../../src/matching/matching.types.js';
import { postingRequirementSet, relaxationViews, relaxationsOf } from '../../src/matching/talent-supply.js';

const CATALOG: ReadonlyMap<string, CatalogQualification> = new Map([
  ['CMM', { code: 'CMM', stateSpecific: false }],
  ['NHA', { code: 'NHA', stateSpecific: true }],
]);

function posting(over: Partial<PostingProfile>): PostingProfile {
  return {
    id: 'p', minDegree: null, minYearsExperience: 0, requiredQualificationCodes: [], preferredQualificationCodes: [], skills: [],
    state: 'TX', setting: CareSetting.HOSPITAL, postedAt: new Date(0), ...over,
  };
}

const list = (p: PostingProfile) => relaxationsOf(postingRequirementSet(p, CATALOG)).map((r) => `${r.kind} ${r.code ?? '-'} ${r.change}`);

describe('relaxationsOf', () => {
  it('lists every applicable change of every requirement', () => {
    const p = posting({ minDegree: { minLevel: DegreeLevel.MASTER, fields: ['Health Administration'] }, minYearsExperience: 3, requiredQualificationCodes: ['nha', 'CMM'] });
    expect(list(p)).toEqual([
      'DEGREE - DROP', 'DEGREE - ANY_FIELD', 'DEGREE - ONE_LEVEL_LOWER', 'EXPERIENCE - DROP', 'QUALIFICATION NHA DROP', 'QUALIFICATION NHA ANY_STATE', 'QUALIFICATION CMM DROP',
    ]);
    const req = postingRequirementSet(p, CATALOG);
    const [, anyField, lower, , dropNha, anyState] = relaxationsOf(req);
    expect(req.qualifications).toEqual([{ code: 'NHA', state: 'TX' }, { code: 'CMM', state: null }]);
    expect(anyField.requirements.degree).toEqual({ rank: 3, fields: [] });
    expect(lower.requirements.degree).toEqual({ rank: 2, fields: ['health administration'] });
    expect(dropNha.requirements.qualifications).toEqual([{ code: 'CMM', state: null }]);
    expect(anyState.requirements.qualifications).toEqual([{ code: 'NHA', state: null }, { code: 'CMM', state: null }]);
    expect(anyState.requirements.minYears).toBe(3);
  });

  it('has nothing to relax where nothing applies', () => {
    expect(list(posting({}))).toEqual([]);
    // A high-school diploma has no lower level; no fields, no ANY_FIELD; a licence at a posting without a state has no ANY_STATE.
    expect(list(posting({ state: null, minDegree: { minLevel: DegreeLevel.HIGH_SCHOOL, fields: [] }, requiredQualificationCodes: ['NHA'] }))).toEqual([
      'DEGREE - DROP', 'QUALIFICATION NHA DROP',
    ]);
  });
});

describe('relaxationViews', () => {
  it('orders by candidates added, then kind, code and change, and keeps the zeros', () => {
    const req = postingRequirementSet(posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields: ['nursing'] }, minYearsExperience: 2, requiredQualificationCodes: ['NHA', 'CMM'] }), CATALOG);
    const relaxations = relaxationsOf(req); // DEGREE DROP, ANY_FIELD, ONE_LEVEL_LOWER, EXPERIENCE DROP, NHA DROP, NHA ANY_STATE, CMM DROP
    const views = relaxationViews(req, relaxations, 10, [10, 11, 10, 15, 12, 11, 12]);
    expect(views.map((v) => [v.kind, v.code, v.change, v.addedCandidates])).toEqual([
      ['EXPERIENCE', null, 'DROP', 5],
      ['QUALIFICATION', 'CMM', 'DROP', 2],
      ['QUALIFICATION', 'NHA', 'DROP', 2],
      ['DEGREE', null, 'ANY_FIELD', 1],
      ['QUALIFICATION', 'NHA', 'ANY_STATE', 1],
      ['DEGREE', null, 'DROP', 0],
      ['DEGREE', null, 'ONE_LEVEL_LOWER', 0],
    ]);
    expect(views.map((v) => v.detail)).toEqual([
      'Drop the 2 years of experience required: +5 candidates',
      'Accept CMM as preferred instead of required: +2 candidates',
      'Accept NHA as preferred instead of required: +2 candidates',
      "Accept a bachelor's degree in any field: +1 candidate",
      'Accept NHA granted in any state, not only TX: +1 candidate',
      "Drop the degree requirement (a bachelor's degree): +0 candidates",
      "Accept an associate's degree instead of a bachelor's degree: +0 candidates",
    ]);
  });
});
