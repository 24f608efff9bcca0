// Years of experience = length of the union of the candidate's experience intervals up to
// today, in years of 365.25 days (DESIGN §5 rule 2).
//
// Day convention: both dates are INCLUSIVE calendar days, as a résumé states them: a job
// from 2020-01-01 to 2020-12-31 is 366 days, a current job (endDate null) counts through
// today, a job that starts today counts 1 day, one that starts after today counts 0. Internally
// an interval is the half-open day range [start, end + 1), so adjacent jobs (one ends 06-30,
// the next starts 07-01) join without a gap and a shared day is counted once.
//
// The union is computed by sorting the intervals by start and sweeping once (O(n log n)):
// request data decides n, so nothing here may be quadratic in it (DESIGN §10).
import type { ExperienceInterval, IsoDate } from './matching.types.js';
import { epochDayToIso, isoToEpochDay } from './dates.js';

export const DAYS_PER_YEAR = 365.25;

function startDay(i: ExperienceInterval): number {
  return isoToEpochDay(i.startDate);
}

/** Exclusive end day of an interval, open intervals run to +Infinity. */
function endDayExclusive(i: ExperienceInterval): number {
  return i.endDate == null ? Infinity : isoToEpochDay(i.endDate) + 1;
}

/**
 * The union of the intervals as disjoint runs [start, end) of days, sorted, with overlapping
 * and adjacent intervals joined (a run's end is exclusive, so [a, b) and [b, c) join).
 * Unclipped: open intervals end at +Infinity. Malformed or reversed intervals are left out.
 */
export function experienceRuns(intervals: readonly ExperienceInterval[]): { starts: number[]; ends: number[] } {
  const spans: [number, number][] = [];
  for (const iv of intervals) {
    const s = startDay(iv);
    const e = endDayExclusive(iv);
    if (s < e) spans.push([s, e]); // false for NaN (malformed) and for reversed intervals
  }
  spans.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of spans) {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]) {
      if (e > ends[last]) ends[last] = e;
    } else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts, ends };
}

/**
 * Length in days of the union of the intervals clipped to [.., today] (inclusive).
 * Malformed or reversed intervals contribute nothing.
 */
export function experienceDays(intervals: readonly ExperienceInterval[], today: IsoDate): number {
  const limit = isoToEpochDay(today) + 1;
  const { starts, ends } = experienceRuns(intervals);
  let total = 0;
  for (let k = 0; k < starts.length && starts[k] < limit; k++) total += Math.min(ends[k], limit) - starts[k];
  return total;
}

/** DESIGN §5 rule 2's yearsOfExperience. */
export function yearsOfExperience(intervals: readonly ExperienceInterval[], today: IsoDate): number {
  return experienceDays(intervals, today) / DAYS_PER_YEAR;
}

/**
 * The experience rule, compared in days so that a search index storing day counts
 * (see experienceGrowthAnchor) decides exactly like the exact path: use this expression,
 * `days >= minYears * DAYS_PER_YEAR`, everywhere.
 */
export function meetsExperience(days: number, minYears: number): boolean {
  return days >= minYears * DAYS_PER_YEAR;
}

/**
 * What a search index stores to evaluate years(d) on later days d >= today without the
 * intervals. With D(d) = experienceDays(intervals, d):
 *
 *   openSinceDay !== null:  D(d) = closedDays + (d - openSinceDay + 1) = d - effectiveStartDay
 *   openSinceDay === null:  D(d) = closedDays
 *
 * exact for every day d with todayDay <= d < validUntilDay (validUntilDay null: forever).
 * openSince is the first day of the run of continuous experience that covers today (typically
 * the current job, merged with anything overlapping or adjacent to it); closedDays is all
 * experience before that run. validUntilDay is when the formula may stop holding: the end of
 * the covering run if it has a finite end date, or the next future start when today is not
 * covered. An index re-derives the anchor after that day (or on the candidate's next write).
 *
 * So "years(d) >= m" is `d - effectiveStartDay >= m * 365.25` while running, a single stored
 * number per candidate, or `closedDays >= m * 365.25` otherwise.
 */
export interface ExperienceGrowthAnchor {
  closedDays: number;
  closedYears: number;
  openSince: IsoDate | null;
  openSinceDay: number | null;
  /** openSinceDay - 1 - closedDays: the day a single unbroken career would have started. */
  effectiveStartDay: number | null;
  validUntil: IsoDate | null;
  validUntilDay: number | null;
}

export function experienceGrowthAnchor(
  intervals: readonly ExperienceInterval[],
  today: IsoDate,
): ExperienceGrowthAnchor {
  const todayDay = isoToEpochDay(today);
  const total = experienceDays(intervals, today);

  // The run (overlapping/adjacent intervals joined, unclipped) that covers today, if any.
  const { starts, ends } = experienceRuns(intervals);
  let k = 0;
  while (k < starts.length && ends[k] <= todayDay) k++;
  const covered = k < starts.length && starts[k] <= todayDay;

  if (!covered) {
    // Runs after today start in order; the first one is the next future start.
    const until = k < starts.length ? starts[k] : null;
    return {
      closedDays: total,
      closedYears: total / DAYS_PER_YEAR,
      openSince: null,
      openSinceDay: null,
      effectiveStartDay: null,
      validUntil: until === null ? null : epochDayToIso(until),
      validUntilDay: until,
    };
  }

  const lo = starts[k];
  const reach = ends[k];
  const closedDays = total - (todayDay - lo + 1);
  const until = reach === Infinity ? null : reach;
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

/** experienceDays on day `day` (>= the anchor's today and < validUntilDay) from an anchor. */
export function experienceDaysFromAnchor(anchor: ExperienceGrowthAnchor, day: number): number {
  return anchor.effectiveStartDay === null ? anchor.closedDays : day - anchor.effectiveStartDay;
}
