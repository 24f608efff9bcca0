// Filter strings for the career and market questions on Meilisearch (pure request building;
// meilisearch-career.ts sends them). Career steps split a candidate's posting-side eligibility
// into its three parts, D (degree), E (experience) and Q (qualifications), so a filter can say
// "fails exactly this part" (e.g. NOT D AND E AND Q) and, per candidate step, "passes after the
// change" (e.g. degreeTokens IN <the tokens the new degree gives>). Talent supply counts
// candidates with the CandidateFilter clauses, with stale experience anchors decided exactly.
import { DAYS_PER_YEAR } from '../../matching/experience.js';
import { StepKind, type StepChange } from '../../matching/career-steps.js';
import type { CandidateSearchFilter } from '../search-engine.js';
import { candidateDegreeTokens, qualificationToken } from '../documents/search-tokens.js';
import { OPEN_POSTING, and, inList, not, notInList, num, or, postingFilterClause, type CandidateView } from './meilisearch-filters.js';
import { candidateFilterString } from './meilisearch-browse.js';
import type { PostingSearchFilter } from '../search-engine.js';

export interface EligibilityParts {
  base: string;
  degree: string;
  experience: string;
  /** null: the candidate holds every token any posting here requires (no qualification can fail). */
  qualifications: string | null;
  /** Tokens some posting here requires that the candidate lacks (held and current). */
  notHeld: readonly string[];
}

/** `required`: every token the postings under `filter` require (from a facet). */
export function eligibilityParts(view: CandidateView, filter: PostingSearchFilter | null | undefined, required: readonly string[]): EligibilityParts {
  const notHeld = required.filter((t) => !view.currentTokens.has(t)).sort();
  return {
    base: and(OPEN_POSTING, postingFilterClause(filter)),
    degree: inList('degreeTokens', view.degreeTokens),
    // The same hair of slack as postingEligibilityClause: ranking and steps agree on the boundary.
    experience: `minYearsExperience <= ${num(view.experienceYears + 1e-9)}`,
    qualifications: notHeld.length > 0 ? notInList('requiredQualificationTokens', notHeld) : null,
    notHeld,
  };
}

/** The near-miss pool of each kind and the attribute whose values name its candidate steps. */
export function nearMissPools(p: EligibilityParts): { kind: StepKind; filter: string; attribute: string }[] {
  const pools = [
    { kind: StepKind.DEGREE, filter: and(p.base, not(p.degree), p.experience, p.qualifications), attribute: 'degreeTokens' },
    { kind: StepKind.EXPERIENCE, filter: and(p.base, p.degree, not(p.experience), p.qualifications), attribute: 'minYearsExperience' },
  ];
  if (p.qualifications !== null) {
    pools.push({ kind: StepKind.QUALIFICATION, filter: and(p.base, p.degree, p.experience, not(p.qualifications)), attribute: 'requiredQualificationTokens' });
  }
  return pools;
}

/** "L3" / "L3|health administration" (search-tokens.ts) as a DEGREE step. */
export function degreeStepOf(token: string): StepChange | null {
  const m = /^L(\d+)(?:\|(.+))?$/s.exec(token);
  return m ? { kind: StepKind.DEGREE, degreeRank: Number(m[1]), degreeField: m[2] ?? null } : null;
}

/** Inverse of qualificationToken's encoding ("_<hex>_" back to the character, "_in_" splits the state). */
export function qualificationStepOf(token: string): StepChange {
  const decode = (part: string) => part.replace(/_([0-9a-f]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  const at = token.indexOf('_in_');
  return at < 0
    ? { kind: StepKind.QUALIFICATION, code: decode(token), state: null }
    : { kind: StepKind.QUALIFICATION, code: decode(token.slice(0, at)), state: decode(token.slice(at + 4)) };
}

/** The candidate steps a pool's distinct values name (held qualification tokens are not steps). */
export function stepsOfPool(kind: StepKind, values: readonly string[], p: EligibilityParts): StepChange[] {
  if (kind === StepKind.DEGREE) return values.map(degreeStepOf).filter((s): s is StepChange => s !== null);
  if (kind === StepKind.EXPERIENCE) return values.map((v) => ({ kind, minYears: Number(v) })).filter((s) => Number.isFinite(s.minYears));
  const lacking = new Set(p.notHeld);
  return values.filter((t) => lacking.has(t)).map(qualificationStepOf);
}

/** Postings failing now and passing after `step`: the step's own part fails now and passes after. */
export function unlockedFilter(step: StepChange, p: EligibilityParts): string {
  switch (step.kind) {
    case StepKind.QUALIFICATION: {
      const gained = new Set([qualificationToken(step.code, null), ...(step.state === null ? [] : [qualificationToken(step.code, step.state)])]);
      const stillLacking = p.notHeld.filter((t) => !gained.has(t));
      const after = stillLacking.length > 0 ? notInList('requiredQualificationTokens', stillLacking) : null;
      // Qualification steps come only from the qualification pool, which exists only when Q does.
      if (p.qualifications === null) throw new RangeError('no qualification can fail here');
      return and(p.base, p.degree, p.experience, not(p.qualifications), after);
    }
    case StepKind.DEGREE: {
      const gained = candidateDegreeTokens([{ rank: step.degreeRank, field: step.degreeField ?? '' }]);
      return and(p.base, not(p.degree), p.experience, p.qualifications, inList('degreeTokens', gained));
    }
    case StepKind.EXPERIENCE:
      return and(p.base, p.degree, not(p.experience), p.qualifications, `minYearsExperience <= ${num(step.minYears)}`);
  }
}

/** Candidates whose stored experience anchor does not cover `day` (filters let them through). */
export function staleAnchor(day: number): string {
  return or(`experienceValidUntilDay <= ${num(day)}`, `indexedOnDay > ${num(day)}`);
}

/**
 * One CandidateFilter as an exact count: `fresh` counts the candidates whose anchor decides
 * experience exactly; `stale` (null without an experience minimum) lists the rest, whose
 * experience the adapter computes from their intervals.
 */
export function exactCandidateCount(f: CandidateSearchFilter, day: number): { fresh: string; stale: string | null; minYears: number } {
  const minYears = f.minYearsExperience ?? 0;
  if (!(minYears > 0)) return { fresh: candidateFilterString(f, day), stale: null, minYears: 0 };
  const rest = candidateFilterString({ ...f, minYearsExperience: null }, day);
  const minDays = minYears * DAYS_PER_YEAR;
  const enough = or(`experienceClosedDays >= ${num(minDays)}`, `experienceEffectiveStartDay <= ${num(day - minDays)}`);
  return { fresh: and(rest, enough, not(staleAnchor(day))), stale: and(rest, staleAnchor(day)), minYears };
}
