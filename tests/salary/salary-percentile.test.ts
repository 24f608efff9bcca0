// salaryPercentile: linear between the published percentiles, 0 below p10, 100 above p90,
// with exact numbers worked by hand.
import { describe, expect, it } from 'vitest';
import { salaryPercentile } from '../../src/salary/salary-percentile.js';

// National figures of SOC 11-9111, BLS OEWS May 2025 (seeds/oews/oews-11-9111.json).
const NATIONAL = { p10: 73_390, p25: 94_700, median: 123_860, p75: 166_100, p90: 224_340 };
const ROUND = { p10: 50_000, p25: 60_000, median: 80_000, p75: 100_000, p90: 140_000 };

describe('salaryPercentile', () => {
  it('is the percentile itself at each published wage', () => {
    expect(salaryPercentile(50_000, ROUND)).toBe(10);
    expect(salaryPercentile(60_000, ROUND)).toBe(25);
    expect(salaryPercentile(80_000, ROUND)).toBe(50);
    expect(salaryPercentile(100_000, ROUND)).toBe(75);
    expect(salaryPercentile(140_000, ROUND)).toBe(90);
  });

  it('interpolates linearly inside each segment', () => {
    expect(salaryPercentile(55_000, ROUND)).toBe(17.5); // 10 + 0.5 x 15
    expect(salaryPercentile(70_000, ROUND)).toBe(37.5); // 25 + 0.5 x 25
    expect(salaryPercentile(85_000, ROUND)).toBe(56.25); // 50 + 0.25 x 25
    expect(salaryPercentile(130_000, ROUND)).toBe(86.25); // 75 + 0.75 x 15
    // 25 + (100,000 - 94,700) / (123,860 - 94,700) x 25 = 25 + 5,300 / 29,160 x 25 = 29.5439...
    expect(salaryPercentile(100_000, NATIONAL)).toBe(29.54);
    // 50 + (150,000 - 123,860) / (166,100 - 123,860) x 25 = 50 + 26,140 / 42,240 x 25 = 65.4711...
    expect(salaryPercentile(150_000, NATIONAL)).toBe(65.47);
  });

  it('is 0 below p10 and 100 above p90 (clamped, not extrapolated)', () => {
    expect(salaryPercentile(49_999, ROUND)).toBe(0);
    expect(salaryPercentile(0, ROUND)).toBe(0);
    expect(salaryPercentile(140_001, ROUND)).toBe(100);
    expect(salaryPercentile(10_000_000, NATIONAL)).toBe(100);
  });

  it('skips unpublished percentiles and is null without a salary or any figure', () => {
    const noMedian = { ...ROUND, median: null };
    expect(salaryPercentile(80_000, noMedian)).toBe(50); // 25 + 20,000 / 40,000 x 50
    const noP90 = { ...ROUND, p90: null };
    expect(salaryPercentile(100_000, noP90)).toBe(75);
    expect(salaryPercentile(100_001, noP90)).toBe(100);
    expect(salaryPercentile(null, ROUND)).toBeNull();
    expect(salaryPercentile(90_000, { p10: null, p25: null, median: null, p75: null, p90: null })).toBeNull();
  });

  it('gives the highest percentile a salary reaches when published wages are equal (top-coded)', () => {
    const topCoded = { p10: 100_000, p25: 150_000, median: 239_200, p75: 239_200, p90: 239_200 };
    expect(salaryPercentile(239_200, topCoded)).toBe(90);
    expect(salaryPercentile(194_600, topCoded)).toBe(37.5); // 25 + 44,600 / 89,200 x 25
  });
});
