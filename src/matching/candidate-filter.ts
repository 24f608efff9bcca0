// The CandidateFilter rule (contract-next CandidateFilter), once, on plain data: the embedded
// engine runs it per document and the Meilisearch adapter expresses the same clauses as filter
// strings; the contract suite holds both to it. Every clause reports separately (a bit mask of
// the failed ones), so disjunctive facets can tell "fails only my own filter" apart.
import { DAYS_PER_YEAR } from './experience.js';
import { boundingBox, distanceWithin, type BoundingBox, type GeoRadius } from './geo.js';

/** Clause bits; a document passes when none fails. */
export const CANDIDATE_CLAUSE = { states: 1, qualifications: 2, minDegree: 4, minYears: 8, settings: 16, near: 32 } as const;

export interface CandidateFilterInput {
  states?: readonly string[] | null;
  /** qualificationToken()s that must ALL be held, current on the day (code, or code+state). */
  qualificationTokens?: readonly string[] | null;
  /** Degree tokens of the minDegree requirement: the candidate must hold at least one. */
  degreeTokens?: readonly string[] | null;
  minYearsExperience?: number | null;
  settings?: readonly string[] | null;
  near?: GeoRadius | null;
}

export interface CompiledCandidateFilter {
  states: ReadonlySet<string> | null;
  tokens: readonly string[] | null;
  degreeTokens: readonly string[] | null;
  minDays: number | null;
  settings: ReadonlySet<string> | null;
  near: GeoRadius | null;
  box: BoundingBox | null;
}

/** What the rule reads of a candidate. */
export interface CandidateFilterView {
  state: string | null;
  degreeTokens: readonly string[];
  /** Token -> latest expiry epoch day (see search-tokens.ts). */
  qualificationExpiry: Readonly<Record<string, number>>;
  /** Settings of the candidate's experience entries. */
  settings: readonly string[];
  latitude: number | null;
  longitude: number | null;
}

const nonEmpty = <T>(v: readonly T[] | null | undefined): readonly T[] | null => (v == null || v.length === 0 ? null : v);

export function compileCandidateFilter(f: CandidateFilterInput | null | undefined): CompiledCandidateFilter {
  const states = nonEmpty(f?.states);
  const settings = nonEmpty(f?.settings);
  const near = f?.near ?? null;
  return {
    states: states ? new Set(states) : null,
    tokens: nonEmpty(f?.qualificationTokens),
    degreeTokens: nonEmpty(f?.degreeTokens),
    minDays: f?.minYearsExperience != null && f.minYearsExperience > 0 ? f.minYearsExperience * DAYS_PER_YEAR : null,
    settings: settings ? new Set(settings) : null,
    near,
    box: near ? boundingBox(near, near.radiusMiles) : null,
  };
}

export interface CandidateFilterOutcome {
  /** OR of the CANDIDATE_CLAUSE bits that fail; 0: passes. */
  failed: number;
  /** Distance from filter.near's centre when within it, else null. */
  distanceMiles: number | null;
}

/**
 * Which clauses the candidate fails on epoch day `day`; `experienceDays` is asked only when
 * the filter has a minimum (the engine's cheapest way to know it).
 */
export function candidateFilterOutcome(
  c: CandidateFilterView,
  f: CompiledCandidateFilter,
  day: number,
  experienceDays: () => number,
  out: CandidateFilterOutcome = { failed: 0, distanceMiles: null },
): CandidateFilterOutcome {
  let failed = 0;
  if (f.states !== null && (c.state === null || !f.states.has(c.state))) failed |= CANDIDATE_CLAUSE.states;
  if (f.tokens !== null) {
    for (const t of f.tokens) {
      const expiry = c.qualificationExpiry[t];
      if (expiry === undefined || expiry < day) {
        failed |= CANDIDATE_CLAUSE.qualifications;
        break;
      }
    }
  }
  if (f.degreeTokens !== null && !f.degreeTokens.some((t) => c.degreeTokens.includes(t))) failed |= CANDIDATE_CLAUSE.minDegree;
  if (f.minDays !== null && experienceDays() < f.minDays) failed |= CANDIDATE_CLAUSE.minYears;
  if (f.settings !== null && !c.settings.some((s) => f.settings!.has(s))) failed |= CANDIDATE_CLAUSE.settings;
  out.distanceMiles = null;
  if (f.near !== null) {
    out.distanceMiles = distanceWithin(f.near, f.box!, c.latitude, c.longitude);
    if (out.distanceMiles === null) failed |= CANDIDATE_CLAUSE.near;
  }
  out.failed = failed;
  return out;
}

/** True when `failed` has no bit other than `allowed` (a disjunctive facet's own clause). */
export function failsAtMost(failed: number, allowed: number): boolean {
  return (failed & ~allowed) === 0;
}
