// DESIGN §5 rule 1: a degree qualifies when its level is at least minLevel and, when the
// posting lists fields, its field equals one of them (case-insensitive, trimmed).
import { degreeRank } from '../shared/enums.js';
import type { CandidateDegree, PostingProfile } from './matching.types.js';
import { normalizeTerm } from '../shared/normalize.js';
import { NO_DEGREE_RANK } from './scoring.js';

/** Whether a degree's field is acceptable; `fields` empty means any field. */
export function degreeFieldMatches(field: string, fields: readonly string[]): boolean {
  if (fields.length === 0) return true;
  const f = normalizeTerm(field);
  for (const wanted of fields) if (normalizeTerm(wanted) === f) return true;
  return false;
}

/**
 * Rank of the candidate's highest degree in an acceptable field (any field when `fields` is
 * empty); NO_DEGREE_RANK when none. The degree rule holds exactly when this is >= the
 * required rank, and its gap to that rank is the score's degree-alignment feature.
 */
export function bestQualifyingDegreeRank(degrees: readonly CandidateDegree[], fields: readonly string[]): number {
  let best = NO_DEGREE_RANK;
  for (const d of degrees) {
    const r = degreeRank(d.level);
    if (r > best && degreeFieldMatches(d.field, fields)) best = r;
  }
  return best;
}

/** Required rank of a posting; NO_DEGREE_RANK when it has no minDegree. */
export function requiredDegreeRank(posting: Pick<PostingProfile, 'minDegree'>): number {
  return posting.minDegree === null ? NO_DEGREE_RANK : degreeRank(posting.minDegree.minLevel);
}

export function meetsDegree(degrees: readonly CandidateDegree[], posting: Pick<PostingProfile, 'minDegree'>): boolean {
  if (posting.minDegree === null) return true;
  return bestQualifyingDegreeRank(degrees, posting.minDegree.fields) >= degreeRank(posting.minDegree.minLevel);
}
