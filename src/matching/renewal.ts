// Renewal of a held qualification (DESIGN §9 "Renewal"), pure: no I/O, `today` explicit.
//
//   dueOn       = expiresOn, else earnedOn + renewalMonths, else null (NOT_RENEWABLE)
//   hoursEarned = CE hours dated in (dueOn - renewalMonths, dueOn]; up to dueOn when
//                 renewalMonths is null; every entry when dueOn is null (there is no cycle)
//   state       = NOT_RENEWABLE when dueOn is null, LAPSED when dueOn < today, ON_TRACK when
//                 hoursRequired is null or hoursEarned >= hoursRequired, else AT_RISK
//
// Month arithmetic clamps to the end of the target month: 2025-01-31 + 1 month = 2025-02-28
// (2024-02-29 in a leap year), 2024-02-29 + 12 months = 2025-02-28. That is how boards count
// "every 2 years from the exam date" (the cycle never spills into the month after), and it is
// what date libraries (date-fns addMonths, java.time plusMonths) do. The window's open end
// uses the same rule backwards: (2025-02-28 - 1 month) = 2025-01-28.
// A qualification due today is not lapsed (it is valid through its due date, as expiresOn is
// in matching rule 3); one due yesterday is.
import type { IsoDate } from './matching.types.js';
import { civilFromDays, daysFromCivil, epochDayToIso, isoToEpochDay } from './dates.js';

export type RenewalState = 'ON_TRACK' | 'AT_RISK' | 'LAPSED' | 'NOT_RENEWABLE';

export interface ContinuingEducationEntry {
  date: IsoDate;
  hours: number;
}

/** The cycle that applies to one holding: the catalog entry's, or its state's. */
export interface RenewalRule {
  renewalMonths: number | null;
  continuingEducationHours: number | null;
}

/** A catalog entry with optional per-state rules (state-specific licences differ by board). */
export interface CatalogRenewalRules extends RenewalRule {
  renewalByState?: readonly ({ state: string } & RenewalRule)[] | null;
}

export interface HeldForRenewal {
  earnedOn: IsoDate | null;
  expiresOn: IsoDate | null;
  state: string | null;
  continuingEducation: readonly ContinuingEducationEntry[];
}

export interface RenewalStatus {
  dueOn: IsoDate | null;
  hoursRequired: number | null;
  hoursEarned: number;
  state: RenewalState;
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** `date` plus `months` (may be negative), clamped to the last day of the target month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = civilFromDays(isoToEpochDay(date));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return epochDayToIso(daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))));
}

/** The state's rule when the catalog has one for the holding's state, else the entry's own. */
export function renewalRuleFor(entry: CatalogRenewalRules | undefined, state: string | null): RenewalRule {
  if (!entry) return { renewalMonths: null, continuingEducationHours: null };
  const own = state == null ? undefined : entry.renewalByState?.find((r) => r.state === state.trim().toUpperCase());
  const rule = own ?? entry;
  return { renewalMonths: rule.renewalMonths ?? null, continuingEducationHours: rule.continuingEducationHours ?? null };
}

export function dueDate(held: Pick<HeldForRenewal, 'earnedOn' | 'expiresOn'>, rule: RenewalRule): IsoDate | null {
  if (held.expiresOn) return held.expiresOn;
  if (held.earnedOn && rule.renewalMonths != null && rule.renewalMonths > 0) return addMonths(held.earnedOn, rule.renewalMonths);
  return null;
}

/** Sum of CE hours in (from, to] (either end open when null); rounded so 0.1-hour steps add up exactly. */
export function hoursBetween(entries: readonly ContinuingEducationEntry[], from: IsoDate | null, to: IsoDate | null): number {
  let sum = 0;
  for (const e of entries) {
    if (from !== null && !(e.date > from)) continue;
    if (to !== null && !(e.date <= to)) continue;
    sum += e.hours;
  }
  return Math.round(sum * 1e6) / 1e6;
}

export function renewalStatus(held: HeldForRenewal, rule: RenewalRule, today: IsoDate): RenewalStatus {
  const dueOn = dueDate(held, rule);
  const hoursRequired = rule.continuingEducationHours;
  const opensAfter = dueOn !== null && rule.renewalMonths != null && rule.renewalMonths > 0 ? addMonths(dueOn, -rule.renewalMonths) : null;
  const hoursEarned = hoursBetween(held.continuingEducation, opensAfter, dueOn);
  let state: RenewalState;
  if (dueOn === null) state = 'NOT_RENEWABLE';
  else if (dueOn < today) state = 'LAPSED';
  else if (hoursRequired == null || hoursEarned >= hoursRequired) state = 'ON_TRACK';
  else state = 'AT_RISK';
  return { dueOn, hoursRequired, hoursEarned, state };
}

/** Days from `today` to `dueOn` (negative when past). */
export function daysUntil(dueOn: IsoDate, today: IsoDate): number {
  return isoToEpochDay(dueOn) - isoToEpochDay(today);
}
