import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_YEAR,
  experienceDays,
  experienceDaysFromAnchor,
  experienceGrowthAnchor,
  meetsExperience,
  yearsOfExperience,
} from '../../src/matching/experience.js';
import { epochDayToIso, isoToEpochDay } from '../../src/matching/dates.js';
import type { ExperienceInterval } from '../../src/matching/matching.types.js';

const TODAY = '2026-03-01';
const iv = (startDate: string, endDate: string | null): ExperienceInterval => ({ startDate, endDate });

describe('dates', () => {
  it('round-trips ISO dates through epoch days, including leap days and the epoch', () => {
    expect(isoToEpochDay('1970-01-01')).toBe(0);
    expect(isoToEpochDay('2024-03-01') - isoToEpochDay('2024-02-28')).toBe(2);
    for (const d of ['1999-12-31', '2000-02-29', '2024-02-29', '2026-03-01', '1960-07-15']) {
      expect(epochDayToIso(isoToEpochDay(d))).toBe(d);
    }
  });
  it('agrees with Date.UTC', () => {
    for (const d of ['2001-01-31', '2012-11-05', '2026-12-31']) {
      expect(isoToEpochDay(d)).toBe(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000);
    }
  });
  it('returns NaN for malformed dates', () => {
    expect(isoToEpochDay('2026-3-1')).toBeNaN();
    expect(isoToEpochDay('abcd-ef-gh')).toBeNaN();
  });
});

describe('yearsOfExperience (inclusive end dates, union of intervals, clipped to today)', () => {
  it('counts a closed interval inclusively: 2020-01-01..2020-12-31 is 366 days', () => {
    expect(experienceDays([iv('2020-01-01', '2020-12-31')], TODAY)).toBe(366);
    expect(yearsOfExperience([iv('2020-01-01', '2020-12-31')], TODAY)).toBeCloseTo(366 / DAYS_PER_YEAR, 12);
  });
  it('counts an open interval through today', () => {
    expect(experienceDays([iv('2026-02-01', null)], TODAY)).toBe(29);
    expect(experienceDays([iv(TODAY, null)], TODAY)).toBe(1);
  });
  it('counts overlapping intervals once', () => {
    expect(experienceDays([iv('2020-01-01', '2020-06-30'), iv('2020-04-01', '2020-12-31')], TODAY)).toBe(366);
  });
  it('joins adjacent intervals without a gap and counts a shared day once', () => {
    expect(experienceDays([iv('2020-01-01', '2020-06-30'), iv('2020-07-01', '2020-12-31')], TODAY)).toBe(366);
    expect(experienceDays([iv('2020-01-01', '2020-07-01'), iv('2020-07-01', '2020-12-31')], TODAY)).toBe(366);
  });
  it('ignores nested intervals', () => {
    expect(experienceDays([iv('2018-01-01', '2022-12-31'), iv('2019-01-01', '2019-12-31')], TODAY)).toBe(1826);
    expect(experienceDays([iv('2019-01-01', '2019-12-31'), iv('2018-01-01', '2022-12-31')], TODAY)).toBe(1826);
  });
  it('does not count gaps between intervals', () => {
    expect(experienceDays([iv('2020-01-01', '2020-01-10'), iv('2020-02-01', '2020-02-10')], TODAY)).toBe(20);
  });
  it('gives 0 to intervals that start after today and clips future end dates to today', () => {
    expect(experienceDays([iv('2026-04-01', null)], TODAY)).toBe(0);
    expect(experienceDays([iv('2026-03-02', '2027-01-01')], TODAY)).toBe(0);
    expect(experienceDays([iv('2026-01-01', '2026-12-31')], TODAY)).toBe(60);
  });
  it('gives 0 for no experience and for reversed intervals', () => {
    expect(yearsOfExperience([], TODAY)).toBe(0);
    expect(experienceDays([iv('2020-05-01', '2020-04-01')], TODAY)).toBe(0);
  });
  it('is independent of input order and open intervals win over overlapping closed ones', () => {
    const a = [iv('2010-01-01', '2012-12-31'), iv('2012-06-01', null), iv('2005-05-05', '2006-05-04')];
    const b = [a[2], a[1], a[0]];
    expect(experienceDays(a, TODAY)).toBe(experienceDays(b, TODAY));
    expect(experienceDays(a, TODAY)).toBe(365 + isoToEpochDay(TODAY) - isoToEpochDay('2010-01-01') + 1);
  });
  it('gives five calendar years (start on today five years ago) at least 5 years', () => {
    const exp = [iv('2021-03-01', null)];
    expect(experienceDays(exp, TODAY)).toBe(1827);
    expect(meetsExperience(experienceDays(exp, TODAY), 5)).toBe(true);
    expect(meetsExperience(experienceDays([iv('2021-03-02', null)], TODAY), 5)).toBe(false);
  });
  it('matches a day-by-day count on random interval sets', () => {
    const rand = lcg(7);
    for (let n = 0; n < 300; n++) {
      const list = randomIntervals(rand);
      expect(experienceDays(list, TODAY)).toBe(naiveDays(list, TODAY));
    }
  });
});

