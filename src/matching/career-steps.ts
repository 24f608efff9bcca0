// Career steps (DESIGN §9 "Career steps"): pure rules, no I/O. The engines find the near-miss
// postings (open, after the filter, failing exactly one requirement) and either group them
// (embedded: nearMissGroups -> stepsFromGroups here) or count each step with filters
// (Meilisearch); both hand back StepCounts, which orderSteps and careerStepView finish.
//
// Why counting per step needs more than the groups themselves: one change can satisfy
// postings of several groups. A qualification gained in state S is also held "in any state"
// (a posting without a state that requires the code); a degree of level L in field F also
// meets every lower level and every posting naming no field; L more years meet every smaller
// minimum. unlocks is exact: the number of open postings that fail now and pass after it.
import { DEGREE_LEVEL_ORDER, type DegreeLevel } from '../shared/enums.js';

export enum StepKind {
  QUALIFICATION = 'QUALIFICATION',
  DEGREE = 'DEGREE',
  EXPERIENCE = 'EXPERIENCE',
}

/** One change to the candidate. EXPERIENCE names the posting minimum it reaches (years = it - own years). */
export type StepChange =
  | { kind: StepKind.QUALIFICATION; code: string; state: string | null }
  | { kind: StepKind.DEGREE; degreeRank: number; degreeField: string | null }
  | { kind: StepKind.EXPERIENCE; minYears: number };

export interface StepCount {
  change: StepChange;
  /** Open postings (after the filter) ineligible now and eligible after the change. */
  unlocks: number;
  /** Median salaryCeiling of those postings (medianOf), null when none has one. */
  medianSalary: number | null;
}

/** Near-miss postings whose only failure is one required qualification token. */
export interface QualificationGroup {
  code: string;
  /** The state the posting requires it in (state-specific code, posting with a state), else null. */
  state: string | null;
  count: number;
  salaries: number[];
}

/** Near-miss postings whose only failure is the degree, per (level, field list). */
export interface DegreeGroup {
  rank: number;
  /** Normalised fields, sorted; empty: any field. */
  fields: string[];
  count: number;
  salaries: number[];
}

/** Near-miss postings whose only failure is experience, per minimum. */
export interface ExperienceGroup {
  minYears: number;
  count: number;
  salaries: number[];
}

export interface NearMissGroups {
  qualifications: QualificationGroup[];
  degrees: DegreeGroup[];
  experience: ExperienceGroup[];
}

/**
 * Median of the values: the middle one, or for an even count the mean of the two middle ones
 * rounded to the nearest integer (halves up). null for none. `counts` is value -> how many.
 */
export function medianOf(counts: ReadonlyMap<number, number> | Iterable<[number, number]>): number | null {
  const entries = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (rank < seen) return v;
    }
    return entries[entries.length - 1][0];
  };
  const lo = valueAt(Math.floor((total - 1) / 2));
  const hi = valueAt(Math.floor(total / 2));
  return Math.round((lo + hi) / 2);
}

export function salaryCounts(salaries: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of salaries) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

let scratch = new Float64Array(1024);

/** k-th smallest of a[0..n) (0-based), partially reordering a: Hoare selection, O(n) on average. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * medianOf over the salaries of disjoint groups, by selection instead of sorting or counting:
 * a step of a large candidate pool unions thousands of salaries, and there are many steps.
 */
export function medianOfGroups(groups: readonly { salaries: readonly number[] }[]): number | null {
  let n = 0;
  for (const g of groups) n += g.salaries.length;
  if (n === 0) return null;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  let at = 0;
  for (const g of groups) for (const s of g.salaries) scratch[at++] = s;
  const upper = Math.floor(n / 2);
  const hi = select(scratch, n, upper);
  if (n % 2 === 1) return hi;
  // After selecting `upper`, everything before it is <= it: the lower middle is their maximum.
  let lo = -Infinity;
  for (let i = 0; i < upper; i++) if (scratch[i] > lo) lo = scratch[i];
  return Math.round((lo + hi) / 2);
}

function stepFrom(change: StepChange, groups: readonly { count: number; salaries: number[] }[]): StepCount {
  const unlocks = groups.reduce((s, g) => s + g.count, 0);
  return { change, unlocks, medianSalary: medianOfGroups(groups) };
}

