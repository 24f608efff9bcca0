// The embedded engine's career and market counts (search/career-queries.ts): one scan of the
// open postings for career steps, one of the discoverable candidates for talent supply.
//
// Career steps: each posting passing the filter is tested requirement by requirement (degree
// token held, experience met, each required token held and current); the ones failing exactly
// one are grouped by that requirement, and matching/career-steps.ts turns the groups into
// exact per-step counts. The tests mirror the kernel's rules (kernel/match-kernel.ts) on the
// documents' tokens; the contract suite holds both to the matching module.
import { degreeRank } from '../../shared/enums.js';
import { normalizeTerm } from '../../shared/normalize.js';
import { isoToEpochDay } from '../../matching/dates.js';
import { experienceDays, meetsExperience } from '../../matching/experience.js';
import { compileCandidateFilter, candidateFilterOutcome } from '../../matching/candidate-filter.js';
import { stepsFromGroups, type DegreeGroup, type ExperienceGroup, type QualificationGroup, type StepCount } from '../../matching/career-steps.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import { qualificationExpiryMap } from '../documents/candidate-document.js';
import { candidateDegreeTokens } from '../documents/search-tokens.js';
import { compilePostingFilter, isEmptyFilter, postingPassesFilter } from './posting-filter.js';
import type { PostingSlot } from './embedded-postings.js';
import { candidateDaysOn, type CandidateSlot } from './embedded-candidates.js';

function groupOf<G>(map: Map<string, G>, key: string, make: () => G): G {
  let g = map.get(key);
  if (g === undefined) {
    g = make();
    map.set(key, g);
  }
  return g;
}

export function careerStepsOf(postings: readonly PostingSlot[], q: CareerStepsQuery): StepCount[] {
  const f = compilePostingFilter(q.filter);
  const filtered = !isEmptyFilter(f);
  const day = isoToEpochDay(q.today);
  const expiry = qualificationExpiryMap(q.candidate.qualifications);
  const held = new Set(Object.keys(expiry).filter((t) => expiry[t] >= day));
  const degrees = new Set(candidateDegreeTokens(q.candidate.degrees.map((d) => ({ rank: degreeRank(d.level), field: normalizeTerm(d.field) }))));
  const days = experienceDays(q.candidate.experience, q.today);
  const quals = new Map<string, QualificationGroup>();
  const degreeGroups = new Map<string, DegreeGroup>();
  const years = new Map<string, ExperienceGroup>();
  const salary = (doc: PostingSlot['doc'], g: { count: number; salaries: number[] }) => {
    g.count++;
    if (doc.salaryCeiling !== null) g.salaries.push(doc.salaryCeiling);
  };
  for (const { doc } of postings) {
    if (filtered && !postingPassesFilter(doc, f)) continue;
    const degreeOk = doc.degreeTokens.some((t) => degrees.has(t));
    const experienceOk = !(doc.minYearsExperience > 0) || meetsExperience(days, doc.minYearsExperience);
    let failures = (degreeOk ? 0 : 1) + (experienceOk ? 0 : 1);
    if (failures > 1) continue;
    let failedToken = -1;
    const tokens = doc.requiredQualificationTokens;
    for (let i = 0; i < tokens.length && failures <= 1; i++) {
      if (!held.has(tokens[i])) {
        failures++;
        failedToken = i;
      }
    }
    if (failures !== 1) continue;
    if (failedToken >= 0) {
      const code = doc.requiredQualificationCodes[failedToken];
      // The token is state-bound exactly when the code is state-specific at a located posting.
      const state = tokens[failedToken].includes('_in_') ? doc.state : null;
      salary(doc, groupOf(quals, tokens[failedToken], () => ({ code, state, count: 0, salaries: [] })));
    } else if (!degreeOk) {
      const fields = [...doc.minDegreeFields].sort();
      const rank = doc.minDegreeRank!;
      salary(doc, groupOf(degreeGroups, `${rank}|${fields.join('|')}`, () => ({ rank, fields, count: 0, salaries: [] })));
    } else {
      const minYears = doc.minYearsExperience;
      salary(doc, groupOf(years, String(minYears), () => ({ minYears, count: 0, salaries: [] })));
    }
  }
  return stepsFromGroups({ qualifications: [...quals.values()], degrees: [...degreeGroups.values()], experience: [...years.values()] });
}

/** The CandidateFilter rule per filter, with each candidate's experience computed at most once. */
export function countCandidatesOf(candidates: readonly CandidateSlot[], q: CandidateCountsQuery): number[] {
  const filters = q.filters.map((f) => compileCandidateFilter(f));
  const counts = filters.map(() => 0);
  const day = isoToEpochDay(q.today);
  const out = { failed: 0, distanceMiles: null as number | null };
  for (const slot of candidates) {
    let days = NaN;
    const daysOn = () => (Number.isNaN(days) ? (days = candidateDaysOn(slot, day)) : days);
    for (let i = 0; i < filters.length; i++) {
      if (candidateFilterOutcome(slot.view, filters[i], day, daysOn, out).failed === 0) counts[i]++;
    }
  }
  return counts;
}
