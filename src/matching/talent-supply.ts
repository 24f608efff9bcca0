// Talent supply (DESIGN §9 "Talent supply"): which single relaxation of a posting's
// requirements would add how many discoverable candidates. Pure: this module lists the
// applicable relaxations with the requirement set each leaves, the engines count the
// candidates meeting each set (with the CandidateFilter rule), and relaxationViews orders them.
import { DEGREE_LEVEL_ORDER, RequirementKind, degreeRank, type DegreeLevel } from '../shared/enums.js';
import { distinctCodes, normalizeCode, normalizeTerms } from '../shared/normalize.js';
import type { CatalogQualification, PostingProfile } from './matching.types.js';
import { degreeWords } from './career-steps.js';

export enum RelaxationChange {
  DROP = 'DROP',
  ANY_STATE = 'ANY_STATE',
  ANY_FIELD = 'ANY_FIELD',
  ONE_LEVEL_LOWER = 'ONE_LEVEL_LOWER',
}

/** A posting's requirements as the candidate side tests them. */
export interface RequirementSet {
  /** null: no degree required. fields normalised and distinct; empty: any field. */
  degree: { rank: number; fields: string[] } | null;
  minYears: number;
  /** Each required code with the state it must be granted in (null: any state). */
  qualifications: { code: string; state: string | null }[];
}

export interface Relaxation {
  kind: RequirementKind;
  code: string | null;
  change: RelaxationChange;
  /** The posting's requirements with this one change. */
  requirements: RequirementSet;
}

export function postingRequirementSet(posting: PostingProfile, catalog: ReadonlyMap<string, CatalogQualification>): RequirementSet {
  const state = posting.state == null || posting.state.trim() === '' ? null : normalizeCode(posting.state);
  return {
    degree: posting.minDegree === null ? null : { rank: degreeRank(posting.minDegree.minLevel), fields: normalizeTerms(posting.minDegree.fields) },
    minYears: posting.minYearsExperience,
    qualifications: distinctCodes(posting.requiredQualificationCodes).map((code) => ({
      code,
      state: catalog.get(code)?.stateSpecific === true ? state : null,
    })),
  };
}

/** Every applicable relaxation, in a fixed order (relaxationViews re-orders by what they add). */
export function relaxationsOf(req: RequirementSet): Relaxation[] {
  const out: Relaxation[] = [];
  const with_ = (kind: RequirementKind, code: string | null, change: RelaxationChange, requirements: RequirementSet) =>
    out.push({ kind, code, change, requirements });
  if (req.degree !== null) {
    const { rank, fields } = req.degree;
    with_(RequirementKind.DEGREE, null, RelaxationChange.DROP, { ...req, degree: null });
    if (fields.length > 0) with_(RequirementKind.DEGREE, null, RelaxationChange.ANY_FIELD, { ...req, degree: { rank, fields: [] } });
    if (rank > 0) with_(RequirementKind.DEGREE, null, RelaxationChange.ONE_LEVEL_LOWER, { ...req, degree: { rank: rank - 1, fields } });
  }
  if (req.minYears > 0) with_(RequirementKind.EXPERIENCE, null, RelaxationChange.DROP, { ...req, minYears: 0 });
  req.qualifications.forEach((q, i) => {
    const others = req.qualifications.filter((_, j) => j !== i);
    with_(RequirementKind.QUALIFICATION, q.code, RelaxationChange.DROP, { ...req, qualifications: others });
    if (q.state !== null) {
      const anyState = req.qualifications.map((r, j) => (j === i ? { code: r.code, state: null } : r));
      with_(RequirementKind.QUALIFICATION, q.code, RelaxationChange.ANY_STATE, { ...req, qualifications: anyState });
    }
  });
  return out;
}

export interface RelaxationView {
  kind: RequirementKind;
  code: string | null;
  change: RelaxationChange;
  addedCandidates: number;
  detail: string;
}

const KIND_ORDER: Record<RequirementKind, number> = { DEGREE: 0, EXPERIENCE: 1, QUALIFICATION: 2 };
const CHANGE_ORDER: Record<RelaxationChange, number> = { DROP: 0, ANY_STATE: 1, ANY_FIELD: 2, ONE_LEVEL_LOWER: 3 };

/** Contract order: addedCandidates desc, RequirementKind order, code asc, RelaxationChange order. */
export function compareRelaxations(a: RelaxationView, b: RelaxationView): number {
  if (a.addedCandidates !== b.addedCandidates) return b.addedCandidates - a.addedCandidates;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.code !== b.code) return (a.code ?? '') < (b.code ?? '') ? -1 : 1;
  return CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change];
}

const plus = (n: number) => `+${n} candidate${n === 1 ? '' : 's'}`;
const yearsText = (y: number) => `${y} year${y === 1 ? '' : 's'}`;

function describe(r: Relaxation, original: RequirementSet): string {
  const level = (rank: number): DegreeLevel => DEGREE_LEVEL_ORDER[rank];
  switch (r.kind) {
    case RequirementKind.QUALIFICATION: {
      const state = original.qualifications.find((q) => q.code === r.code)?.state;
      return r.change === RelaxationChange.DROP
        ? `Accept ${r.code} as preferred instead of required`
        : `Accept ${r.code} granted in any state, not only ${state}`;
    }
    case RequirementKind.EXPERIENCE:
      return `Drop the ${yearsText(original.minYears)} of experience required`;
    case RequirementKind.DEGREE: {
      const rank = original.degree!.rank;
      if (r.change === RelaxationChange.DROP) return `Drop the degree requirement (${degreeWords(level(rank))})`;
      if (r.change === RelaxationChange.ANY_FIELD) return `Accept ${degreeWords(level(rank))} in any field`;
      return `Accept ${degreeWords(level(rank - 1))} instead of ${degreeWords(level(rank))}`;
    }
  }
}

/**
 * `counts[i]` = discoverable candidates meeting relaxations[i].requirements, `eligible` those
 * meeting the posting's own: each relaxation only widens, so the difference is what it adds.
 */
export function relaxationViews(original: RequirementSet, relaxations: readonly Relaxation[], eligible: number, counts: readonly number[]): RelaxationView[] {
  return relaxations
    .map((r, i) => {
      const addedCandidates = Math.max(0, counts[i] - eligible);
      return { kind: r.kind, code: r.code, change: r.change, addedCandidates, detail: `${describe(r, original)}: ${plus(addedCandidates)}` };
    })
    .sort(compareRelaxations);
}
