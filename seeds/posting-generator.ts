import { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../src/shared/enums.js';
import { FAMILIES_BY_SETTING, SETTING_PAY_FACTOR } from './care-settings.js';
import { dayToEpochMs, REFERENCE_DAY } from './dates.js';
import { Rng, WeightedTable } from './prng.js';
import { DEGREE_LEVELS_WITH_NONE, ROLE_FAMILIES, type CredentialRule, type RoleFamily, type RoleFamilyId } from './role-families.js';
import type { SeedDegreeRequirement, SeedEmployer, SeedPosting, SeedQualification } from './seed-types.js';
import { GENERAL_SKILLS } from './vocabulary.js';
import { zipFor } from './locations.js';

const POSTING_SALT = 0x3e1d_0002;
const POSTING_WINDOW_MINUTES = 120 * 24 * 60;

/**
 * Minimum years, from O*NET "related work experience" for 11-9111.00 (facts §1): 6m-1y 7.4%,
 * 1-2y 7.4%, 2-4y 25.9%, 4-6y 37.0%, 6-8y 7.4%, 8-10y 11.1%, >10y 3.7%. Each band's weight
 * is split over the whole years it spans; a few entry-level postings ask for none.
 */
const BASE_EXPERIENCE = new WeightedTable<number>([
  [0, 5], [0.5, 7.4], [1, 7.4], [2, 13], [3, 13], [4, 18.5], [5, 18.5], [6, 7.4], [8, 11.1], [10, 3.7],
]);
/** Executive roles: FACHE alone needs 5 years in management. */
const SENIOR_EXPERIENCE = new WeightedTable<number>([[5, 20], [6, 20], [8, 30], [10, 22], [12, 8]]);

const EMPLOYMENT_TYPES = new WeightedTable<EmploymentType>([
  [EmploymentType.FULL_TIME, 86], [EmploymentType.PART_TIME, 7], [EmploymentType.CONTRACT, 4],
  [EmploymentType.TEMPORARY, 2], [EmploymentType.JOB_SHARE, 1],
]);

/** OEWS May 2019 national percentiles (facts §2), with assumed tails at 0 and 1. */
const WAGE_PERCENTILES: readonly (readonly [number, number])[] = [
  [0, 48_000], [0.1, 58_820], [0.25, 76_770], [0.5, 100_980], [0.75, 133_520], [0.9, 189_000], [1, 240_000],
];
/** Brings 2019 wages to the 2024 level: median $117,960 (2024) over $100,980 (2019). */
const WAGE_LEVEL = 117_960 / 100_980;

function wageAtPercentile(p: number): number {
  for (let i = 1; i < WAGE_PERCENTILES.length; i++) {
    const [p1, w1] = WAGE_PERCENTILES[i];
    if (p <= p1) {
      const [p0, w0] = WAGE_PERCENTILES[i - 1];
      return w0 + ((w1 - w0) * (p - p0)) / (p1 - p0);
    }
  }
  return WAGE_PERCENTILES[WAGE_PERCENTILES.length - 1][1];
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

interface PreparedFamily {
  id: RoleFamilyId;
  family: RoleFamily;
  degrees: WeightedTable<DegreeLevel | null>;
  required: CredentialRule[];
  preferred: CredentialRule[];
}

/** Keeps only codes the given catalog has, so a trimmed catalog never yields unknown codes. */
function restrictRules(rules: readonly CredentialRule[], known: ReadonlySet<string>): CredentialRule[] {
  return rules
    .map((rule) => ({ anyOf: rule.anyOf.filter((code) => known.has(code)), chance: rule.chance }))
    .filter((rule) => rule.anyOf.length > 0);
}

export function prepareFamilies(catalog: readonly SeedQualification[]): Record<RoleFamilyId, PreparedFamily> {
  const known = new Set(catalog.map((q) => q.code));
  const prepare = (id: RoleFamilyId): PreparedFamily => {
    const family = ROLE_FAMILIES[id];
    return {
      id,
      family,
      degrees: new WeightedTable(DEGREE_LEVELS_WITH_NONE.map((level, i) => [level, family.degreeWeights[i]] as const)),
      required: restrictRules(family.required, known),
      preferred: restrictRules(family.preferred, known),
    };
  };
  return mapRecord(ROLE_FAMILIES, (_family, id) => prepare(id));
}

/** Object.fromEntries loses the key type; this keeps it. */
export function mapRecord<K extends string, A, B>(record: Readonly<Record<K, A>>, fn: (value: A, key: K) => B): Record<K, B> {
  const out = {} as Record<K, B>;
  for (const key of Object.keys(record) as K[]) out[key] = fn(record[key], key);
  return out;
}

export const FAMILY_TABLE_BY_SETTING: Readonly<Record<CareSetting, WeightedTable<RoleFamilyId>>> = mapRecord(
  FAMILIES_BY_SETTING,
  (weights) => new WeightedTable(weights),
);

function drawCodes(rng: Rng, rules: readonly CredentialRule[], exclude: readonly string[], into: string[]): void {
  for (const rule of rules) {
    if (!rng.chance(rule.chance)) continue;
    const code = rng.pick(rule.anyOf);
    if (!exclude.includes(code) && !into.includes(code)) into.push(code);
  }
}

/** A few of the family's own skills plus one to three general management skills, no repeats. */
export function drawSkills(rng: Rng, own: readonly string[], ownCount: number): string[] {
  const skills: string[] = [];
  rng.pickDistinctInto(own, ownCount, skills);
  return rng.pickDistinctInto(GENERAL_SKILLS, rng.int(1, 3), skills);
}

const DEGREE_WORDS: Readonly<Record<DegreeLevel, string>> = {
  [DegreeLevel.HIGH_SCHOOL]: 'a high school diploma',
  [DegreeLevel.ASSOCIATE]: "an associate's degree",
  [DegreeLevel.BACHELOR]: "a bachelor's degree",
  [DegreeLevel.MASTER]: "a master's degree",
  [DegreeLevel.DOCTORATE]: 'a doctorate',
};

function describe(p: SeedPosting, employer: SeedEmployer, duty: string): string {
  const parts = [`${employer.name} in ${employer.city}, ${employer.state} is hiring a ${p.title} to ${duty}.`];
  if (p.minDegree) {
    const fields = p.minDegree.fields.length > 0 ? ` in ${p.minDegree.fields.join(' or ')}` : '';
    parts.push(`Requires ${DEGREE_WORDS[p.minDegree.minLevel]} or higher${fields}.`);
  }
  if (p.minYearsExperience > 0) parts.push(`At least ${p.minYearsExperience} years of related experience.`);
  if (p.requiredQualificationCodes.length > 0) parts.push(`Required: ${p.requiredQualificationCodes.join(', ')}.`);
  if (p.preferredQualificationCodes.length > 0) parts.push(`Preferred: ${p.preferredQualificationCodes.join(', ')}.`);
  if (p.remote) parts.push('This position is remote.');
  return parts.join(' ');
}

export function generatePostings(
  count: number,
  employers: readonly SeedEmployer[],
  catalog: readonly SeedQualification[],
  seed: number,
): SeedPosting[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generatePostings: bad count ${count}`);
  if (count > 0 && employers.length === 0) throw new Error('generatePostings: no employers');
  const rng = new Rng(seed ^ POSTING_SALT);
  const families = prepareFamilies(catalog);
  const referenceMs = dayToEpochMs(REFERENCE_DAY);
  const postings: SeedPosting[] = new Array(count);

  for (let i = 0; i < count; i++) {
    const employer = rng.pick(employers);
    const setting = employer.setting;
    const prepared = families[FAMILY_TABLE_BY_SETTING[setting].draw(rng)];
    const family = prepared.family;

    const level = prepared.degrees.draw(rng);
    let minDegree: SeedDegreeRequirement | null = null;
    if (level !== null) {
      const withFields = level !== DegreeLevel.HIGH_SCHOOL && rng.chance(family.fieldsChance);
      minDegree = { minLevel: level, fields: withFields ? rng.pick(family.fieldOptions).slice() : [] };
    }

    const required: string[] = [];
    drawCodes(rng, prepared.required, [], required);
    const preferred: string[] = [];
    drawCodes(rng, prepared.preferred, required, preferred);

    let salaryMin: number | null = null;
    let salaryMax: number | null = null;
    const salaryShape = rng.float();
    if (salaryShape >= 0.15) {
      const [lo, hi] = family.payBand;
      const mid = wageAtPercentile(lo + (hi - lo) * rng.float()) * WAGE_LEVEL * SETTING_PAY_FACTOR[setting];
      salaryMin = roundTo(mid * 0.88, 1000);
      salaryMax = Math.max(salaryMin, roundTo(mid * 1.12, 1000));
      // Some employers publish only a floor ("from $X") or only a ceiling.
      if (salaryShape < 0.2) salaryMax = null;
      else if (salaryShape < 0.23) salaryMin = null;
    }

    const posting: SeedPosting = {
      externalRef: `seed-posting-${String(i + 1).padStart(6, '0')}`,
      employerKey: employer.key,
      title: rng.pick(family.titles),
      description: '',
      setting,
      employmentType: EMPLOYMENT_TYPES.draw(rng),
      city: employer.city,
      state: employer.state,
      // The employer's own site: every posting of one employer shares its ZIP.
      zip: zipFor(employer.city, employer.state, employer.key),
      remote: family.remoteChance > 0 && rng.chance(family.remoteChance),
      salaryMin,
      salaryMax,
      minDegree,
      minYearsExperience: (family.senior ? SENIOR_EXPERIENCE : BASE_EXPERIENCE).draw(rng),
      requiredQualificationCodes: required,
      preferredQualificationCodes: preferred,
      skills: drawSkills(rng, family.skills, rng.int(2, 4)),
      status: rng.chance(0.1) ? PostingStatus.CLOSED : PostingStatus.OPEN,
      postedAt: new Date(referenceMs - rng.int(0, POSTING_WINDOW_MINUTES - 1) * 60_000).toISOString(),
    };
    posting.description = describe(posting, employer, family.duty);
    postings[i] = posting;
  }
  return postings;
}
