// What the fit vectors (meilisearch-fit-vectors.ts) are built from: the same normalised
// fields the kernel scores, taken from a search document (stored vectors, for the day the
// document was indexed) or from a query profile (query vectors, for the query day).
import { degreeRank } from '../../shared/enums.js';
import type { CandidateProfile, CatalogQualification, ExperienceInterval, IsoDate, PostingProfile } from '../../matching/matching.types.js';
import { epochDayToIso, isoToEpochDay } from '../../matching/dates.js';
import { DAYS_PER_YEAR, experienceDays } from '../../matching/experience.js';
import { requiredDegreeRank } from '../../matching/degree.js';
import { NO_DEGREE_RANK } from '../../matching/scoring.js';
import { normalizeTerm, normalizeTerms } from '../../shared/normalize.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';
import { qualificationExpiryMap } from '../documents/candidate-document.js';
import { requiredTokensFor } from '../documents/posting-document.js';
import {
  candidateFitDocumentVector,
  candidateFitVector,
  postingFitDocumentVector,
  postingFitVector,
  asQuery,
  FIT_LAYOUT,
  type CandidateFitInput,
  type PostingFitInput,
} from './meilisearch-fit-vectors.js';

function settingsBy(experience: readonly ExperienceInterval[], day: number): Set<string> {
  const out = new Set<string>();
  for (const e of experience) if (e.setting != null && isoToEpochDay(e.startDate) <= day) out.add(e.setting);
  return out;
}

function currentTokens(expiry: Record<string, number>, day: number): Set<string> {
  return new Set(Object.keys(expiry).filter((t) => expiry[t] >= day));
}

export function postingFitInputFromDocument(d: PostingSearchDocument): PostingFitInput {
  return {
    minDegreeRank: d.minDegreeRank ?? NO_DEGREE_RANK,
    minDegreeFields: d.minDegreeFields,
    minYearsExperience: d.minYearsExperience,
    setting: d.setting,
    preferredTokens: d.preferredQualificationTokens,
    skills: d.skills,
  };
}

export function postingFitInputFromProfile(p: PostingProfile, catalog: ReadonlyMap<string, CatalogQualification>): PostingFitInput {
  return {
    minDegreeRank: requiredDegreeRank(p),
    minDegreeFields: normalizeTerms(p.minDegree?.fields ?? []),
    minYearsExperience: p.minYearsExperience,
    setting: p.setting,
    preferredTokens: requiredTokensFor(p.preferredQualificationCodes, p.state, catalog),
    skills: normalizeTerms(p.skills),
  };
}

export function candidateFitInputFromDocument(d: CandidateSearchDocument): CandidateFitInput {
  const day = d.indexedOnDay;
  return {
    degrees: d.degrees.map((g) => ({ rank: degreeRank(g.level), field: g.field })),
    years: experienceDays(d.experience, epochDayToIso(day)) / DAYS_PER_YEAR,
    settings: settingsBy(d.experience, day),
    currentTokens: currentTokens(d.qualificationExpiry, day),
    skills: normalizeTerms(d.skills),
  };
}

export function candidateFitInputFromProfile(c: CandidateProfile, today: IsoDate): CandidateFitInput {
  const day = isoToEpochDay(today);
  return {
    degrees: c.degrees.map((g) => ({ rank: degreeRank(g.level), field: normalizeTerm(g.field) })),
    years: experienceDays(c.experience, today) / DAYS_PER_YEAR,
    settings: settingsBy(c.experience, day),
    currentTokens: currentTokens(qualificationExpiryMap(c.qualifications), day),
    skills: normalizeTerms(c.skills),
  };
}

export const postingDocumentFitVector = (d: PostingSearchDocument) => postingFitDocumentVector(postingFitInputFromDocument(d), d.postedAt);
export const candidateDocumentFitVector = (d: CandidateSearchDocument) => candidateFitDocumentVector(candidateFitInputFromDocument(d), d.id);
export const candidateQueryFitVector = (c: CandidateProfile, today: IsoDate) => asQuery(candidateFitVector(candidateFitInputFromProfile(c, today)));

/**
 * A candidate's query vectors: the documents' reading of degree fields, and when the
 * candidate holds a lower degree in another field also the top-degree-only one
 * (meilisearch-fit-vectors.ts FieldDegrees): postings are read in both orders.
 */
export function candidateQueryFitVectors(c: CandidateProfile, today: IsoDate): number[][] {
  const input = candidateFitInputFromProfile(c, today);
  const all = asQuery(candidateFitVector(input, FIT_LAYOUT, 'all'));
  const top = asQuery(candidateFitVector(input, FIT_LAYOUT, 'top'));
  return top.every((x, i) => x === all[i]) ? [all] : [all, top];
}
export const postingQueryFitVector = (p: PostingProfile, catalog: ReadonlyMap<string, CatalogQualification>) =>
  asQuery(postingFitVector(postingFitInputFromProfile(p, catalog)));
