// Disjunctive posting facet counts over compact slots (DESIGN §9 "Facets"): a posting that
// passes the whole filter counts in every facet; one that fails exactly one facet's own clause
// counts in that facet alone (its counts are "what you would get by changing this facet");
// anything else counts nowhere. The counts are integer increments into arrays indexed by the
// slots' label ids: no string, map or document work per posting.
import type { PostingFacetCounts } from '../search-engine.js';
import type { FacetCount } from '../../matching/facets.js';
import { facetList } from '../../matching/facets.js';
import type { Vocabulary } from '../kernel/match-kernel.js';
import { POSTING_CLAUSE, type PostingFields } from './posting-filter.js';

const FACET_CLAUSES = POSTING_CLAUSE.states | POSTING_CLAUSE.settings | POSTING_CLAUSE.employmentTypes | POSTING_CLAUSE.remote | POSTING_CLAUSE.minSalary;

/** `drive` calls `count` for every posting that can pass, with the clauses it fails. */
export function countPostingFacets(
  labels: Vocabulary,
  drive: (count: (posting: PostingFields, failed: number) => void) => void,
): PostingFacetCounts {
  const values = labels.values();
  const states = new Int32Array(values.length);
  const settings = new Int32Array(values.length);
  const types = new Int32Array(values.length);
  const bands = new Int32Array(values.length);
  const remote = [0, 0];
  drive((s, failed) => {
    if (failed === 0) {
      if (s.state >= 0) states[s.state]++;
      settings[s.setting]++;
      types[s.employmentType]++;
      remote[s.remote ? 1 : 0]++;
      if (s.band >= 0) bands[s.band]++;
      return;
    }
    // Exactly one clause fails, and it is a facet's own: count the posting in that facet only.
    if ((failed & (failed - 1)) !== 0 || (failed & FACET_CLAUSES) === 0) return;
    if (failed === POSTING_CLAUSE.states) {
      if (s.state >= 0) states[s.state]++;
    } else if (failed === POSTING_CLAUSE.settings) settings[s.setting]++;
    else if (failed === POSTING_CLAUSE.employmentTypes) types[s.employmentType]++;
    else if (failed === POSTING_CLAUSE.remote) remote[s.remote ? 1 : 0]++;
    else if (s.band >= 0) bands[s.band]++;
  });
  const list = (counts: Int32Array): FacetCount[] => facetList(new Map([...counts].map((n, id) => [values[id], n])));
  return {
    states: list(states),
    settings: list(settings),
    employmentTypes: list(types),
    remote: facetList({ false: remote[0], true: remote[1] }),
    salaryBands: list(bands),
  };
}
