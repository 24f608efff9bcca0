// The PostingFilter semantics, once, for the embedded engine (the Meilisearch adapter
// expresses the same rules as a filter string in meilisearch-filters.ts; the contract suite
// holds both to them). An empty list means "no constraint", like an absent one. Each clause
// reports separately (a bit mask), so disjunctive facets can drop exactly their own clause.
import { normalizeCode } from '../../shared/normalize.js';
import { boundingBox, distanceWithin, type BoundingBox, type GeoRadius } from '../../matching/geo.js';
import type { PostingSearchDocument, PostingSearchFilter } from '../search-engine.js';

export const POSTING_CLAUSE = { states: 1, settings: 2, employmentTypes: 4, remote: 8, minSalary: 16, employerId: 32, near: 64, requiredCode: 128 } as const;

export interface CompiledPostingFilter {
  states: ReadonlySet<string> | null;
  settings: ReadonlySet<string> | null;
  employmentTypes: ReadonlySet<string> | null;
  remote: boolean | null;
  minSalary: number | null;
  employerId: string | null;
  near: GeoRadius | null;
  box: BoundingBox | null;
  requiredCode: string | null;
}

function setOf(values: readonly string[] | null | undefined, norm: (v: string) => string): ReadonlySet<string> | null {
  return values == null || values.length === 0 ? null : new Set(values.map(norm));
}

export function compilePostingFilter(filter: PostingSearchFilter | null | undefined): CompiledPostingFilter {
  const same = (v: string): string => v;
  const near = filter?.near ?? null;
  return {
    states: setOf(filter?.states, normalizeCode),
    settings: setOf(filter?.settings, same),
    employmentTypes: setOf(filter?.employmentTypes, same),
    remote: filter?.remote ?? null,
    minSalary: filter?.minSalary ?? null,
    employerId: filter?.employerId ?? null,
    near,
    box: near ? boundingBox(near, near.radiusMiles) : null,
    requiredCode: filter?.requiredCode ? normalizeCode(filter.requiredCode) : null,
  };
}

/** OR of the POSTING_CLAUSE bits the posting fails (0: passes); status is the caller's. */
export function postingFilterFailures(doc: PostingSearchDocument, f: CompiledPostingFilter): number {
  let failed = 0;
  if (f.states !== null && (doc.state === null || !f.states.has(doc.state))) failed |= POSTING_CLAUSE.states;
  if (f.settings !== null && !f.settings.has(doc.setting)) failed |= POSTING_CLAUSE.settings;
  if (f.employmentTypes !== null && !f.employmentTypes.has(doc.employmentType)) failed |= POSTING_CLAUSE.employmentTypes;
  if (f.remote !== null && doc.remote !== f.remote) failed |= POSTING_CLAUSE.remote;
  if (f.minSalary !== null && (doc.salaryCeiling === null || doc.salaryCeiling < f.minSalary)) failed |= POSTING_CLAUSE.minSalary;
  if (f.employerId !== null && doc.employerId !== f.employerId) failed |= POSTING_CLAUSE.employerId;
  if (f.near !== null && postingDistance(doc, f) === null) failed |= POSTING_CLAUSE.near;
  if (f.requiredCode !== null && !doc.requiredQualificationCodes.includes(f.requiredCode)) failed |= POSTING_CLAUSE.requiredCode;
  return failed;
}

/** Distance from filter.near's centre when the posting lies within it; remote postings never do. */
export function postingDistance(doc: PostingSearchDocument, f: CompiledPostingFilter): number | null {
  if (f.near === null || doc.remote) return null;
  return distanceWithin(f.near, f.box!, doc.latitude, doc.longitude);
}

/** True when the posting passes the filter (status is checked by the caller). */
export function postingPassesFilter(doc: PostingSearchDocument, f: CompiledPostingFilter): boolean {
  return postingFilterFailures(doc, f) === 0;
}

export function isEmptyFilter(f: CompiledPostingFilter): boolean {
  return (
    f.states === null && f.settings === null && f.employmentTypes === null && f.remote === null &&
    f.minSalary === null && f.employerId === null && f.near === null && f.requiredCode === null
  );
}
