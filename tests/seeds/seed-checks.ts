// The API's input rules (DESIGN.md §6) and eligibility (§5), restated independently of
// src/ so the seed tests check the generated data against the contract, not against the
// generator's own assumptions.
import { degreeRank, US_STATE_CODES } from '../../src/shared/enums.js';
import type { SeedCandidate, SeedEmployer, SeedPosting, SeedQualification } from '../../seeds/seed-types.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function checkState(state: string | null, where: string, errors: string[]): void {
  if (state !== null && !US_STATE_CODES.has(state)) errors.push(`${where}: state ${state} is not a US code`);
}

export function employerErrors(e: SeedEmployer): string[] {
  const errors: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.key)) errors.push(`employer ${e.key}: key is not a slug`);
  if (e.name.trim() === '') errors.push(`employer ${e.key}: empty name`);
  checkState(e.state, `employer ${e.key}`, errors);
  return errors;
}

export function postingErrors(p: SeedPosting, catalog: ReadonlyMap<string, SeedQualification>, employerKeys: ReadonlySet<string>): string[] {
  const where = `posting ${p.externalRef}`;
  const errors: string[] = [];
  if (!employerKeys.has(p.employerKey)) errors.push(`${where}: unknown employer ${p.employerKey}`);
  if (p.title.trim() === '' || p.description.trim() === '') errors.push(`${where}: empty title or description`);
  checkState(p.state, where, errors);
  for (const [name, value] of [['salaryMin', p.salaryMin], ['salaryMax', p.salaryMax]] as const) {
    if (value !== null && (!Number.isInteger(value) || value < 0)) errors.push(`${where}: ${name} ${value}`);
  }
  if (p.salaryMin !== null && p.salaryMax !== null && p.salaryMin > p.salaryMax) errors.push(`${where}: salaryMin > salaryMax`);
  if (!(p.minYearsExperience >= 0)) errors.push(`${where}: minYearsExperience ${p.minYearsExperience}`);
  const codes = [...p.requiredQualificationCodes, ...p.preferredQualificationCodes];
  for (const code of codes) if (!catalog.has(code)) errors.push(`${where}: unknown qualification ${code}`);
  if (new Set(codes).size !== codes.length) errors.push(`${where}: a code repeats or is both required and preferred`);
  if (p.minDegree && p.minDegree.fields.some((f) => f.trim() === '')) errors.push(`${where}: empty field of study`);
  if (Number.isNaN(Date.parse(p.postedAt)) || new Date(p.postedAt).toISOString() !== p.postedAt) {
    errors.push(`${where}: postedAt ${p.postedAt} is not an ISO datetime`);
  }
  return errors;
}

export function candidateErrors(c: SeedCandidate, catalog: ReadonlyMap<string, SeedQualification>, reference: string): string[] {
  const where = `candidate ${c.email}`;
  const errors: string[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[a-z]+$/.test(c.email)) errors.push(`${where}: malformed email`);
  checkState(c.state, where, errors);
  for (const d of c.degrees) {
    if (d.field.trim() === '') errors.push(`${where}: degree without field`);
    if (d.year !== null && (d.year < 1950 || d.year > Number(reference.slice(0, 4)))) errors.push(`${where}: degree year ${d.year}`);
  }
  const held = new Set<string>();
  for (const q of c.qualifications) {
    const entry = catalog.get(q.code);
    if (!entry) errors.push(`${where}: unknown qualification ${q.code}`);
    if (held.has(q.code)) errors.push(`${where}: holds ${q.code} twice`);
    held.add(q.code);
    checkState(q.state, `${where} ${q.code}`, errors);
    if (entry?.stateSpecific && q.state === null) errors.push(`${where}: state-specific ${q.code} without a state`);
    if (entry && !entry.stateSpecific && q.state !== null) errors.push(`${where}: ${q.code} is not state-specific but has a state`);
    for (const date of [q.earnedOn, q.expiresOn]) if (date !== null && !isLocalDate(date)) errors.push(`${where}: bad date ${date}`);
    if (q.earnedOn !== null && q.earnedOn > reference) errors.push(`${where}: ${q.code} earned after the reference date`);
    if (q.earnedOn !== null && q.expiresOn !== null && q.expiresOn < q.earnedOn) errors.push(`${where}: ${q.code} expires before earned`);
  }
  let open = 0;
  for (const x of c.experience) {
    if (!isLocalDate(x.startDate) || (x.endDate !== null && !isLocalDate(x.endDate))) errors.push(`${where}: bad experience date`);
    if (x.endDate !== null && x.endDate < x.startDate) errors.push(`${where}: endDate before startDate`);
    if (x.startDate > reference || (x.endDate !== null && x.endDate > reference)) errors.push(`${where}: experience after the reference date`);
    if (x.endDate === null) open++;
  }
  if (open > 1) errors.push(`${where}: ${open} current positions`);
  return errors;
}

/** Union of experience intervals up to `today`, in years of 365.25 days (DESIGN.md §5). */
export function yearsOfExperience(c: SeedCandidate, today: string): number {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const intervals = c.experience
    .map((x) => [Date.parse(`${x.startDate}T00:00:00Z`), Math.min(todayMs, x.endDate === null ? todayMs : Date.parse(`${x.endDate}T00:00:00Z`))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [curStart, curEnd] = [Number.NaN, Number.NaN];
  for (const [s, e] of intervals) {
    if (Number.isNaN(curStart) || s > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart;
      [curStart, curEnd] = [s, e];
    } else curEnd = Math.max(curEnd, e);
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart;
  return total / DAY_MS / 365.25;
}

/** Eligibility exactly as DESIGN.md §5 states it. */
export function isEligible(c: SeedCandidate, p: SeedPosting, catalog: ReadonlyMap<string, SeedQualification>, today: string): boolean {
  if (p.minDegree) {
    const { minLevel, fields } = p.minDegree;
    const wanted = fields.map((f) => f.trim().toLowerCase());
    const ok = c.degrees.some(
      (d) => degreeRank(d.level) >= degreeRank(minLevel) && (wanted.length === 0 || wanted.includes(d.field.trim().toLowerCase())),
    );
    if (!ok) return false;
  }
  if (yearsOfExperience(c, today) < p.minYearsExperience) return false;
  return p.requiredQualificationCodes.every((code) =>
    c.qualifications.some(
      (q) =>
        q.code === code &&
        (q.expiresOn === null || q.expiresOn >= today) &&
        (!catalog.get(code)?.stateSpecific || p.state === null || q.state === p.state),
    ),
  );
}
