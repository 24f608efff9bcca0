// Browse-and-search requests for the Meilisearch adapter: posting sorts, disjunctive facets
// (one multi-search: per facet, the filter without that facet's own clause) and candidate
// search. Pure request building and answer reading; the adapter sends them.
import type { MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { experienceDays } from '../../matching/experience.js';
import { epochDayToIso } from '../../matching/dates.js';
import { facetList, type FacetCount } from '../../matching/facets.js';
import { haversineMiles, type GeoRadius } from '../../matching/geo.js';
import type { ExperienceInterval } from '../../matching/matching.types.js';
import type {
  CandidateFacetCounts,
  CandidateSearchFilter,
  PostingFacetCounts,
  PostingSearchDocument,
  PostingSearchFilter,
  PostingSortKey,
} from '../search-engine.js';
import {
  OPEN_POSTING,
  and,
  experienceClause,
  geoRadiusClause,
  inList,
  num,
  postingFilterClause,
  safeAttribute,
  type PostingClauseName,
} from './meilisearch-filters.js';
import { qualificationToken } from '../documents/search-tokens.js';
import { FIT_EMBEDDER } from './meilisearch-fit-vectors.js';
import { postingDocumentFitVector } from './meilisearch-fit-inputs.js';

type Hit = Record<string, unknown>;

/** Meilisearch's geo field, only on located documents (a null `_geo` is not a location). */
export function geoField(d: { latitude: number | null; longitude: number | null }): { _geo?: { lat: number; lng: number } } {
  return d.latitude === null || d.longitude === null ? {} : { _geo: { lat: d.latitude, lng: d.longitude } };
}

/** A posting as sent to Meilisearch: geo field, sort key and fit vector (float32 precision). */
export function meiliPostingDocument(d: PostingSearchDocument): Hit {
  const fit = postingDocumentFitVector(d).map((x) => Math.fround(x));
  return { ...d, ...geoField(d), salarySortKey: d.salaryCeiling ?? -1, _vectors: { [FIT_EMBEDDER]: fit } };
}


/** Sort parameter per PostingSort. RELEVANCE sends none: the ranking rules decide. */
export function postingSort(sort: PostingSortKey, near: GeoRadius | null | undefined): string[] | undefined {
  switch (sort) {
    case 'RELEVANCE':
      return undefined;
    case 'NEWEST':
      return ['postedAt:desc', 'id:asc'];
    case 'SALARY':
      // salarySortKey is salaryCeiling, or -1 without a salary: last, whatever Meilisearch does with nulls.
      return ['salarySortKey:desc', 'postedAt:desc', 'id:asc'];
    case 'DISTANCE':
      if (!near) throw new RangeError('DISTANCE needs near');
      return [`_geoPoint(${num(near.latitude)}, ${num(near.longitude)}):asc`, 'id:asc'];
  }
}

/** Distances of hits that carry latitude/longitude, from the near centre (our haversine). */
export function hitDistances(hits: readonly Hit[], near: GeoRadius): number[] {
  return hits.map((h) => haversineMiles(near.latitude, near.longitude, Number(h.latitude), Number(h.longitude)));
}

const POSTING_FACETS: readonly { name: keyof PostingFacetCounts; attribute: string; own: PostingClauseName }[] = [
  { name: 'states', attribute: 'state', own: 'states' },
  { name: 'settings', attribute: 'setting', own: 'settings' },
  { name: 'employmentTypes', attribute: 'employmentType', own: 'employmentTypes' },
  { name: 'remote', attribute: 'remote', own: 'remote' },
  { name: 'salaryBands', attribute: 'salaryBand', own: 'minSalary' },
];

/**
 * One query per distinct filter: facets whose own clause is absent share the full filter, so
 * a search with two active facet filters costs three queries, not five.
 */
export function postingFacetQueries(indexUid: string, text: string | null, filter: PostingSearchFilter | null | undefined): MultiSearchQuery[] {
  const byFilter = new Map<string, string[]>();
  for (const f of POSTING_FACETS) {
    const clause = and(OPEN_POSTING, postingFilterClause(filter, f.own));
    byFilter.set(clause, [...(byFilter.get(clause) ?? []), f.attribute]);
  }
  return [...byFilter].map(([clause, facets]) => ({ indexUid, q: text, filter: clause, facets, page: 0, hitsPerPage: 1 }));
}

export function readPostingFacets(results: readonly MultiSearchResult<Hit>[]): PostingFacetCounts {
  const out = {} as PostingFacetCounts;
  for (const f of POSTING_FACETS) {
    const counts = results.find((r) => r.facetDistribution?.[f.attribute] !== undefined)?.facetDistribution?.[f.attribute] ?? {};
    out[f.name] = facetList(counts);
  }
  return out;
}

export type CandidateClauseName = 'states' | 'qualifications' | 'minDegree' | 'minYears' | 'settings' | 'near';

export const DISCOVERABLE = 'discoverable = true';

/** Each CandidateFilter field as its own clause on epoch day `day` (null: no constraint). */
export function candidateClauses(filter: CandidateSearchFilter | null | undefined, day: number): Record<CandidateClauseName, string | null> {
  const tokens = filter?.qualificationTokens ?? [];
  return {
    states: filter?.states?.length ? inList('state', filter.states) : null,
    qualifications: tokens.length ? and(...tokens.map((t) => `qualificationExpiry.${safeAttribute(t)} >= ${num(day)}`)) : null,
    minDegree: filter?.degreeTokens?.length ? inList('degreeTokens', filter.degreeTokens) : null,
    minYears: experienceClause(filter?.minYearsExperience ?? 0, day),
    settings: filter?.settings?.length ? inList('experienceSettings', filter.settings) : null,
    near: filter?.near ? geoRadiusClause(filter.near) : null,
  };
}

export function candidateFilterString(filter: CandidateSearchFilter | null | undefined, day: number, without?: CandidateClauseName): string {
  const clauses = candidateClauses(filter, day);
  if (without) clauses[without] = null;
  return and(DISCOVERABLE, ...Object.values(clauses));
}

/** Fields the adapter reads back to order candidates by exact years and to report distances. */
export const CANDIDATE_ORDER_FIELDS = ['id', 'experience', 'latitude', 'longitude'];

/**
 * Without words, "most years first" is two sorted streams merged: candidates with a running
 * career (years grow daily: smaller experienceEffectiveStartDay = more years) and those
 * without (fixed experienceClosedDays). Each stream's order is exact, so the merge by exact
 * years on `day` is too.
 */
export function candidateYearStreams(indexUid: string, filter: string, size: number): MultiSearchQuery[] {
  const common = { indexUid, q: null, page: 1, hitsPerPage: size, attributesToRetrieve: CANDIDATE_ORDER_FIELDS };
  return [
    { ...common, filter: and(filter, 'experienceEffectiveStartDay IS NOT NULL'), sort: ['experienceEffectiveStartDay:asc', 'id:asc'] },
    { ...common, filter: and(filter, 'experienceEffectiveStartDay IS NULL'), sort: ['experienceClosedDays:desc', 'id:asc'] },
  ];
}

/** Merges the two streams by exact experience days on `day` (desc), ties by id. */
export function mergeByYears(streams: readonly Hit[][], day: number): Hit[] {
  const today = epochDayToIso(day);
  const keyed = streams.flat().map((h) => ({ h, days: experienceDays((h.experience as ExperienceInterval[]) ?? [], today), id: String(h.id) }));
  keyed.sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.h);
}

