// A posting's requirement set (matching/talent-supply.ts) as the CandidateFilter the engines
// count with: qualification codes become tokens (code+state where the set binds a state),
// the degree its posting tokens. What the candidate side's eligibility filter tests, as data.
import type { RequirementSet } from '../../matching/talent-supply.js';
import type { CandidateSearchFilter } from '../search-engine.js';
import { postingDegreeTokens, qualificationToken } from './search-tokens.js';

export function requirementFilter(req: RequirementSet): CandidateSearchFilter {
  return {
    qualificationTokens: req.qualifications.map((q) => qualificationToken(q.code, q.state)),
    degreeTokens: req.degree === null ? null : postingDegreeTokens(req.degree.rank, req.degree.fields),
    minYearsExperience: req.minYears > 0 ? req.minYears : null,
  };
}
