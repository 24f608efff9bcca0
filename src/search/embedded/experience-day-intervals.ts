// A candidate's experience as sorted day intervals, and their union up to a day: the exact
// fallback of the embedded candidate store outside its growth anchor (embedded-candidates.ts).
import type { ExperienceInterval } from '../../matching/matching.types.js';
import { isoToEpochDay } from '../../matching/dates.js';

/**
 * The same inclusive-day convention as the matching module's experienceDays (experience.ts):
 * a position covers [start, end + 1); malformed or reversed ones cover nothing.
 */
export function dayIntervals(experience: readonly ExperienceInterval[]): Float64Array {
  const pairs: [number, number][] = [];
  for (const e of experience) {
    const s = isoToEpochDay(e.startDate);
    const end = e.endDate == null ? Infinity : isoToEpochDay(e.endDate) + 1;
    if (s < end) pairs.push([s, end]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return Float64Array.from(pairs.flat());
}

/** Length of the union of the intervals up to and including `day` (a sweep over sorted starts). */
export function unionDaysOn(intervals: Float64Array, day: number): number {
  const limit = day + 1;
  let reach = -Infinity;
  let total = 0;
  for (let i = 0; i < intervals.length; i += 2) {
    const s = Math.max(intervals[i], reach);
    const e = Math.min(intervals[i + 1], limit);
    if (s < e) {
      total += e - s;
      reach = e;
    }
  }
  return total;
}
