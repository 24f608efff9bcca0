// The embedded engine's career and market counts (search/career-queries.ts): one scan of the
// open postings for career steps, one of the discoverable candidates for talent supply.
//
// Career steps: each posting passing the filter is tested requirement by requirement (degree
// token held, experience met, each required token held and current); the ones failing exactly
// one are grouped by that requirement, and matching/career-steps.ts turns the groups into
// exact per-step counts. The tests mirror the kernel's rules (kernel/match-kernel.ts) on its
// packed documents; the contract suite holds both to the matching module.
import { isoToEpochDay } from '../../matching/dates.js';
import { experienceDays, meetsExperience } from '../../matching/experience.js';
import { compileCandidateFilter, candidateFilterOutcome } from '../../matching/candidate-filter.js';
import { stepsFromGroups, type DegreeGroup, type ExperienceGroup, type QualificationGroup, type StepCount } from '../../matching/career-steps.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import { NO_DEGREE_RANK } from '../../matching/scoring.js';
import { P_LISTS, P_MIN_RANK } from '../kernel/match-kernel.js';
import { ANY_DEGREE_TOKEN } from '../documents/search-tokens.js';
import { compactCandidateProfile, type Vocabularies } from '../kernel/compact-documents.js';
import { compilePostingFilter, isEmptyFilter, postingPassesFilter } from './posting-filter.js';
import type { PostingSlot } from './embedded-postings.js';
import { candidateDaysOn, type CandidateSlot } from './embedded-candidates.js';

export function careerStepsOf(postings: readonly PostingSlot[], vocab: Vocabularies, q: CareerStepsQuery): StepCount[] {
  const f = compilePostingFilter(q.filter);
  const filtered = !isEmptyFilter(f);
  const day = isoToEpochDay(q.today);
  // The candidate in the kernel's packed form: [nDegrees, (rank, fieldId)*, nTokens, (tokenId, expiryDay)*, ...].
  const probe = compactCandidateProfile(q.candidate, vocab);
  const nDeg = probe[0];
  const tokStart = 1 + 2 * nDeg;
  const held = new Set<number>();
  for (let i = 0, k = tokStart + 1; i < probe[tokStart]; i++, k += 2) if (probe[k] >= 0 && probe[k + 1] >= day) held.add(probe[k]);
  const days = experienceDays(q.candidate.experience, q.today);
  const quals = new Map<number, QualificationGroup>();
  const degreeGroups = new Map<number | string, DegreeGroup>();
  const years = new Map<number, ExperienceGroup>();
  const salary = (doc: PostingSlot['doc'], g: { count: number; salaries: number[] }) => {
    g.count++;
    if (doc.salaryCeiling !== null) g.salaries.push(doc.salaryCeiling);
  };
  for (let s = 0; s < postings.length; s++) {
    const slot = postings[s];
    if (filtered && !postingPassesFilter(slot.doc, f)) continue;
    const p = slot.packed;
    const minRank = p[P_MIN_RANK];
    const nFields = p[2];
    const reqStart = P_LISTS + nFields;
    let degreeOk = minRank === NO_DEGREE_RANK;
    for (let i = 0, k = 1; i < nDeg && !degreeOk; i++, k += 2) {
      if (probe[k] < minRank) continue;
      if (nFields === 0) degreeOk = true;
      else for (let j = P_LISTS; j < reqStart; j++) if (p[j] === probe[k + 1] && probe[k + 1] >= 0) degreeOk = true;
    }
    const experienceOk = !(slot.minYears > 0) || meetsExperience(days, slot.minYears);
    let failures = (degreeOk ? 0 : 1) + (experienceOk ? 0 : 1);
    if (failures > 1) continue;
    let failedToken = -1;
    for (let j = reqStart, end = reqStart + p[3]; j < end && failures <= 1; j++) {
      if (!held.has(p[j])) {
        failures++;
        failedToken = j - reqStart;
      }
    }
    if (failures !== 1) continue;
    const doc = slot.doc;
    if (failedToken >= 0) {
      // Keyed by the token's interned id: the document's strings are read once per group.
      const tokenId = p[reqStart + failedToken];
      let g = quals.get(tokenId);
      if (g === undefined) {
        const token = doc.requiredQualificationTokens[failedToken];
        // The token is state-bound exactly when the code is state-specific at a located posting.
        g = { code: doc.requiredQualificationCodes[failedToken], state: token.includes('_in_') ? doc.state : null, count: 0, salaries: [] };
        quals.set(tokenId, g);
      }
      salary(doc, g);
    } else if (!degreeOk) {
      // Numbers for the usual zero or one field (no string built per posting); sorted ids beyond.
      const key = nFields === 0 ? minRank : nFields === 1 ? minRank + 8 * (p[P_LISTS] + 1) : `${minRank}|${[...p.subarray(P_LISTS, reqStart)].sort((a, b) => a - b).join(',')}`;
      let g = degreeGroups.get(key);
      if (g === undefined) {
        g = { rank: minRank, fields: [...doc.minDegreeFields].sort(), count: 0, salaries: [] };
        degreeGroups.set(key, g);
      }
      salary(doc, g);
    } else {
      let g = years.get(slot.minYears);
      if (g === undefined) {
        g = { minYears: slot.minYears, count: 0, salaries: [] };
        years.set(slot.minYears, g);
      }
      salary(doc, g);
    }
  }
  return stepsFromGroups({ qualifications: [...quals.values()], degrees: [...degreeGroups.values()], experience: [...years.values()] });
}

