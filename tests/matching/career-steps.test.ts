import { describe, expect, it } from 'vitest';
import {
  StepKind,
  additionalYears,
  careerStepView,
  compareSteps,
  medianOf,
  medianOfGroups,
  orderSteps,
  salaryCounts,
  stepsFromGroups,
  type StepCount,
} from '../../src/matching/career-steps.js';

const q = (code: string, state: string | null, unlocks: number): StepCount => ({ change: { kind: StepKind.QUALIFICATION, code, state }, unlocks, medianSalary: null });
const d = (rank: number, field: string | null, unlocks: number): StepCount => ({ change: { kind: StepKind.DEGREE, degreeRank: rank, degreeField: field }, unlocks, medianSalary: null });
const e = (minYears: number, unlocks: number): StepCount => ({ change: { kind: StepKind.EXPERIENCE, minYears }, unlocks, medianSalary: null });

describe('medianOf', () => {
  it('takes the middle value, the rounded mean of the middle two for an even count, null for none', () => {
    expect(medianOf(salaryCounts([90_000, 50_000, 70_000]))).toBe(70_000);
    expect(medianOf(salaryCounts([90_000, 50_000, 70_000, 80_001]))).toBe(75_001); // (70,000 + 80,001) / 2 = 75,000.5 -> up
    expect(medianOf(salaryCounts([]))).toBeNull();
    expect(medianOf([[100, 3], [10, 1]])).toBe(100); // 10 100 100 100
    expect(medianOf([[100, 2], [10, 2]])).toBe(55);
  });
});

describe('stepsFromGroups', () => {
  it('counts a state licence also for postings needing the code in any state, and lists each step once', () => {
    const steps = stepsFromGroups({
      qualifications: [
        { code: 'NHA', state: 'TX', count: 2, salaries: [90, 80] },
        { code: 'NHA', state: null, count: 1, salaries: [85] },
        { code: 'NHA', state: 'NY', count: 1, salaries: [] },
        { code: 'CMM', state: null, count: 4, salaries: [] },
      ],
      degrees: [],
      experience: [],
    });
    expect(steps.map((s) => [s.change, s.unlocks, s.medianSalary])).toEqual([
      [{ kind: 'QUALIFICATION', code: 'NHA', state: 'TX' }, 3, 85],
      [{ kind: 'QUALIFICATION', code: 'NHA', state: null }, 1, 85],
      [{ kind: 'QUALIFICATION', code: 'NHA', state: 'NY' }, 2, 85],
      [{ kind: 'QUALIFICATION', code: 'CMM', state: null }, 4, null],
    ]);
  });

  it('lets a degree meet every lower level and every posting naming no field, but not other fields', () => {
    const steps = stepsFromGroups({
      qualifications: [],
      degrees: [
        { rank: 3, fields: ['health administration', 'nursing'], count: 1, salaries: [100] },
        { rank: 2, fields: [], count: 2, salaries: [50, 60] },
        { rank: 4, fields: [], count: 1, salaries: [200] },
        { rank: 2, fields: ['business'], count: 1, salaries: [] },
      ],
      experience: [],
    });
    const byKey = new Map(steps.map((s) => [s.change.kind === StepKind.DEGREE ? `${s.change.degreeRank}:${s.change.degreeField}` : '', s.unlocks]));
    expect(Object.fromEntries(byKey)).toEqual({
      '3:health administration': 3, // itself and both rank-2 any-field postings
      '3:nursing': 3,
      '2:null': 2,
      '4:null': 3, // rank 4, and the rank-2 ones without a field
      '2:business': 3,
    });
  });

  it('lets more years meet every smaller minimum', () => {
    const steps = stepsFromGroups({
      qualifications: [],
      degrees: [],
      experience: [
        { minYears: 10, count: 1, salaries: [300] },
        { minYears: 4, count: 2, salaries: [100, 200] },
        { minYears: 5, count: 1, salaries: [] },
      ],
    });
    expect(steps.map((s) => [s.change, s.unlocks, s.medianSalary])).toEqual([
      [{ kind: 'EXPERIENCE', minYears: 4 }, 2, 150],
      [{ kind: 'EXPERIENCE', minYears: 5 }, 3, 150],
      [{ kind: 'EXPERIENCE', minYears: 10 }, 4, 200],
    ]);
  });

  it('leaves out groups that count nothing', () => {
    expect(stepsFromGroups({ qualifications: [{ code: 'X', state: null, count: 0, salaries: [] }], degrees: [], experience: [] })).toEqual([]);
  });
});

describe('step order', () => {
  it('is unlocks desc, then kind, then the smaller change, then code / field / state with null first', () => {
    const shuffled = [e(3, 2), d(3, 'nursing', 2), q('NHA', 'TX', 2), q('CMM', null, 1), d(2, 'zoology', 2), q('NHA', null, 2), d(3, null, 2), e(2, 2), q('AAA', null, 5)];
    expect(orderSteps(shuffled, 100)).toEqual([
      q('AAA', null, 5),
      q('NHA', null, 2),
      q('NHA', 'TX', 2),
      d(2, 'zoology', 2),
      d(3, null, 2),
      d(3, 'nursing', 2),
      e(2, 2),
      e(3, 2),
      q('CMM', null, 1),
    ]);
    expect(orderSteps(shuffled, 2)).toHaveLength(2);
    expect(compareSteps(q('A', null, 1), q('A', null, 1))).toBe(0);
  });
});

describe('careerStepView', () => {
  it('words each kind as the contract shows, with years rounded up to hundredths', () => {
    expect(careerStepView({ ...q('CMM', null, 14), medianSalary: 90_000 }, 0)).toEqual({
      kind: 'QUALIFICATION', code: 'CMM', state: null, degreeLevel: null, degreeField: null, years: null, unlocks: 14, medianSalary: 90_000,
      detail: 'Earn CMM: 14 more postings',
    });
    expect(careerStepView(q('NHA', 'TX', 6), 0).detail).toBe('NHA licence in TX: 6 more postings');
    expect(careerStepView(d(3, 'health administration', 1), 0)).toMatchObject({
      degreeLevel: 'MASTER', degreeField: 'health administration', detail: "A master's degree in health administration: 1 more posting",
    });
    expect(careerStepView(d(4, null, 2), 0).detail).toBe('A doctorate in any field: 2 more postings');
    expect(careerStepView(e(5, 3), 3.0007)).toMatchObject({ years: 2, detail: '2 more years of experience: 3 more postings' });
    expect(careerStepView(e(5, 1), 4.001).years).toBe(1);
    expect(careerStepView(e(5, 1), 4.5).detail).toBe('0.5 more years of experience: 1 more posting');
  });

  it('never rounds the years needed down', () => {
    expect(additionalYears(5, 4.996)).toBe(0.01);
    expect(additionalYears(5, 4.99)).toBe(0.01);
    expect(additionalYears(2, 0)).toBe(2);
    expect(additionalYears(1, 0.333)).toBe(0.67);
  });
});

describe('medianOfGroups', () => {
  it('equals the counted median on random groups, odd and even sizes, with repeats', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const groups = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({
        salaries: Array.from({ length: Math.floor(rnd() * 9) }, () => 40_000 + 1_000 * Math.floor(rnd() * 20) + (rnd() < 0.3 ? 1 : 0)),
      }));
      expect(medianOfGroups(groups)).toBe(medianOf(salaryCounts(groups.flatMap((g) => g.salaries))));
    }
    expect(medianOfGroups([{ salaries: [] }])).toBeNull();
  });
});
