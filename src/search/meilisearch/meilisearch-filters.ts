// Meilisearch filter strings for the port's questions. Syntax (Meilisearch docs, "Filter
// expression reference"): `attr = value`, `attr IN [v1, v2]`, `attr NOT IN [...]`, numeric
// `>=`/`<=`, `AND`/`OR`/`NOT` with parentheses. Every client string goes through `quote`: a
// double-quoted literal with `\` and `"` escaped (the filter parser unescapes `\"` and then
// `\\`), so no input can close the literal and become syntax. Attribute names are constants
// of this file, never input. Numbers go through `num`, which refuses NaN/Infinity.
import { US_STATE_CODES, degreeRank } from '../../shared/enums.js';
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from '../../matching/matching.types.js';
import { DAYS_PER_YEAR, experienceDays } from '../../matching/experience.js';
import { isoToEpochDay } from '../../matching/dates.js';
import { normalizeCode, normalizeTerm } from '../../shared/normalize.js';
import type { PostingSearchFilter } from '../search-engine.js';
import { qualificationExpiryMap } from '../documents/candidate-document.js';
import { requiredTokensFor } from '../documents/posting-document.js';
import { ANY_DEGREE_TOKEN, candidateDegreeTokens, postingDegreeTokens, qualificationToken } from '../documents/search-tokens.js';
import { METERS_PER_MILE, type GeoRadius } from '../../matching/geo.js';

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export function notInList(attribute: string, values: readonly string[]): string {
  return `${attribute} NOT IN [${values.map(quote).join(', ')}]`;
}

/** Conjunction of the present clauses, each parenthesised so precedence never leaks. */
export function and(...clauses: (string | null)[]): string {
  const present = clauses.filter((c): c is string => c !== null && c !== '');
  return present.length === 0 ? '' : present.map((c) => `(${c})`).join(' AND ');
}

export function or(...clauses: string[]): string {
  return clauses.map((c) => `(${c})`).join(' OR ');
}

export function not(clause: string): string {
  return `NOT (${clause})`;
}

export const OPEN_POSTING = `status = ${quote('OPEN')}`;

/** filter.near: Meilisearch's `_geoRadius(lat, lng, metres)` over the documents' `_geo`. */
export function geoRadiusClause(near: GeoRadius): string {
  return `_geoRadius(${num(near.latitude)}, ${num(near.longitude)}, ${num(near.radiusMiles * METERS_PER_MILE)})`;
}

export type PostingClauseName = 'states' | 'settings' | 'employmentTypes' | 'remote' | 'minSalary' | 'employerId' | 'near' | 'requiredCode';

/** Each PostingFilter field as its own clause (null: no constraint), so a facet can drop its own. */
export function postingClauses(filter: PostingSearchFilter | null | undefined): Record<PostingClauseName, string | null> {
  return {
    states: filter?.states?.length ? inList('state', filter.states.map(normalizeCode)) : null,
    settings: filter?.settings?.length ? inList('setting', filter.settings) : null,
    employmentTypes: filter?.employmentTypes?.length ? inList('employmentType', filter.employmentTypes) : null,
    remote: filter?.remote == null ? null : `remote = ${filter.remote ? 'true' : 'false'}`,
    minSalary: filter?.minSalary == null ? null : `salaryCeiling >= ${num(filter.minSalary)}`,
    employerId: filter?.employerId == null ? null : `employerId = ${quote(filter.employerId)}`,
    // Remote postings never pass near, wherever their employer is.
    near: filter?.near ? and('remote = false', geoRadiusClause(filter.near)) : null,
    requiredCode: filter?.requiredCode ? inList('requiredQualificationTokens', tokensOfCode(filter.requiredCode)) : null,
  };
}

/** Every token a posting requiring `code` can carry: the bare code, and code+state for each state. */
export function tokensOfCode(code: string): string[] {
  const c = normalizeCode(code);
  return [qualificationToken(c, null), ...[...US_STATE_CODES].map((s) => qualificationToken(c, s))];
}

/** PostingFilter as clauses; an empty list means "no constraint", as in the embedded engine. */
export function postingFilterClause(filter: PostingSearchFilter | null | undefined, without?: PostingClauseName): string | null {
  const clauses = postingClauses(filter);
  if (without) clauses[without] = null;
  const joined = and(...Object.values(clauses));
  return joined === '' ? null : joined;
}

