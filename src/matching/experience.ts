// Years of experience = length of the union of the candidate's experience intervals up to
// today, in years of 365.25 days (DESIGN §5 rule 2).
//
// Day convention: both dates are INCLUSIVE calendar days, as a résumé states them: a job
// from 2020-01-01 to 2020-12-31 is 366 days, a current job (endDate null) counts through
// today, a job that starts today counts 1 day, one that starts after today counts 0. Internally
// an interval is the half-open day range [start, end + 1), so adjacent jobs (one ends 06-30,
// the next starts 07-01) join without a gap and a shared day is counted once.
//
// Everything here is allocation-free: the union is computed by a sweep that repeatedly picks
// the next uncovered start (O(n²) for n intervals, n is a handful per candidate) instead of
// sorting a copy.
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
 * Length in days of the union of the intervals clipped to [.., today] (inclusive).
 * Malformed or reversed intervals contribute nothing.
 */
export function experienceDays(intervals: readonly ExperienceInterval[], today: IsoDate): number {
  const limit = isoToEpochDay(today) + 1;
  let reach = -Infinity;
  let total = 0;
  for (;;) {
    // Among intervals still extending past `reach`, the one whose uncovered part starts first.
    let bestStart = Infinity;
    let bestEnd = -Infinity;
    for (let k = 0; k < intervals.length; k++) {
      const iv = intervals[k];
      const e = Math.min(endDayExclusive(iv), limit);
      if (!(e > reach)) continue;
      const s = Math.max(startDay(iv), reach);
      if (!(s < e)) continue;
      if (s < bestStart || (s === bestStart && e > bestEnd)) {
        bestStart = s;
        bestEnd = e;
      }
    }
    if (bestStart === Infinity) return total;
    total += bestEnd - bestStart;
    reach = bestEnd;
  }
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

  // Extend forward from today through overlapping/adjacent intervals (unclipped).
  let reach = todayDay;
  let covered = false;
  for (;;) {
    let next = reach;
    for (const iv of intervals) {
      const s = startDay(iv);
      const e = endDayExclusive(iv);
      if (s <= reach && e > reach && e > next) next = e;
    }
    if (next === reach) break;
    if (reach === todayDay) covered = true;
    reach = next;
    if (reach === Infinity) break;
  }

  if (!covered) {
    let nextStart = Infinity;
    for (const iv of intervals) {
      const s = startDay(iv);
      if (s > todayDay && s < nextStart && endDayExclusive(iv) > s) nextStart = s;
    }
    const until = nextStart === Infinity ? null : nextStart;
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

  // Extend backward from today to the first day of the covering run.
  let lo = todayDay;
  for (;;) {
    let prev = lo;
    for (const iv of intervals) {
      const s = startDay(iv);
      const e = endDayExclusive(iv);
      if (s < lo && e >= lo && s < prev) prev = s;
    }
    if (prev === lo) break;
    lo = prev;
  }
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
