// Input rules for postings, shared by create and update so both say the same thing.
import type { InputChecks } from '../shared/validation.js';
import { isUsState } from '../shared/validation.js';
import { normalizeList } from '../shared/normalize.js';

export interface PostingFieldsToCheck {
  title?: string | null;
  description?: string | null;
  state?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  minYearsExperience?: number | null;
  minDegreeFields?: string[] | null;
  requiredQualificationCodes?: string[] | null;
  preferredQualificationCodes?: string[] | null;
  skills?: string[] | null;
}

const MAX_YEARS = 60;

export function checkPostingFields(f: PostingFieldsToCheck, checks: InputChecks): void {
  if (f.title !== undefined) checks.require(!!f.title && f.title.trim().length > 0, 'input.title', 'must not be empty');
  if (f.description !== undefined) {
    checks.require(!!f.description && f.description.trim().length > 0, 'input.description', 'must not be empty');
  }
  if (f.state) checks.require(isUsState(f.state), 'input.state', 'must be a two-letter US state code');
  for (const key of ['salaryMin', 'salaryMax'] as const) {
    const v = f[key];
    if (v != null) checks.require(Number.isInteger(v) && v >= 0, `input.${key}`, 'must be a non-negative whole number');
  }
  if (f.salaryMin != null && f.salaryMax != null && f.salaryMin > f.salaryMax) {
    checks.add('input.salaryMin', `must not exceed input.salaryMax (${f.salaryMin} > ${f.salaryMax})`);
  }
  if (f.minYearsExperience != null) {
    const y = f.minYearsExperience;
    checks.require(Number.isFinite(y) && y >= 0 && y <= MAX_YEARS, 'input.minYearsExperience', `must be between 0 and ${MAX_YEARS}`);
  }
  f.minDegreeFields?.forEach((field, i) =>
    checks.require(field.trim().length > 0, `input.minDegree.fields[${i}]`, 'must not be empty'),
  );
  f.skills?.forEach((s, i) => checks.require(s.trim().length > 0, `input.skills[${i}]`, 'must not be empty'));
  if (f.requiredQualificationCodes && f.preferredQualificationCodes) {
    const required = new Set(normalizeList(f.requiredQualificationCodes, 'upper'));
    const both = normalizeList(f.preferredQualificationCodes, 'upper').filter((c) => required.has(c));
    if (both.length > 0) {
      checks.add('input.preferredQualificationCodes', `${both.join(', ')} cannot be both required and preferred`);
    }
  }
}
