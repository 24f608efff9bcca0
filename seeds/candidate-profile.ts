// Which candidates there are: role family mix, credential prerequisites, career length.
// Kept apart from candidate-generator.ts, which turns these into dated records.
import { CareSetting, DegreeLevel, degreeRank } from '../src/shared/enums.js';
import { EMPLOYER_SHARES, FAMILIES_BY_SETTING } from './care-settings.js';
import { WeightedTable } from './prng.js';
import { ROLE_FAMILIES, type RoleFamilyId } from './role-families.js';
import type { SeedDegree } from './seed-types.js';

/**
 * Weight of (setting, family) pairs among postings: employer share of the setting times the
 * family's share within that setting. Candidates are drawn from the same mix so that the
 * demo data has a candidate pool for every kind of posting.
 */
function postingMix(): Map<RoleFamilyId, Map<CareSetting, number>> {
  const mix = new Map<RoleFamilyId, Map<CareSetting, number>>();
  for (const [setting, share] of EMPLOYER_SHARES) {
    const families = FAMILIES_BY_SETTING[setting];
    const total = families.reduce((sum, [, w]) => sum + w, 0);
    for (const [family, weight] of families) {
      const bySetting = mix.get(family) ?? new Map<CareSetting, number>();
      bySetting.set(setting, (bySetting.get(setting) ?? 0) + (share * weight) / total);
      mix.set(family, bySetting);
    }
  }
  return mix;
}

const MIX = postingMix();

export const CANDIDATE_FAMILIES = new WeightedTable<RoleFamilyId>(
  (Object.keys(ROLE_FAMILIES) as RoleFamilyId[]).map((id) => {
    const bySetting = MIX.get(id);
    const weight = bySetting ? [...bySetting.values()].reduce((a, b) => a + b, 0) : 0;
    // Every family keeps a small floor so rare ones (armed forces, pharma) still appear.
    return [id, Math.max(weight, 0.5)] as const;
  }),
);

/** Settings a family's people have worked in, weighted like the postings. */
export const SETTINGS_BY_FAMILY = new Map<RoleFamilyId, WeightedTable<CareSetting>>(
  (Object.keys(ROLE_FAMILIES) as RoleFamilyId[]).map((id) => {
    const bySetting = MIX.get(id);
    const entries: (readonly [CareSetting, number])[] = bySetting ? [...bySetting.entries()] : [[CareSetting.OTHER, 1]];
    return [id, new WeightedTable(entries)] as const;
  }),
);

/**
 * Career length bands (years) before the reference date. Assumption shaped so that about
 * two thirds reach the 4-6 years most postings ask for (O*NET related experience, facts §1).
 */
export const CAREER_BANDS = new WeightedTable<readonly [number, number]>([
  [[0, 1], 6], [[1, 3], 14], [[3, 6], 24], [[6, 10], 26], [[10, 20], 22], [[20, 32], 8],
]);

/**
 * What a person must have to hold a credential (catalog prerequisites; facts §7). Used so a
 * generated candidate never holds, say, FACHE without a master's or an RN licence without a
 * nursing degree.
 */
interface Prerequisite {
  minDegree?: DegreeLevel;
  minYears?: number;
  field?: string;
}

const PREREQUISITES: Readonly<Record<string, Prerequisite>> = {
  FACHE: { minDegree: DegreeLevel.MASTER, minYears: 5 },
  CMPE: { minDegree: DegreeLevel.BACHELOR, minYears: 2 },
  CMM: { minYears: 3 },
  RHIA: { minDegree: DegreeLevel.BACHELOR },
  RHIT: { minDegree: DegreeLevel.ASSOCIATE },
  NHA: { minDegree: DegreeLevel.BACHELOR },
  CNHA: { minDegree: DegreeLevel.BACHELOR, minYears: 2 },
  HSE: { minDegree: DegreeLevel.BACHELOR },
  'CRCE-I': { minYears: 4 },
  'CRCE-P': { minYears: 4 },
  'CRCP-I': { minYears: 2 },
  'CRCP-P': { minYears: 2 },
  'CRCS-I': { minYears: 1 },
  'CRCS-P': { minYears: 1 },
  CCT: { minYears: 1 },
  CHAM: { minYears: 2 },
  RN: { minDegree: DegreeLevel.ASSOCIATE, field: 'Nursing' },
  LSW: { minDegree: DegreeLevel.BACHELOR, field: 'Social Work' },
};

export function meetsPrerequisites(code: string, degrees: readonly SeedDegree[], careerYears: number): boolean {
  const rule = PREREQUISITES[code];
  if (!rule) return true;
  if (rule.minYears !== undefined && careerYears < rule.minYears) return false;
  if (rule.minDegree === undefined && rule.field === undefined) return true;
  const minRank = rule.minDegree === undefined ? 0 : degreeRank(rule.minDegree);
  return degrees.some((d) => degreeRank(d.level) >= minRank && (rule.field === undefined || d.field === rule.field));
}

/** AAHAM's retired designations (facts §7): only long-serving revenue-cycle people still list them. */
export const LEGACY_CODES: readonly string[] = ['CPAM', 'CCAM', 'CPAT', 'CCAT'];
