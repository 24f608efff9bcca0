// The career and market round trips on Meilisearch (filters: meilisearch-career-filters.ts).
//
// Career steps, three multi-searches whatever the data:
//   1. the tokens the open postings (after the filter) require (a facet), to say Q exactly;
//   2. the three near-miss pools (fails only D / only E / only Q), faceted by the attribute
//      that names their candidate steps;
//   3. one query per candidate step: the postings it unlocks, counted exactly (page 0 gives an
//      exhaustive totalHits) with their salaryCeiling facet for the median.
// A facet lists at most maxValuesPerFacet values; when one comes back full, the values are
// read from the documents instead (paged), so a count is never cut short.
//
// Talent supply: one exact count per filter; candidates whose experience anchor is stale are
// read (few: index-sync refreshes them daily) and decided from their intervals.
import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { isoToEpochDay } from '../../matching/dates.js';
import { experienceDays, meetsExperience } from '../../matching/experience.js';
import { medianOf, type StepChange, type StepCount } from '../../matching/career-steps.js';
import type { ExperienceInterval } from '../../matching/matching.types.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import { POSTING_SETTINGS } from './meilisearch-settings.js';
import { and, candidateView } from './meilisearch-filters.js';
import { eligibilityParts, exactCandidateCount, nearMissPools, stepsOfPool, unlockedFilter } from './meilisearch-career-filters.js';

type Hit = Record<string, unknown>;
/** Queries per multi-search request, and documents per page when values are read from documents. */
const BATCH = 100;
const PAGE = 1000;

/** A facet that returns this many values may have been cut short (the index's faceting setting). */
export const MAX_VALUES_PER_FACET = POSTING_SETTINGS.faceting?.maxValuesPerFacet ?? 100;

const countOnly = { q: null, page: 0, hitsPerPage: 1 } as const;

async function multi(client: Meilisearch, queries: MultiSearchQuery[]): Promise<MultiSearchResult<Hit>[]> {
  const out: MultiSearchResult<Hit>[] = [];
  for (let i = 0; i < queries.length; i += BATCH) {
    const { results } = await client.multiSearch({ queries: queries.slice(i, i + BATCH) });
    out.push(...results);
  }
  return out;
}

/** Every document of `filter`, `fields` only, page by page. */
async function allDocuments(client: Meilisearch, indexUid: string, filter: string, fields: string[]): Promise<Hit[]> {
  const out: Hit[] = [];
  for (let page = 1; ; page++) {
    const [res] = await multi(client, [{ indexUid, q: null, filter, page, hitsPerPage: PAGE, attributesToRetrieve: fields }]);
    out.push(...res.hits);
    if (res.hits.length < PAGE) return out;
  }
}

/** Value -> count of `attribute` under `filter`, from the facet unless it came back full. */
async function valueCounts(client: Meilisearch, indexUid: string, filter: string, attribute: string, res: MultiSearchResult<Hit>): Promise<Map<string, number>> {
  const dist = res.facetDistribution?.[attribute] ?? {};
  if (Object.keys(dist).length < MAX_VALUES_PER_FACET) return new Map(Object.entries(dist));
  const out = new Map<string, number>();
  for (const doc of await allDocuments(client, indexUid, filter, [attribute])) {
    const v = doc[attribute];
    for (const x of Array.isArray(v) ? v : v == null ? [] : [v]) out.set(String(x), (out.get(String(x)) ?? 0) + 1);
  }
  return out;
}

async function facetedValues(client: Meilisearch, indexUid: string, asks: { filter: string; attribute: string }[]): Promise<Map<string, number>[]> {
  const results = await multi(client, asks.map((a) => ({ indexUid, ...countOnly, filter: a.filter, facets: [a.attribute] })));
  return Promise.all(asks.map((a, i) => valueCounts(client, indexUid, a.filter, a.attribute, results[i])));
}

export async function askCareerSteps(client: Meilisearch, indexUid: string, q: CareerStepsQuery): Promise<StepCount[]> {
  const view = candidateView(q.candidate, q.today);
  const probe = eligibilityParts(view, q.filter, []);
  const [required] = await facetedValues(client, indexUid, [{ filter: probe.base, attribute: 'requiredQualificationTokens' }]);
  const parts = eligibilityParts(view, q.filter, [...required.keys()]);
  const pools = nearMissPools(parts);
  const values = await facetedValues(client, indexUid, pools);
  const steps: StepChange[] = pools.flatMap((pool, i) => stepsOfPool(pool.kind, [...values[i].keys()], parts));
  const filters = steps.map((s) => unlockedFilter(s, parts));
  const results = await multi(client, filters.map((filter) => ({ indexUid, ...countOnly, filter, facets: ['salaryCeiling'] })));
  const out = await Promise.all(
    steps.map(async (change, i) => {
      const salaries = await valueCounts(client, indexUid, and(filters[i], 'salaryCeiling IS NOT NULL'), 'salaryCeiling', results[i]);
      const medianSalary = medianOf([...salaries].map(([v, n]) => [Number(v), n] as [number, number]));
      return { change, unlocks: results[i].totalHits ?? 0, medianSalary };
    }),
  );
  return out.filter((s) => s.unlocks > 0);
}

export async function askCandidateCounts(client: Meilisearch, indexUid: string, q: CandidateCountsQuery): Promise<number[]> {
  const day = isoToEpochDay(q.today);
  const plans = q.filters.map((f) => exactCandidateCount(f, day));
  const fresh = await multi(client, plans.map((p) => ({ indexUid, ...countOnly, filter: p.fresh })));
  return Promise.all(
    plans.map(async (p, i) => {
      const base = fresh[i].totalHits ?? 0;
      if (p.stale === null) return base;
      const stale = await allDocuments(client, indexUid, p.stale, ['id', 'experience']);
      const met = stale.filter((d) => meetsExperience(experienceDays((d.experience as ExperienceInterval[]) ?? [], q.today), p.minYears));
      return base + met.length;
    }),
  );
}