/** Every candidate step of the groups with its exact count; steps unlocking nothing are dropped. */
export function stepsFromGroups(groups: NearMissGroups): StepCount[] {
  const out: StepCount[] = [];
  // (code, S) also unlocks the postings that need the code in any state.
  const anyState = new Map(groups.qualifications.filter((g) => g.state === null).map((g) => [g.code, g]));
  for (const g of groups.qualifications) {
    const also = g.state === null ? undefined : anyState.get(g.code);
    out.push(stepFrom({ kind: StepKind.QUALIFICATION, code: g.code, state: g.state }, also ? [g, also] : [g]));
  }
  const degreeSteps = new Map<string, { rank: number; field: string | null }>();
  for (const g of groups.degrees) {
    for (const field of g.fields.length === 0 ? [null] : g.fields) degreeSteps.set(`${g.rank}|${field ?? ''}`, { rank: g.rank, field });
  }
  for (const { rank, field } of degreeSteps.values()) {
    const met = groups.degrees.filter((g) => g.rank <= rank && (g.fields.length === 0 || (field !== null && g.fields.includes(field))));
    out.push(stepFrom({ kind: StepKind.DEGREE, degreeRank: rank, degreeField: field }, met));
  }
  const byYears = [...groups.experience].sort((a, b) => a.minYears - b.minYears);
  for (let i = 0; i < byYears.length; i++) {
    out.push(stepFrom({ kind: StepKind.EXPERIENCE, minYears: byYears[i].minYears }, byYears.slice(0, i + 1)));
  }
  return out.filter((s) => s.unlocks > 0);
}

const KIND_ORDER: Record<StepKind, number> = { QUALIFICATION: 0, DEGREE: 1, EXPERIENCE: 2 };

/** null first, then by code unit order. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The contract's order: unlocks desc, kind, smaller change, then code / field / state asc (null first). */
export function compareSteps(a: StepCount, b: StepCount): number {
  if (a.unlocks !== b.unlocks) return b.unlocks - a.unlocks;
  const x = a.change;
  const y = b.change;
  if (x.kind !== y.kind) return KIND_ORDER[x.kind] - KIND_ORDER[y.kind];
  if (x.kind === StepKind.EXPERIENCE && y.kind === StepKind.EXPERIENCE) return x.minYears - y.minYears;
  if (x.kind === StepKind.DEGREE && y.kind === StepKind.DEGREE) {
    return x.degreeRank - y.degreeRank || compareText(x.degreeField, y.degreeField);
  }
  if (x.kind === StepKind.QUALIFICATION && y.kind === StepKind.QUALIFICATION) {
    return compareText(x.code, y.code) || compareText(x.state, y.state);
  }
  return 0;
}

/** The first `first` steps in the contract's order. */
export function orderSteps(steps: readonly StepCount[], first: number): StepCount[] {
  return [...steps].sort(compareSteps).slice(0, first);
}

/** Additional years, rounded UP to hundredths so that adding them always suffices. */
export function additionalYears(minYears: number, candidateYears: number): number {
  return Math.max(0, Math.ceil((minYears - candidateYears) * 100 - 1e-6) / 100);
}

export interface CareerStepView {
  kind: StepKind;
  code: string | null;
  state: string | null;
  degreeLevel: DegreeLevel | null;
  degreeField: string | null;
  years: number | null;
  unlocks: number;
  medianSalary: number | null;
  detail: string;
}

const DEGREE_WORDS: Record<DegreeLevel, string> = {
  HIGH_SCHOOL: 'a high-school diploma',
  ASSOCIATE: "an associate's degree",
  BACHELOR: "a bachelor's degree",
  MASTER: "a master's degree",
  DOCTORATE: 'a doctorate',
};

export function degreeWords(level: DegreeLevel): string {
  return DEGREE_WORDS[level];
}

const postings = (n: number) => `${n} more posting${n === 1 ? '' : 's'}`;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The API's view of a step: "Earn CMM: 14 more postings", "NHA licence in TX: 6 more postings". */
export function careerStepView(step: StepCount, candidateYears: number): CareerStepView {
  const c = step.change;
  const base = { code: null, state: null, degreeLevel: null, degreeField: null, years: null, unlocks: step.unlocks, medianSalary: step.medianSalary };
  switch (c.kind) {
    case StepKind.QUALIFICATION: {
      const what = c.state === null ? `Earn ${c.code}` : `${c.code} licence in ${c.state}`;
      return { ...base, kind: c.kind, code: c.code, state: c.state, detail: `${what}: ${postings(step.unlocks)}` };
    }
    case StepKind.DEGREE: {
      const level = DEGREE_LEVEL_ORDER[c.degreeRank];
      const what = `${degreeWords(level)}${c.degreeField === null ? ' in any field' : ` in ${c.degreeField}`}`;
      return { ...base, kind: c.kind, degreeLevel: level, degreeField: c.degreeField, detail: `${capitalised(what)}: ${postings(step.unlocks)}` };
    }
    case StepKind.EXPERIENCE: {
      const years = additionalYears(c.minYears, candidateYears);
      const what = `${years} more year${years === 1 ? '' : 's'} of experience`;
      return { ...base, kind: c.kind, years, detail: `${capitalised(what)}: ${postings(step.unlocks)}` };
    }
  }
}
