import { DegreeLevel, degreeRank, DEGREE_LEVEL_ORDER } from '../src/shared/enums.js';
import { CANDIDATE_FAMILIES, CAREER_BANDS, LEGACY_CODES, meetsPrerequisites, SETTINGS_BY_FAMILY } from './candidate-profile.js';
import { addMonths, civilFromDays, formatDay, REFERENCE_DAY } from './dates.js';
import { CITY_TABLE } from './employer-generator.js';
import { drawSkills, prepareFamilies } from './posting-generator.js';
import { Rng } from './prng.js';
import type { RoleFamily, RoleFamilyId } from './role-families.js';
import type { SeedCandidate, SeedDegree, SeedExperience, SeedHeldQualification, SeedQualification } from './seed-types.js';
import { zipFor } from './locations.js';
import { COMMUNITY_COLLEGES, FIRST_NAMES, HIGH_SCHOOLS, LAST_NAMES, UNIVERSITIES } from './vocabulary.js';

const CANDIDATE_SALT = 0x3e1d_0003;
const DAYS_PER_YEAR = 365.25;
const REFERENCE_YEAR = civilFromDays(REFERENCE_DAY).year;

function institutionFor(rng: Rng, level: DegreeLevel): string {
  if (level === DegreeLevel.HIGH_SCHOOL) return rng.pick(HIGH_SCHOOLS);
  if (level === DegreeLevel.ASSOCIATE) return rng.pick(COMMUNITY_COLLEGES);
  return rng.pick(UNIVERSITIES);
}

/**
 * Highest degree from the family's posting mix, sometimes one level above it: applicants
 * often exceed a posting's minimum, and matching them is the point of the demo data.
 */
function drawDegrees(rng: Rng, family: RoleFamily, highest: DegreeLevel | null, careerStartYear: number, careerYears: number): SeedDegree[] {
  if (highest === null) return rng.chance(0.5) ? [] : [degree(rng, DegreeLevel.HIGH_SCHOOL, 'General Studies', careerStartYear - rng.int(0, 3))];
  // Upgrades stop at a master's: doctorates are rare in this field (O*NET: 0% doctoral).
  const rank = degreeRank(highest) + (degreeRank(highest) < degreeRank(DegreeLevel.MASTER) && rng.chance(0.2) ? 1 : 0);
  const top = DEGREE_LEVEL_ORDER[rank];
  if (top === DegreeLevel.HIGH_SCHOOL) return [degree(rng, top, 'General Studies', careerStartYear - rng.int(0, 3))];
  const field = rng.pick(family.candidateFields);
  const firstYear = careerStartYear - rng.int(0, 1);
  if (rank <= degreeRank(DegreeLevel.BACHELOR)) return [degree(rng, top, field, firstYear)];
  // Graduate degrees come after a bachelor's, often part-time while working.
  const bachelor = degree(rng, DegreeLevel.BACHELOR, rng.pick(family.candidateFields), firstYear);
  const masterYear = Math.min(REFERENCE_YEAR, firstYear + rng.int(2, Math.max(2, Math.min(10, Math.round(careerYears)))));
  const degrees = [bachelor, degree(rng, DegreeLevel.MASTER, field, masterYear)];
  if (top === DegreeLevel.DOCTORATE) degrees.push(degree(rng, top, field, Math.min(REFERENCE_YEAR, masterYear + rng.int(3, 6))));
  return degrees;
}

function degree(rng: Rng, level: DegreeLevel, field: string, year: number): SeedDegree {
  return { level, field, institution: institutionFor(rng, level), year };
}

/**
 * Positions walking back from today: the latest is open (current) for 80% of people, jobs
 * are separated by gaps or overlap a little (moonlighting, notice periods), never ending
 * after the reference date nor before they start.
 */
function drawExperience(rng: Rng, family: RoleFamily, familyId: RoleFamilyId, careerDays: number): { jobs: SeedExperience[]; firstDay: number } {
  if (careerDays < 60) return { jobs: [], firstDay: REFERENCE_DAY - careerDays };
  const settings = SETTINGS_BY_FAMILY.get(familyId);
  const positions = Math.max(1, Math.min(5, 1 + Math.floor(careerDays / (4 * DAYS_PER_YEAR)) - (rng.chance(0.3) ? 1 : 0)));
  const hasCurrent = rng.chance(0.8);
  let cursor = hasCurrent ? REFERENCE_DAY : REFERENCE_DAY - rng.int(30, 365);
  let remaining = careerDays;
  let firstDay = REFERENCE_DAY;
  const out: SeedExperience[] = [];
  for (let i = 0; i < positions; i++) {
    const left = positions - i;
    const length = left === 1 ? Math.max(60, remaining) : Math.max(90, Math.round((remaining / left) * (0.6 + 0.8 * rng.float())));
    const start = cursor - length;
    firstDay = Math.min(firstDay, start);
    out.push({
      title: i === 0 ? rng.pick(family.titles) : rng.pick(family.juniorTitles),
      setting: settings ? settings.draw(rng) : null,
      startDate: formatDay(start),
      endDate: i === 0 && hasCurrent ? null : formatDay(cursor),
    });
    remaining -= length;
    const step = rng.float();
    if (step < 0.15) cursor = start + rng.int(15, Math.min(180, length - 1)); // overlaps the later job
    else if (step < 0.5) cursor = start - rng.int(15, 240); // gap between jobs
    else cursor = start - 1;
  }
  return { jobs: out.reverse(), firstDay };
}