/** One clause of a requirement-only filter, on the kernel's ids (-1: a token nobody holds). */
type Atom = { token: number } | { degrees: { rank: number; field: number | null }[] | null };

interface Plan {
  /** Bits of the atoms the filter needs. */
  mask: number;
  minDays: number | null;
}

/** "L3" / "L3|field" / "ANY" (documents/search-tokens.ts) on the kernel's ids; null: any degree passes. */
function degreeAtom(tokens: readonly string[], vocab: Vocabularies): Atom {
  const degrees: { rank: number; field: number | null }[] = [];
  for (const t of tokens) {
    if (t === ANY_DEGREE_TOKEN) return { degrees: null };
    const m = /^L(\d+)(?:\|(.+))?$/s.exec(t);
    if (m) degrees.push({ rank: Number(m[1]), field: m[2] === undefined ? null : vocab.fields.lookup(m[2]) });
  }
  return { degrees };
}

/** Atoms and plans of filters that constrain only qualifications, degree and experience; else null. */
function plansOf(filters: CandidateCountsQuery['filters'], vocab: Vocabularies): { atoms: Atom[]; plans: Plan[] } | null {
  const atoms: Atom[] = [];
  const index = new Map<string, number>();
  const bit = (key: string, atom: () => Atom): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = atoms.push(atom()) - 1;
      index.set(key, i);
    }
    return 1 << i;
  };
  const plans: Plan[] = [];
  for (const raw of filters) {
    const f = compileCandidateFilter(raw);
    if (f.states !== null || f.settings !== null || f.near !== null) return null;
    let mask = 0;
    for (const t of f.tokens ?? []) mask |= bit(`t:${t}`, () => ({ token: vocab.tokens.lookup(t) }));
    if (f.degreeTokens !== null) mask |= bit(`d:${f.degreeTokens.join('\u0000')}`, () => degreeAtom(f.degreeTokens!, vocab));
    if (atoms.length > 30) return null;
    plans.push({ mask, minDays: f.minDays });
  }
  return { atoms, plans };
}

/** Bits of the atoms candidate `c` (packed: [nDegrees, (rank, fieldId)*, nTokens, (tokenId, expiryDay)*, ...]) fails on `day`. */
function failedAtoms(c: Int32Array, atoms: readonly Atom[], day: number): number {
  const nDeg = c[0];
  const tokStart = 1 + 2 * nDeg;
  const nTok = c[tokStart];
  let failed = 0;
  for (let a = 0; a < atoms.length; a++) {
    const atom = atoms[a];
    let ok = false;
    if ('token' in atom) {
      for (let i = 0, k = tokStart + 1; i < nTok && !ok; i++, k += 2) ok = c[k] === atom.token && atom.token >= 0 && c[k + 1] >= day;
    } else if (atom.degrees === null) ok = true;
    else {
      for (const d of atom.degrees) {
        for (let i = 0, k = 1; i < nDeg && !ok; i++, k += 2) ok = c[k] >= d.rank && (d.field === null || (c[k + 1] === d.field && d.field >= 0));
        if (ok) break;
      }
    }
    if (!ok) failed |= 1 << a;
  }
  return failed;
}

/**
 * The CandidateFilter rule (matching/candidate-filter.ts) per filter. Talent supply's filters
 * are the posting's requirements with one changed, so they share almost every clause: for
 * filters of qualifications, degree and experience only, each candidate answers each distinct
 * clause once, on the kernel's packed ids (as ranking does), and a filter is a bit mask of the
 * clauses it needs; experience is computed only for candidates that pass the rest. Other
 * filters take the rule as it is.
 */
export function countCandidatesOf(candidates: readonly CandidateSlot[], vocab: Vocabularies, q: CandidateCountsQuery): number[] {
  const day = isoToEpochDay(q.today);
  const counts = q.filters.map(() => 0);
  const compiled = plansOf(q.filters, vocab);
  if (compiled === null) {
    const filters = q.filters.map((f) => compileCandidateFilter(f));
    const out = { failed: 0, distanceMiles: null as number | null };
    for (const slot of candidates) {
      for (let i = 0; i < filters.length; i++) {
        if (candidateFilterOutcome(slot.view, filters[i], day, () => candidateDaysOn(slot, day), out).failed === 0) counts[i]++;
      }
    }
    return counts;
  }
  const { atoms, plans } = compiled;
  for (let s = 0; s < candidates.length; s++) {
    const slot = candidates[s];
    const failed = failedAtoms(slot.packed, atoms, day);
    let days = NaN;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      if ((failed & plan.mask) !== 0) continue;
      if (plan.minDays !== null) {
        if (Number.isNaN(days)) days = candidateDaysOn(slot, day);
        if (days < plan.minDays) continue;
      }
      counts[i]++;
    }
  }
  return counts;
}
