// Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Generating 100,000
// candidates formats close to a million dates; integer civil-date conversion is much
// cheaper than building Date objects, and it never depends on the machine's time zone.

import { civilFromDays, daysFromCivil } from '../src/matching/dates.js';

export { civilFromDays, daysFromCivil };

/** The fixed "now" of the seed data, so output never depends on when it is generated. */
export const REFERENCE_DATE = '2026-11-01';

const MS_PER_DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function formatUncached(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

// Seed dates fall in a few decades around the reference date. Caching their text means a
// million formatted dates share ~20,000 strings: less work and far less garbage to collect.
const CACHE_FIRST_DAY = daysFromCivil(1960, 1, 1);
const CACHE_LAST_DAY = daysFromCivil(2040, 12, 31);
const formatted: (string | undefined)[] = new Array(CACHE_LAST_DAY - CACHE_FIRST_DAY + 1);

/** "YYYY-MM-DD" (LocalDate) for a day number. */
export function formatDay(days: number): string {
  if (days < CACHE_FIRST_DAY || days > CACHE_LAST_DAY) return formatUncached(days);
  const index = days - CACHE_FIRST_DAY;
  return (formatted[index] ??= formatUncached(days));
}

export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29), as renewals do. */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function dayToEpochMs(days: number): number {
  return days * MS_PER_DAY;
}

export const REFERENCE_DAY = parseDay(REFERENCE_DATE);
