// Flattened tokens that let an engine test a requirement with one equality / membership
// check, because array filters (Meilisearch's, and any per-field index) match across
// elements: "code X and state Y" on two arrays would accept X held in Z plus Y from another
// credential. Tokens contain only [A-Z0-9_a-f] so they are also safe as Meilisearch nested
// attribute names ("qualificationExpiry.NHA_in_TX").
import { DEGREE_LEVEL_ORDER } from '../../shared/enums.js';
import { normalizeCode } from '../../shared/normalize.js';

/** Expiry stored for credentials that never expire (an epoch day far beyond any real date). */
export const NO_EXPIRY_DAY = 9_999_999;

/** Every character outside [A-Z0-9] becomes `_<hex>_`, so distinct codes never collide. */
function encodePart(value: string): string {
  let out = '';
  for (const ch of normalizeCode(value)) {
    out += /[A-Z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/**
 * Token for a qualification code, optionally bound to a state. "_in_" cannot occur inside an
 * encoded part ('i' is neither [A-Z0-9] nor a hex digit), so the split is unambiguous.
 */
export function qualificationToken(code: string, state: string | null): string {
  const c = encodePart(code);
  return state == null || state.trim() === '' ? c : `${c}_in_${encodePart(state)}`;
}

/** The token a posting requires for a code: state-bound only for state-specific codes. */
export function requiredQualificationToken(
  code: string,
  postingState: string | null,
  stateSpecific: boolean,
): string {
  return qualificationToken(code, stateSpecific ? postingState : null);
}

/** Posting with no degree requirement: every candidate holds this token. */
export const ANY_DEGREE_TOKEN = 'ANY';

export function degreeLevelToken(rank: number): string {
  return `L${rank}`;
}

export function degreeFieldToken(rank: number, normalisedField: string): string {
  return `L${rank}|${normalisedField}`;
}

/**
 * A candidate's tokens: a degree of rank r in field f satisfies every requirement of rank
 * <= r, with or without a field list containing f.
 */
export function candidateDegreeTokens(degrees: readonly { rank: number; field: string }[]): string[] {
  const out = new Set<string>([ANY_DEGREE_TOKEN]);
  for (const d of degrees) {
    for (let r = 0; r <= d.rank && r < DEGREE_LEVEL_ORDER.length; r++) {
      out.add(degreeLevelToken(r));
      if (d.field !== '') out.add(degreeFieldToken(r, d.field));
    }
  }
  return [...out];
}

/** A posting's tokens: the candidate must hold at least one. */
export function postingDegreeTokens(minRank: number | null, normalisedFields: readonly string[]): string[] {
  if (minRank === null) return [ANY_DEGREE_TOKEN];
  if (normalisedFields.length === 0) return [degreeLevelToken(minRank)];
  return normalisedFields.map((f) => degreeFieldToken(minRank, f));
}