interface HoldContext {
  rng: Rng;
  state: string;
  careerDays: number;
  byCode: ReadonlyMap<string, SeedQualification>;
}

/**
 * `earnedOn` is the start of the current certification period, so `expiresOn` is one renewal
 * period later; about one in six has lapsed before the reference date, so explanations show
 * "expired" cases.
 */
function hold(ctx: HoldContext, code: string): SeedHeldQualification {
  const { rng } = ctx;
  const q = ctx.byCode.get(code);
  if (!q) throw new Error(`hold: unknown code ${code}`);
  let earned: number;
  let expires: number | null = null;
  if (q.renewalMonths !== null) {
    earned = rng.chance(0.83)
      ? REFERENCE_DAY - rng.int(1, q.renewalMonths * 28)
      : REFERENCE_DAY - q.renewalMonths * 31 - rng.int(1, 900);
    expires = addMonths(earned, q.renewalMonths);
  } else {
    earned = REFERENCE_DAY - rng.int(30, Math.max(60, ctx.careerDays));
  }
  const state = q.stateSpecific ? (rng.chance(0.85) ? ctx.state : CITY_TABLE.draw(rng)[1]) : null;
  return { code, earnedOn: formatDay(earned), expiresOn: expires === null ? null : formatDay(expires), state };
}

/**
 * Joins into one flat string. A template literal builds a rope of several heap objects that
 * the output then keeps alive; with 100,000 candidates that is millions of extra objects
 * for the garbage collector to copy.
 */
function flat(parts: string[]): string {
  return parts.join('');
}

const emailParts = new Map<string, string>();

/** "O'Brien" -> "obrien"; memoised because the name lists are short and reused constantly. */
function emailPart(text: string): string {
  let part = emailParts.get(text);
  if (part === undefined) {
    part = text.toLowerCase().replace(/[^a-z]/g, '');
    emailParts.set(text, part);
  }
  return part;
}

export function generateCandidates(count: number, catalog: readonly SeedQualification[], seed: number): SeedCandidate[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateCandidates: bad count ${count}`);
  const rng = new Rng(seed ^ CANDIDATE_SALT);
  const families = prepareFamilies(catalog);
  const byCode = new Map(catalog.map((q) => [q.code, q] as const));
  const legacy = LEGACY_CODES.filter((code) => byCode.has(code));
  const candidates: SeedCandidate[] = new Array(count);

  for (let i = 0; i < count; i++) {
    const familyId = CANDIDATE_FAMILIES.draw(rng);
    const prepared = families[familyId];
    const family = prepared.family;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const [city, state] = CITY_TABLE.draw(rng);

    const [lo, hi] = CAREER_BANDS.draw(rng);
    const careerYears = lo + (hi - lo) * rng.float() + (family.senior ? 6 : 0);
    const careerDays = Math.round(careerYears * DAYS_PER_YEAR);
    const { jobs: experience, firstDay } = drawExperience(rng, family, familyId, careerDays);
    // Gaps can push the first job before REFERENCE - careerDays; school ends before it.
    const careerStartYear = civilFromDays(firstDay).year;
    const degrees = drawDegrees(rng, family, prepared.degrees.draw(rng), careerStartYear, careerYears);

    // Candidates hold what their role asks for (often) or prefers (sometimes), if eligible.
    const codes: string[] = [];
    const consider = (code: string): void => {
      if (!codes.includes(code) && meetsPrerequisites(code, degrees, careerYears)) codes.push(code);
    };
    for (const rule of prepared.required) if (rng.chance(0.85)) consider(rng.pick(rule.anyOf));
    for (const rule of prepared.preferred) if (rng.chance(rule.chance * 0.6)) consider(rng.pick(rule.anyOf));
    if (rng.chance(0.04) && catalog.length > 0) consider(rng.pick(catalog).code);
    if (familyId === 'revenueCycle' && careerYears >= 12 && legacy.length > 0 && rng.chance(0.15)) consider(rng.pick(legacy));
    const ctx: HoldContext = { rng, state, careerDays, byCode };
    const qualifications = codes.map((code) => hold(ctx, code));

    const current = experience.length > 0 ? experience[experience.length - 1].title : null;
    const years = Math.floor(careerYears);
    const headline = current
      ? flat([current, years >= 1 ? ` with ${years} year${years === 1 ? '' : 's'} in healthcare` : ''])
      : flat([degrees.length > 0 ? `${degrees[degrees.length - 1].field} graduate` : 'Candidate', ' seeking a healthcare management role']);
    const skills = drawSkills(rng, family.skills, rng.int(2, 5));
    const summary = rng.chance(0.85)
      ? flat([headline, '. Strengths: ', skills.slice(0, 3).join(', '), '.', codes.length > 0 ? ` Credentials: ${codes.join(', ')}.` : ''])
      : null;

    const email = flat([emailPart(first), '.', emailPart(last), '.', String(i + 1), '@example.org']);
    candidates[i] = {
      name: flat([first, ' ', last]),
      email,
      headline,
      summary,
      city,
      state,
      zip: zipFor(city, state, email),
      degrees,
      qualifications,
      experience,
      skills,
      discoverable: rng.chance(0.9),
    };
  }
  return candidates;
}
