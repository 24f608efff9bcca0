// The career and market round trips on Meilisearch (filters: meilisearch-career-filters.ts).
//
// Career steps, three multi-searches whatever the data:
//   1. the tokens the open postings (after the filter) require (a facet), to say Q exactly;
//   2. the three near-miss pools (fails only D / only E / only Q), faceted by the attribute
//      that names their candidate steps;
//   3. one query per candidate step: the postings it unlocks, counted exactly (page 0 gives an
//      exhaustive totalHits) with their salaryCeiling facet for the median.
// A facet lists at most maxValuesPerFacet values; when one comes back full (it may have been cut
// short), the required tokens fall back to every token the catalog can produce, the lacking
// qualification steps to every lacking token (each still counted exactly), the degree and
// experience values to the pool's documents, and a step's median to its one or two middle
// documents in salary order (fetched by offset). No count or median is ever cut short.
//
// Talent supply: one exact count per filter; candidates whose experience anchor is stale are
// read (few: index-sync refreshes them daily) and decided from their intervals.
import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { isoToEpochDay } from '../../matching/dates.js';
import { experienceDays, meetsExperience } from '../../matching/experience.js';
import { StepKind, medianOf, type StepChange, type StepCount } from '../../matching/career-steps.js';
import type { ExperienceInterval } from '../../matching/matching.types.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import { POSTING_SETTINGS } from './meilisearch-settings.js';
import { OPEN_POSTING, and, candidateView, postingFilterClause, requirableTokens } from './meilisearch-filters.js';
import { eligibilityParts, exactCandidateCount, nearMissPools, stepsOfPool, unlockedFilter } from './meilisearch-career-filters.js';

type Hit = Record<string, unknown>;
/**
 * Queries per multi-search request: Meilisearch answers one request's queries one after the
 * other, so the step counts go as several requests at once (its HTTP workers run them in
 * parallel), a few at a time.
 */
const BATCH = 16;
const IN_FLIGHT = 4;
const PAGE = 1000;

/** A facet that returns this many values may have been cut short (the index's faceting setting). */
export const MAX_VALUES_PER_FACET = POSTING_SETTINGS.faceting?.maxValuesPerFacet ?? 100;

const countOnly = { q: null, page: 0, hitsPerPage: 1 } as const;

async function multi(client: Meilisearch, queries: MultiSearchQuery[]): Promise<MultiSearchResult<Hit>[]> {
  const batches: MultiSearchQuery[][] = [];
  for (let i = 0; i < queries.length; i += BATCH) batches.push(queries.slice(i, i + BATCH));
  const out: MultiSearchResult<Hit>[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const i = next++;
      out[i] = (await client.multiSearch({ queries: batches[i] })).results;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, batches.length) }, worker));
  return out.flat();
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

/** The facet's value -> count, or null when it came back full (it may have been cut short). */
function complete(res: MultiSearchResult<Hit>, attribute: string): Map<string, number> | null {
  const dist = res.facetDistribution?.[attribute] ?? {};
  return Object.keys(dist).length < MAX_VALUES_PER_FACET ? new Map(Object.entries(dist)) : null;
}

/** Distinct values of `attribute` under `filter`, read from the documents (a facet that came back full). */
async function valuesFromDocuments(client: Meilisearch, indexUid: string, filter: string, attribute: string): Promise<string[]> {
  const out = new Set<string>();
  for (const doc of await allDocuments(client, indexUid, filter, [attribute])) {
    const v = doc[attribute];
    for (const x of Array.isArray(v) ? v : v == null ? [] : [v]) out.add(String(x));
  }
  return [...out];
}

/**
 * Median salaryCeiling under `filter` when the facet was too long to count from: the one or two
 * middle documents in salary order (salarySortKey, the sortable copy), fetched by offset.
 */
async function medianBySort(client: Meilisearch, indexUid: string, filter: string): Promise<number | null> {
  const withSalary = and(filter, 'salaryCeiling IS NOT NULL');
  const [counted] = await multi(client, [{ indexUid, ...countOnly, filter: withSalary }]);
  const n = counted.totalHits ?? 0;
  if (n === 0) return null;
  const lo = Math.floor((n - 1) / 2);
  const [res] = await multi(client, [
    { indexUid, q: null, filter: withSalary, sort: ['salarySortKey:asc', 'id:asc'], offset: lo, limit: n % 2 === 1 ? 1 : 2, attributesToRetrieve: ['salaryCeiling'] },
  ]);
  const values = res.hits.map((h) => Number(h.salaryCeiling));
  return values.length === 0 ? null : Math.round((values[0] + values[values.length - 1]) / 2);
}

export async function askCareerSteps(client: Meilisearch, indexUid: string, q: CareerStepsQuery): Promise<StepCount[]> {
  const view = candidateView(q.candidate, q.today);
  const base = and(OPEN_POSTING, postingFilterClause(q.filter));
  // Every token a posting here requires; a full facet falls back to every token the catalog can produce.
  const [requiredRes] = await multi(client, [{ indexUid, ...countOnly, filter: base, facets: ['requiredQualificationTokens'] }]);
  const required = complete(requiredRes, 'requiredQualificationTokens');
  const parts = eligibilityParts(view, q.filter, required ? [...required.keys()] : [...new Set([...Object.keys(requiredRes.facetDistribution?.requiredQualificationTokens ?? {}), ...requirableTokens(q.catalog)])]);
  const pools = nearMissPools(parts);
  const poolRes = await multi(client, pools.map((pool) => ({ indexUid, ...countOnly, filter: pool.filter, facets: [pool.attribute] })));
  const values = await Promise.all(
    pools.map(async (pool, i) => {
      const facet = complete(poolRes[i], pool.attribute);
      if (facet) return [...facet.keys()];
      // Cut short: every lacking token is a candidate step (those unlocking none are dropped below).
      if (pool.kind === StepKind.QUALIFICATION) return [...parts.notHeld];
      return valuesFromDocuments(client, indexUid, pool.filter, pool.attribute);
    }),
  );
  const steps: StepChange[] = pools.flatMap((pool, i) => stepsOfPool(pool.kind, values[i], parts));
  const filters = steps.map((s) => unlockedFilter(s, parts));
  const results = await multi(client, filters.map((filter) => ({ indexUid, ...countOnly, filter, facets: ['salaryCeiling'] })));
  const out = await Promise.all(
    steps.map(async (change, i) => {
      const unlocks = results[i].totalHits ?? 0;
      if (unlocks === 0) return null;
      const salaries = complete(results[i], 'salaryCeiling');
      const medianSalary = salaries ? medianOf([...salaries].map(([v, n]) => [Number(v), n] as [number, number])) : await medianBySort(client, indexUid, filters[i]);
      return { change, unlocks, medianSalary };
    }),
  );
  return out.filter((s): s is StepCount => s !== null);
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
