// Input rules for candidate profiles, shared by create and update.
import { LIMITS } from '../shared/input-limits.js';
import type { QualificationRecord } from '../qualifications/qualification.model.js';
import type { InputChecks } from '../shared/validation.js';
import { isLocalDate, isUsState } from '../shared/validation.js';
import type { CandidateData } from './candidate.repository.js';

const WHITESPACE = /\s/;

/**
 * The rule the old pattern /^[^\s@]+@[^\s@]+\.[^\s@]+$/ stated, checked in one pass: no
 * whitespace, exactly one "@" with something before it, and a "." in the domain with something
 * on both sides. That pattern backtracks quadratically on inputs like "a@" + "."x64000 + "@";
 * this is linear (and the length limit in shared/input-limits.ts applies first anyway).
 */
export function isEmailAddress(value: string): boolean {
  if (WHITESPACE.test(value)) return false;
  const at = value.indexOf('@');
  if (at < 1 || value.indexOf('@', at + 1) !== -1) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot !== -1 && dot < domain.length - 1;
}

/** Checks a whole profile as it will be stored (after normalisation). */
export function checkCandidate(
  c: Partial<CandidateData>,
  catalog: ReadonlyMap<string, QualificationRecord>,
  thisYear: number,
  checks: InputChecks,
  today: string,
): void {
  if (c.name !== undefined) checks.require(c.name.length > 0, 'input.name', 'must not be empty');
  if (c.email !== undefined) checks.require(isEmailAddress(c.email), 'input.email', 'must be an email address');
  if (c.state) checks.require(isUsState(c.state), 'input.state', 'must be a two-letter US state code');

  c.degrees?.forEach((d, i) => {
    checks.require(d.field.length > 0, `input.degrees[${i}].field`, 'must not be empty');
    if (d.year != null) {
      checks.require(d.year >= 1900 && d.year <= thisYear + 8, `input.degrees[${i}].year`, `must be between 1900 and ${thisYear + 8}`);
    }
  });

  c.qualifications?.forEach((q, i) => {
    const at = `input.qualifications[${i}]`;
    const entry = catalog.get(q.code);
    if (!entry) {
      checks.add(`${at}.code`, `unknown qualification code ${JSON.stringify(q.code)}`);
    } else if (entry.stateSpecific && !q.state) {
      checks.add(`${at}.state`, `required: ${q.code} is granted per state`);
    }
    if (q.state) checks.require(isUsState(q.state), `${at}.state`, 'must be a two-letter US state code');
    checkDateOrder(q.earnedOn, q.expiresOn, `${at}.earnedOn`, `${at}.expiresOn`, checks);
    q.continuingEducation?.forEach((e, j) => checkContinuingEducation(e, `${at}.continuingEducation[${j}]`, today, checks));
  });

  const ceTotal = c.qualifications?.reduce((n, q) => n + (q.continuingEducation?.length ?? 0), 0) ?? 0;
  checks.require(
    ceTotal <= LIMITS.continuingEducationTotal,
    'input.qualifications',
    `at most ${LIMITS.continuingEducationTotal} continuingEducation entries over all qualifications (got ${ceTotal})`,
  );

  c.experience?.forEach((e, i) => {
    const at = `input.experience[${i}]`;
    checks.require(e.title.length > 0, `${at}.title`, 'must not be empty');
    checkDateOrder(e.startDate, e.endDate, `${at}.startDate`, `${at}.endDate`, checks);
  });

  c.skills?.forEach((s, i) => checks.require(s.length > 0, `input.skills[${i}]`, 'must not be empty'));
}

/** Hours of one CE activity: above 0, at most this (a semester course; 2,400 is a typo). */
export const MAX_CE_HOURS_PER_ENTRY = 200;

/**
 * CE is recorded once done, so a date after today is refused (a planned course would count
 * towards a renewal that it has not earned yet).
 */
function checkContinuingEducation(e: { date: string; hours: number }, at: string, today: string, checks: InputChecks): void {
  if (!isLocalDate(e.date)) checks.add(`${at}.date`, 'must be a date YYYY-MM-DD');
  else checks.require(e.date <= today, `${at}.date`, `must not be in the future (today is ${today})`);
  checks.require(
    Number.isFinite(e.hours) && e.hours > 0 && e.hours <= MAX_CE_HOURS_PER_ENTRY,
    `${at}.hours`,
    `must be more than 0 and at most ${MAX_CE_HOURS_PER_ENTRY}`,
  );
}

function checkDateOrder(
  start: string | null,
  end: string | null,
  startField: string,
  endField: string,
  checks: InputChecks,
): void {
  if (start !== null) checks.require(isLocalDate(start), startField, 'must be a date YYYY-MM-DD');
  if (end !== null) checks.require(isLocalDate(end), endField, 'must be a date YYYY-MM-DD');
  if (start !== null && end !== null && end < start) {
    checks.add(endField, `must not be before ${startField} (${end} < ${start})`);
  }
}