/**
 * Candidate facets: states and degree levels from facetDistribution, each without its own
 * clause; qualifications as one exact count per catalog code ("held and current on the day"
 * is a comparison on qualificationExpiry.<code>, not a stored value a facet could count).
 */
export function candidateFacetQueries(
  indexUid: string,
  text: string | null,
  filter: CandidateSearchFilter | null | undefined,
  day: number,
  codes: readonly string[],
): MultiSearchQuery[] {
  const base = { indexUid, q: text, page: 0, hitsPerPage: 1 };
  const withoutQuals = candidateFilterString(filter, day, 'qualifications');
  return [
    { ...base, filter: candidateFilterString(filter, day, 'states'), facets: ['state'] },
    { ...base, filter: candidateFilterString(filter, day, 'minDegree'), facets: ['highestDegree'] },
    ...codes.map((code) => ({
      ...base,
      filter: and(withoutQuals, `qualificationExpiry.${safeAttribute(qualificationToken(code, null))} >= ${num(day)}`),
    })),
  ];
}

export function readCandidateFacets(results: readonly MultiSearchResult<Hit>[], codes: readonly string[]): CandidateFacetCounts {
  const quals: Record<string, number> = {};
  codes.forEach((code, i) => (quals[code] = results[2 + i]?.totalHits ?? 0));
  const dist = (r: MultiSearchResult<Hit> | undefined, attr: string): Record<string, number> => r?.facetDistribution?.[attr] ?? {};
  const states: FacetCount[] = facetList(dist(results[0], 'state'));
  return { states, degreeLevels: facetList(dist(results[1], 'highestDegree')), qualifications: facetList(quals) };
}
