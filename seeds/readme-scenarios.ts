// Makes the demo data contain what the README's examples need. The README's createJobPosting
// example is a nursing home administrator role in TX requiring the NHA licence (state-specific),
// a bachelor's and 3 years; the generator draws candidates' cities at random and gave no TX NHA
// holder. This pass moves the first few qualifying NHA holders (in generation order, so it is
// deterministic) to Texas cities, with their licence granted in TX. Everyone else is untouched,
// so the remaining NHA holders still show "licence held in another state" explanations.
import { yearsOfExperience } from '../src/matching/experience.js';
import { DegreeLevel, degreeRank } from '../src/shared/enums.js';
import { REFERENCE_DATE } from './dates.js';
import type { SeedCandidate } from './seed-types.js';
import { zipFor } from './locations.js';

export const README_NHA_STATE = 'TX';
const TX_CITIES = ['Houston', 'Dallas', 'San Antonio'];

/** Discoverable, a bachelor's or more, 3+ years: eligible for the README's NHA posting once in TX. */
function fitsReadmePosting(c: SeedCandidate): boolean {
  return (
    c.discoverable &&
    c.qualifications.some((q) => q.code === 'NHA' && q.expiresOn === null) &&
    c.degrees.some((d) => degreeRank(d.level) >= degreeRank(DegreeLevel.BACHELOR)) &&
    yearsOfExperience(c.experience, REFERENCE_DATE) >= 3
  );
}

export function placeReadmeScenarios(candidates: SeedCandidate[]): SeedCandidate[] {
  let moved = 0;
  return candidates.map((c) => {
    if (moved >= TX_CITIES.length || c.state === README_NHA_STATE || !fitsReadmePosting(c)) return c;
    const city = TX_CITIES[moved++];
    return {
      ...c,
      city,
      state: README_NHA_STATE,
      zip: zipFor(city, README_NHA_STATE, c.email),
      qualifications: c.qualifications.map((q) => (q.code === 'NHA' ? { ...q, state: README_NHA_STATE } : q)),
    };
  });
}
