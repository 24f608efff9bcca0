// Google's job-posting vocabulary (DESIGN §9 "JSON-LD vocabulary"), both ways. Pure.
import { DegreeLevel, EmploymentType } from '../../shared/enums.js';

/** Ours -> Google's employmentType. JOB_SHARE has no value of its own: PART_TIME. */
export const EMPLOYMENT_TYPE_OUT: Record<EmploymentType, string> = {
  [EmploymentType.FULL_TIME]: 'FULL_TIME',
  [EmploymentType.PART_TIME]: 'PART_TIME',
  [EmploymentType.CONTRACT]: 'CONTRACTOR',
  [EmploymentType.TEMPORARY]: 'TEMPORARY',
  [EmploymentType.JOB_SHARE]: 'PART_TIME',
};

/** Google's (and common variants') employmentType -> ours; unknown values map to nothing. */
const EMPLOYMENT_TYPE_IN: Record<string, EmploymentType> = {
  FULL_TIME: EmploymentType.FULL_TIME,
  FULLTIME: EmploymentType.FULL_TIME,
  PART_TIME: EmploymentType.PART_TIME,
  PARTTIME: EmploymentType.PART_TIME,
  CONTRACTOR: EmploymentType.CONTRACT,
  CONTRACT: EmploymentType.CONTRACT,
  TEMPORARY: EmploymentType.TEMPORARY,
  TEMP: EmploymentType.TEMPORARY,
  JOB_SHARE: EmploymentType.JOB_SHARE,
};

export function employmentTypeIn(value: string): EmploymentType | undefined {
  return EMPLOYMENT_TYPE_IN[value.trim().toUpperCase().replace(/[\s-]+/g, '_')];
}

/** Ours -> credentialCategory. MASTER and DOCTORATE are both "postgraduate degree". */
export const CREDENTIAL_CATEGORY_OUT: Record<DegreeLevel, string> = {
  [DegreeLevel.HIGH_SCHOOL]: 'high school',
  [DegreeLevel.ASSOCIATE]: 'associate degree',
  [DegreeLevel.BACHELOR]: 'bachelor degree',
  [DegreeLevel.MASTER]: 'postgraduate degree',
  [DegreeLevel.DOCTORATE]: 'postgraduate degree',
};

/** credentialCategory -> ours; an imported "postgraduate degree" becomes MASTER. */
const CREDENTIAL_CATEGORY_IN: Record<string, DegreeLevel> = {
  'high school': DegreeLevel.HIGH_SCHOOL,
  'associate degree': DegreeLevel.ASSOCIATE,
  'bachelor degree': DegreeLevel.BACHELOR,
  'postgraduate degree': DegreeLevel.MASTER,
};

export function credentialCategoryIn(value: string): DegreeLevel | undefined {
  return CREDENTIAL_CATEGORY_IN[value.trim().toLowerCase()];
}

/**
 * Degree levels named in free text ("Bachelor's degree in health administration required").
 * Tried in ascending order: in "bachelor's or master's" the lowest level named is the minimum.
 */
const DEGREE_WORDS: [DegreeLevel, RegExp][] = [
  [DegreeLevel.HIGH_SCHOOL, /\b(high school|ged|secondary school)\b/i],
  [DegreeLevel.ASSOCIATE, /\bassociate(?:'s)?\s+degree\b|\bassociate of\b/i],
  [DegreeLevel.BACHELOR, /\bbachelor(?:'s|s)?\b|\bb\.?s\.?\b|\bb\.?a\.?\b/i],
  [DegreeLevel.MASTER, /\bmaster(?:'s|s)?\b|\bmba\b|\bmha\b|\bmph\b|\bpostgraduate\b/i],
  [DegreeLevel.DOCTORATE, /\bdoctorate\b|\bdoctoral\b|\bph\.?d\b/i],
];

/** The lowest degree level a text names, if any. */
export function degreeLevelInText(text: string): DegreeLevel | undefined {
  return DEGREE_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** Salary units -> yearly factor (DESIGN: HOUR x 2080, MONTH x 12). */
export const YEARLY_FACTOR: Record<string, number> = { HOUR: 2080, DAY: 260, WEEK: 52, MONTH: 12, YEAR: 1 };
