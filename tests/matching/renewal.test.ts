// DESIGN §9 "Renewal" at its boundaries: due today / yesterday, CE exactly at the window's
// open end (excluded) and at dueOn (included), month-end arithmetic, per-state rules.
import { describe, expect, it } from 'vitest';
import { addMonths, dueDate, renewalRuleFor, renewalStatus, type HeldForRenewal } from '../../src/matching/renewal.js';

const CMM = { renewalMonths: 24, continuingEducationHours: 24 };
const held = (over: Partial<HeldForRenewal>): HeldForRenewal => ({
  earnedOn: null,
  expiresOn: null,
  state: null,
  continuingEducation: [],
  ...over,
});

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2025-03-15', 24)).toBe('2027-03-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
  it('clamps to the end of a shorter month (Jan 31 + 1 month)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });
  it('goes backwards with the same rule and across year ends', () => {
    expect(addMonths('2025-02-28', -1)).toBe('2025-01-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2026-01-15', -24)).toBe('2024-01-15');
    expect(addMonths('2025-12-31', 1)).toBe('2026-01-31');
  });
});

describe('dueDate', () => {
  it('is expiresOn when set, else earnedOn + renewalMonths, else null', () => {
    expect(dueDate({ earnedOn: '2024-01-10', expiresOn: '2025-06-30' }, CMM)).toBe('2025-06-30');
    expect(dueDate({ earnedOn: '2024-01-10', expiresOn: null }, CMM)).toBe('2026-01-10');
    expect(dueDate({ earnedOn: '2024-01-10', expiresOn: null }, { renewalMonths: null, continuingEducationHours: 30 })).toBeNull();
    expect(dueDate({ earnedOn: null, expiresOn: null }, CMM)).toBeNull();
  });
});

describe('renewalStatus', () => {
  const today = '2026-03-01';

  it('NOT_RENEWABLE without a due date; its hoursEarned counts every entry', () => {
    const r = renewalStatus(held({ continuingEducation: [{ date: '2020-01-01', hours: 2 }, { date: '2025-01-01', hours: 3.5 }] }), CMM, today);
    expect(r).toEqual({ dueOn: null, hoursRequired: 24, hoursEarned: 5.5, state: 'NOT_RENEWABLE' });
  });

  it('due today is not lapsed; due yesterday is', () => {
    const enough = [{ date: '2025-06-01', hours: 24 }];
    expect(renewalStatus(held({ expiresOn: today, continuingEducation: enough }), CMM, today).state).toBe('ON_TRACK');
    expect(renewalStatus(held({ expiresOn: '2026-02-28', continuingEducation: enough }), CMM, today).state).toBe('LAPSED');
    // Lapsed wins over hours: a lapsed credential with all its hours is still lapsed.
    expect(renewalStatus(held({ expiresOn: '2026-02-28', continuingEducation: enough }), CMM, today).hoursEarned).toBe(24);
  });

  it('counts CE in (dueOn - renewalMonths, dueOn]: the open end is excluded, dueOn included', () => {
    // due 2027-01-31, window (2025-01-31, 2027-01-31]
    const h = held({
      earnedOn: '2025-01-31',
      continuingEducation: [
        { date: '2025-01-31', hours: 10 }, // the window's open end: excluded
        { date: '2025-02-01', hours: 4 }, // first day inside
        { date: '2027-01-31', hours: 20 }, // dueOn: included
        { date: '2027-02-01', hours: 50 }, // after dueOn: excluded
      ],
    });
    expect(renewalStatus(h, CMM, today)).toEqual({ dueOn: '2027-01-31', hoursRequired: 24, hoursEarned: 24, state: 'ON_TRACK' });
  });

  it('AT_RISK one hour short, ON_TRACK at exactly the required hours', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ date: '2025-06-01', hours: i === 0 ? 1.5 : 0.5 }));
    // 1.5 + 44 x 0.5 = 23.5 -> short; 1.5 + 45 x 0.5 = 24 -> enough
    expect(renewalStatus(held({ expiresOn: '2026-12-31', continuingEducation: entries(45) }), CMM, today)).toMatchObject({
      hoursEarned: 23.5,
      state: 'AT_RISK',
    });
    expect(renewalStatus(held({ expiresOn: '2026-12-31', continuingEducation: entries(46) }), CMM, today)).toMatchObject({
      hoursEarned: 24,
      state: 'ON_TRACK',
    });
  });

  it('adds fractional hours without floating-point drift', () => {
    const tenths = Array.from({ length: 30 }, () => ({ date: '2025-06-01', hours: 0.1 }));
    const r = renewalStatus(held({ expiresOn: '2026-12-31', continuingEducation: tenths }), { renewalMonths: 24, continuingEducationHours: 3 }, today);
    expect(r.hoursEarned).toBe(3);
    expect(r.state).toBe('ON_TRACK');
  });

  it('ON_TRACK when the catalog requires no hours (renewal by exam)', () => {
    const r = renewalStatus(held({ earnedOn: '2025-01-01' }), { renewalMonths: 24, continuingEducationHours: null }, today);
    expect(r).toEqual({ dueOn: '2027-01-01', hoursRequired: null, hoursEarned: 0, state: 'ON_TRACK' });
  });

  it('without renewalMonths counts every entry up to dueOn', () => {
    const h = held({ expiresOn: '2026-06-30', continuingEducation: [{ date: '2010-01-01', hours: 5 }, { date: '2026-06-30', hours: 1 }, { date: '2026-07-01', hours: 9 }] });
    expect(renewalStatus(h, { renewalMonths: null, continuingEducationHours: 10 }, today)).toEqual({
      dueOn: '2026-06-30',
      hoursRequired: 10,
      hoursEarned: 6,
      state: 'AT_RISK',
    });
  });
});

describe('renewalRuleFor', () => {
  const NHA = {
    renewalMonths: null,
    continuingEducationHours: null,
    renewalByState: [
      { state: 'TN', renewalMonths: 12, continuingEducationHours: 18 },
      { state: 'LA', renewalMonths: 36, continuingEducationHours: 60 },
    ],
  };
  it("uses the holding's state rule, else the entry's own", () => {
    expect(renewalRuleFor(NHA, 'tn')).toEqual({ renewalMonths: 12, continuingEducationHours: 18 });
    expect(renewalRuleFor(NHA, 'CA')).toEqual({ renewalMonths: null, continuingEducationHours: null });
    expect(renewalRuleFor(CMM, null)).toEqual(CMM);
    expect(renewalRuleFor(undefined, 'TX')).toEqual({ renewalMonths: null, continuingEducationHours: null });
  });
  it('a TN licence earned 2025-05-31 is due 2026-05-31 and needs 18 hours in that year', () => {
    const h = held({ earnedOn: '2025-05-31', state: 'TN', continuingEducation: [{ date: '2025-05-31', hours: 18 }, { date: '2026-01-10', hours: 12 }] });
    expect(renewalStatus(h, renewalRuleFor(NHA, 'TN'), '2026-03-01')).toEqual({ dueOn: '2026-05-31', hoursRequired: 18, hoursEarned: 12, state: 'AT_RISK' });
  });
});
