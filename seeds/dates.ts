// Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Generating 100,000
// candidates formats close to a million dates; integer civil-date conversion is much
// cheaper than building Date objects, and it never depends on the machine's time zone.

/** The fixed "now" of the seed data, so output never depends on when it is generated. */
export const REFERENCE_DATE = '2026-11-01';

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

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
