// The PostingFilter semantics, once, for the embedded engine (the Meilisearch adapter
// expresses the same rules as a filter string in meilisearch-filters.ts; the contract suite
// holds both to them). An empty list means "no constraint", like an absent one.
import { normalizeCode } from '../../shared/normalize.js';
import type { PostingSearchDocument, PostingSearchFilter } from '../search-engine.js';

export interface CompiledPostingFilter {
  states: ReadonlySet<string> | null;
  settings: ReadonlySet<string> | null;
  employmentTypes: ReadonlySet<string> | null;
  remote: boolean | null;
  minSalary: number | null;
  employerId: string | null;
}

function setOf(values: readonly string[] | null | undefined, norm: (v: string) => string): ReadonlySet<string> | null {
  return values == null || values.length === 0 ? null : new Set(values.map(norm));
}

export function compilePostingFilter(filter: PostingSearchFilter | null | undefined): CompiledPostingFilter {
  const same = (v: string): string => v;
  return {
    states: setOf(filter?.states, normalizeCode),
    settings: setOf(filter?.settings, same),
    employmentTypes: setOf(filter?.employmentTypes, same),
    remote: filter?.remote ?? null,
    minSalary: filter?.minSalary ?? null,
    employerId: filter?.employerId ?? null,
  };
}

/** True when the posting passes the filter (status is checked by the caller). */
export function postingPassesFilter(doc: PostingSearchDocument, f: CompiledPostingFilter): boolean {
  if (f.states !== null && (doc.state === null || !f.states.has(doc.state))) return false;
  if (f.settings !== null && !f.settings.has(doc.setting)) return false;
  if (f.employmentTypes !== null && !f.employmentTypes.has(doc.employmentType)) return false;
  if (f.remote !== null && doc.remote !== f.remote) return false;
  if (f.minSalary !== null && (doc.salaryCeiling === null || doc.salaryCeiling < f.minSalary)) return false;
  if (f.employerId !== null && doc.employerId !== f.employerId) return false;
  return true;
}

export function isEmptyFilter(f: CompiledPostingFilter): boolean {
  return f.states === null && f.settings === null && f.employmentTypes === null && f.remote === null && f.minSalary === null && f.employerId === null;
}