/** Every token a posting can require: bare codes, and code+state for state-specific ones. */
export function requirableTokens(catalog: ReadonlyMap<string, CatalogQualification>): string[] {
  const out: string[] = [];
  for (const q of catalog.values()) {
    out.push(qualificationToken(q.code, null));
    if (q.stateSpecific) for (const s of US_STATE_CODES) out.push(qualificationToken(q.code, s));
  }
  return out;
}

export interface CandidateView {
  degreeTokens: readonly string[];
  experienceYears: number;
  /** Tokens the candidate holds, current on the query day. */
  currentTokens: ReadonlySet<string>;
}

/** What the posting-side eligibility filter needs to know about a candidate on `today`. */
export function candidateView(candidate: CandidateProfile, today: IsoDate): CandidateView {
  const day = isoToEpochDay(today);
  const expiry = qualificationExpiryMap(candidate.qualifications);
  return {
    degreeTokens: candidateDegreeTokens(candidate.degrees.map((d) => ({ rank: degreeRank(d.level), field: normalizeTerm(d.field) }))),
    experienceYears: experienceDays(candidate.experience, today) / DAYS_PER_YEAR,
    currentTokens: new Set(Object.keys(expiry).filter((t) => expiry[t] >= day)),
  };
}

/**
 * Postings this candidate is eligible for. "Every required token is held" cannot be said of
 * an array directly, so it is said as "no required token is among those NOT held": the
 * complement is taken over every token the catalog can produce.
 */
export function postingEligibilityClause(view: CandidateView, catalog: ReadonlyMap<string, CatalogQualification>): string {
  const notHeld = requirableTokens(catalog).filter((t) => !view.currentTokens.has(t));
  return and(
    inList('degreeTokens', view.degreeTokens),
    // A hair of slack: the exact day-based rule is re-checked on every returned document.
    `minYearsExperience <= ${num(view.experienceYears + 1e-9)}`,
    notHeld.length > 0 ? notInList('requiredQualificationTokens', notHeld) : null,
  );
}

export interface PostingRequirements {
  degreeTokens: readonly string[];
  minYearsExperience: number;
  requiredTokens: readonly string[];
}

/** What the candidate-side eligibility filter needs to know about a posting. */
export function postingRequirements(posting: PostingProfile, catalog: ReadonlyMap<string, CatalogQualification>): PostingRequirements {
  const minRank = posting.minDegree ? degreeRank(posting.minDegree.minLevel) : null;
  const fields = (posting.minDegree?.fields ?? []).map(normalizeTerm).filter((f) => f !== '');
  return {
    degreeTokens: postingDegreeTokens(minRank, [...new Set(fields)]),
    minYearsExperience: posting.minYearsExperience,
    requiredTokens: requiredTokensFor(posting.requiredQualificationCodes, posting.state, catalog),
  };
}

/**
 * Candidates eligible for a posting on epoch day `day`. Experience: a closed total that
 * suffices, or a running career old enough; documents whose stored anchor does not cover
 * `day` are let through and decided exactly by the adapter from their intervals.
 */
export function candidateEligibilityClause(req: PostingRequirements, day: number): string {
  const experience = experienceClause(req.minYearsExperience, day);
  const degree = req.degreeTokens.includes(ANY_DEGREE_TOKEN) ? null : inList('degreeTokens', req.degreeTokens);
  // Tokens are [A-Za-z0-9_] only (search-tokens.ts), so they are safe as attribute names.
  const quals = req.requiredTokens.map((t) => `qualificationExpiry.${safeAttribute(t)} >= ${num(day)}`);
  return and(`discoverable = true`, degree, experience, ...quals);
}

/**
 * Experience of at least `minYears` on epoch day `day`: a closed total that suffices, or a
 * running career old enough; documents whose stored anchor does not cover `day` are let
 * through (index-sync refreshes those daily; ranking decides them exactly from the intervals).
 */
export function experienceClause(minYears: number, day: number): string | null {
  if (!(minYears > 0)) return null;
  const minDays = minYears * DAYS_PER_YEAR;
  return or(
    `experienceClosedDays >= ${num(minDays)}`,
    `experienceEffectiveStartDay <= ${num(day - minDays)}`,
    `experienceValidUntilDay <= ${num(day)}`,
    `indexedOnDay > ${num(day)}`,
  );
}

/** Defence in depth: a token that is not a plain identifier must never reach the filter. */
export function safeAttribute(token: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(token)) throw new RangeError(`unsafe attribute name: ${JSON.stringify(token)}`);
  return token;
}