describe('experienceGrowthAnchor', () => {
  it('anchors a running job merged with an adjacent earlier one', () => {
    const a = experienceGrowthAnchor(
      [iv('2010-01-01', '2012-12-31'), iv('2015-01-01', '2018-12-31'), iv('2019-01-01', null)],
      TODAY,
    );
    expect(a.openSince).toBe('2015-01-01');
    expect(a.closedDays).toBe(1096);
    expect(a.closedYears).toBeCloseTo(1096 / DAYS_PER_YEAR, 12);
    expect(a.validUntil).toBeNull();
    expect(a.effectiveStartDay).toBe(isoToEpochDay('2015-01-01') - 1 - 1096);
  });
  it('has no open part when nothing covers today, valid until the next future start', () => {
    const a = experienceGrowthAnchor([iv('2010-01-01', '2012-12-31'), iv('2026-06-01', null)], TODAY);
    expect(a.openSince).toBeNull();
    expect(a.effectiveStartDay).toBeNull();
    expect(a.closedDays).toBe(1096);
    expect(a.validUntil).toBe('2026-06-01');
  });
  it('is valid until the day after a running job with a future end date', () => {
    const a = experienceGrowthAnchor([iv('2025-01-01', '2026-06-30')], TODAY);
    expect(a.openSince).toBe('2025-01-01');
    expect(a.validUntil).toBe('2026-07-01');
  });
  it('reproduces experienceDays exactly on every later day until validUntil (random sets)', () => {
    const rand = lcg(11);
    const t = isoToEpochDay(TODAY);
    for (let n = 0; n < 150; n++) {
      const list = randomIntervals(rand);
      const a = experienceGrowthAnchor(list, TODAY);
      const until = a.validUntilDay ?? t + 1500;
      expect(until).toBeGreaterThan(t);
      for (let d = t; d < Math.min(until, t + 1500); d += 7) {
        expect(experienceDaysFromAnchor(a, d)).toBe(experienceDays(list, epochDayToIso(d)));
      }
      // Past validUntil the formula is allowed to differ; a later anchor must be exact again.
      if (a.validUntilDay !== null) {
        const later = epochDayToIso(a.validUntilDay);
        const b = experienceGrowthAnchor(list, later);
        expect(experienceDaysFromAnchor(b, a.validUntilDay)).toBe(experienceDays(list, later));
      }
    }
  });
});

describe('experience union at scale (sort then sweep)', () => {
  it('agrees with a brute-force day set on 5,000 random intervals, for days and the anchor', () => {
    const rand = lcg(23);
    for (let round = 0; round < 3; round++) {
      const list = randomIntervals(rand, 5_000, 4_000);
      expect(experienceDays(list, TODAY)).toBe(naiveDays(list, TODAY));
      expect(experienceGrowthAnchor(list, TODAY)).toEqual(naiveAnchor(list, TODAY));
    }
  });
  it('agrees with the brute-force anchor on many small random sets, including reversed and malformed entries', () => {
    const rand = lcg(31);
    for (let n = 0; n < 400; n++) {
      const list = randomIntervals(rand, 1 + Math.floor(rand() * 8), 3300);
      if (rand() < 0.1) list.push(iv('2020-13-45', null));
      if (rand() < 0.1) list.push(iv('2024-05-01', '2024-04-01'));
      expect(experienceGrowthAnchor(list, TODAY)).toEqual(naiveAnchor(list, TODAY));
      expect(experienceDays(list, TODAY)).toBe(naiveDays(list, TODAY));
    }
  });
});

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomIntervals(rand: () => number, count?: number, spread = 3300): ExperienceInterval[] {
  const base = isoToEpochDay('2018-01-01');
  const out: ExperienceInterval[] = [];
  const n = count ?? Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const s = base + Math.floor(rand() * spread);
    const open = rand() < 0.3;
    const e = s + Math.floor(rand() * 900) - 20;
    out.push(iv(epochDayToIso(s), open ? null : epochDayToIso(e)));
  }
  return out;
}

function naiveDays(list: ExperienceInterval[], today: string): number {
  const t = isoToEpochDay(today);
  const days = new Set<number>();
  for (const i of list) {
    const s = isoToEpochDay(i.startDate);
    const e = i.endDate === null ? t : Math.min(t, isoToEpochDay(i.endDate));
    for (let d = s; d <= e; d++) days.add(d);
  }
  return days.size;
}

/** The anchor read off a day set of the unclipped intervals (open ones run to a far horizon). */
function naiveAnchor(list: ExperienceInterval[], today: string) {
  const t = isoToEpochDay(today);
  const horizon = t + 3_000; // past every closed end the generator makes
  const days = new Set<number>();
  for (const i of list) {
    const s = isoToEpochDay(i.startDate);
    const e = i.endDate === null ? horizon : isoToEpochDay(i.endDate);
    for (let d = s; d <= e; d++) days.add(d);
  }
  const total = naiveDays(list, today);
  if (!days.has(t)) {
    let next: number | null = null;
    for (const d of days) if (d > t && (next === null || d < next)) next = d;
    return {
      closedDays: total,
      closedYears: total / DAYS_PER_YEAR,
      openSince: null,
      openSinceDay: null,
      effectiveStartDay: null,
      validUntil: next === null ? null : epochDayToIso(next),
      validUntilDay: next,
    };
  }
  let lo = t;
  while (days.has(lo - 1)) lo--;
  let hi = t;
  while (days.has(hi) && hi <= horizon) hi++;
  const until = hi > horizon ? null : hi;
  const closedDays = total - (t - lo + 1);
  return {
    closedDays,
    closedYears: closedDays / DAYS_PER_YEAR,
    openSince: epochDayToIso(lo),
    openSinceDay: lo,
    effectiveStartDay: lo - 1 - closedDays,
    validUntil: until === null ? null : epochDayToIso(until),
    validUntilDay: until,
  };
}
