import type { PostingSearchFilter } from '../search/search-engine.js';
import { InputChecks, isObjectId, isUsState } from '../shared/validation.js';
import { normalizeState } from '../shared/normalize.js';
import { resolveNear, type GeoRadiusArgs } from '../geo/geo-input.js';

/** PostingFilter as a client sends it: `near` may still be a ZIP. */
export type PostingFilterArgs = Omit<PostingSearchFilter, 'near'> & { near?: GeoRadiusArgs | null };

/** Validates a client's PostingFilter and returns it normalised (states upper case, near resolved). */
export function checkPostingFilter(filter: PostingFilterArgs | null | undefined, checks: InputChecks): PostingSearchFilter | null {
  if (!filter) return null;
  const states = filter.states?.map((s) => normalizeState(s) ?? '');
  states?.forEach((s, i) => checks.require(isUsState(s), `filter.states[${i}]`, 'must be a two-letter US state code'));
  if (filter.minSalary != null) {
    checks.require(Number.isInteger(filter.minSalary) && filter.minSalary >= 0, 'filter.minSalary', 'must not be negative');
  }
  if (filter.employerId != null) checks.require(isObjectId(filter.employerId), 'filter.employerId', 'is not a valid id');
  const near = resolveNear(filter.near, 'filter.near', checks);
  return { ...filter, states, near };
}
