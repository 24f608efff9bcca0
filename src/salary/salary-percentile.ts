// Where a salary sits among the published wage percentiles (DESIGN §9 "Salary benchmarks"),
// pure. The published points are (p10, 10), (p25, 25), (median, 50), (p75, 75), (p90, 90);
// between two of them the percentile is interpolated linearly. Outside the published range
// nothing is known about the distribution, so DESIGN's rule applies as written: below p10
// the salary is at percentile 0, above p90 at 100 (clamped, not extrapolated). Exactly at
// p10 it is 10 and exactly at p90 it is 90: the jump at the ends is the honest reading of
// "below the 10th percentile".
//
// A percentile BLS does not publish (null) is skipped: interpolation runs between the
// neighbours that are published. Where two published wages are equal (top-coding), a salary
// equal to them gets the highest of their percentiles: it reaches that one too.

export interface WagePercentiles {
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
}

/** Percentile 0..100 of `salary`, rounded to two decimals; null without a salary or any figure. */
export function salaryPercentile(salary: number | null, w: WagePercentiles): number | null {
  if (salary == null || !Number.isFinite(salary)) return null;
  const points: [number, number][] = [];
  for (const [wage, pct] of [
    [w.p10, 10],
    [w.p25, 25],
    [w.median, 50],
    [w.p75, 75],
    [w.p90, 90],
  ] as const) {
    if (wage != null && Number.isFinite(wage)) points.push([wage, pct]);
  }
  if (points.length === 0) return null;
  if (salary < points[0][0]) return 0;
  if (salary > points[points.length - 1][0]) return 100;
  // Highest percentile whose wage the salary reaches, then the segment up to the next one.
  let k = 0;
  while (k + 1 < points.length && points[k + 1][0] <= salary) k++;
  const [wa, pa] = points[k];
  if (salary === wa || k + 1 === points.length) return pa;
  const [wb, pb] = points[k + 1];
  return round2(pa + ((salary - wa) / (wb - wa)) * (pb - pa));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
