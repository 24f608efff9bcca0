// Request building of the Meilisearch adapter's browse-and-search operations, parsed with the
// documented filter grammar (meili-filter-grammar.ts), and the adapter's use of them against
// the stand-in server (one multi-search request per facets question).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareSetting } from '../../../src/shared/enums.js';
import { CANDIDATE_SETTINGS, POSTING_SETTINGS } from '../../../src/search/meilisearch/meilisearch-settings.js';
import { geoRadiusClause, postingFilterClause } from '../../../src/search/meilisearch/meilisearch-filters.js';
import {
  candidateFacetQueries,
  candidateFilterString,
  candidateYearStreams,
  mergeByYears,
  postingFacetQueries,
  postingSort,
  readPostingFacets,
} from '../../../src/search/meilisearch/meilisearch-browse.js';
import { MeilisearchEngine, meiliPostingDocument } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { isoToEpochDay } from '../../../src/matching/dates.js';
import { conditions, parseFilter, type FilterNode } from './meili-filter-grammar.js';
import { FakeMeilisearch } from './fake-meilisearch.js';
import { postingDocs } from '../contract-fixtures.js';

const NEAR = { latitude: 40.7484, longitude: -73.9967, radiusMiles: 50 };
const attrsOf = (f: string): string[] => conditions(parseFilter(f)).map((c) => ('attr' in c ? c.attr : c.op === 'GEO' ? '_geo' : ''));

describe('geo filters and sorts', () => {
  it('writes near as _geoRadius(lat, lng, metres) and keeps remote postings out', () => {
    expect(parseFilter(geoRadiusClause(NEAR))).toEqual({ op: 'GEO', fn: '_geoRadius', args: [40.7484, -73.9967, 50 * 1609.344] });
    const conds = conditions(parseFilter(postingFilterClause({ near: NEAR })!));
    expect(conds).toContainEqual({ op: 'CMP', attr: 'remote', cmp: '=', value: 'false' });
    expect(conds).toContainEqual({ op: 'GEO', fn: '_geoRadius', args: [40.7484, -73.9967, 80467.2] });
  });

  it('refuses non-finite coordinates rather than sending them', () => {
    expect(() => geoRadiusClause({ latitude: NaN, longitude: 0, radiusMiles: 1 })).toThrow(RangeError);
  });

  it('sorts by _geoPoint for DISTANCE, a null-safe salary key for SALARY, none for RELEVANCE', () => {
    expect(postingSort('DISTANCE', NEAR)).toEqual(['_geoPoint(40.7484, -73.9967):asc', 'id:asc']);
    expect(postingSort('SALARY', null)).toEqual(['salarySortKey:desc', 'postedAt:desc', 'id:asc']);
    expect(postingSort('NEWEST', null)).toEqual(['postedAt:desc', 'id:asc']);
    expect(postingSort('RELEVANCE', null)).toBeUndefined();
    expect(() => postingSort('DISTANCE', null)).toThrow(RangeError);
  });

  it('stores _geo only on located documents, and a salary sort key of -1 without a salary', () => {
    const [p1] = postingDocs();
    expect(meiliPostingDocument({ ...p1, latitude: 30.1, longitude: -97.2 })).toMatchObject({ _geo: { lat: 30.1, lng: -97.2 }, salarySortKey: 90_000 });
    const bare = meiliPostingDocument({ ...p1, salaryMin: null, salaryMax: null, salaryCeiling: null, latitude: null, longitude: null });
    expect(bare).not.toHaveProperty('_geo');
    expect(bare.salarySortKey).toBe(-1);
  });

  it('declares _geo filterable and sortable, and every new attribute it filters or sorts by', () => {
    expect(POSTING_SETTINGS.filterableAttributes).toEqual(expect.arrayContaining(['_geo', 'salaryBand', 'state', 'setting', 'employmentType', 'remote']));
    expect(POSTING_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['_geo', 'salarySortKey', 'postedAt', 'id']));
    const candidateAttrs = attrsOf(candidateFilterString({ states: ['TX'], qualificationTokens: ['CMM'], degreeTokens: ['L2'], minYearsExperience: 2, settings: [CareSetting.HOSPITAL], near: NEAR }, 20_000));
    for (const a of candidateAttrs) expect(CANDIDATE_SETTINGS.filterableAttributes).toContain(a.split('.')[0]);
    expect(CANDIDATE_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['id', 'experienceEffectiveStartDay', 'experienceClosedDays']));
    expect(CANDIDATE_SETTINGS.searchableAttributes).toEqual(['headline', 'experienceTitles', 'skills', 'summary']);
  });
});

describe('disjunctive facets', () => {
  const without = (q: { filter?: unknown }): FilterNode[] => conditions(parseFilter(String(q.filter)));

  it('asks each facet with every filter but its own, sharing queries where filters coincide', () => {
    const queries = postingFacetQueries('p', 'manager', { states: ['TX'], remote: false, employerId: 'e1' });
    // states drops its own clause, remote drops its own; the other three share the full filter.
    expect(queries).toHaveLength(3);
    const byFacet = new Map(queries.flatMap((q) => (q.facets ?? []).map((f) => [f, q] as const)));
    expect(without(byFacet.get('state')!)).not.toContainEqual(expect.objectContaining({ attr: 'state' }));
    expect(without(byFacet.get('state')!)).toContainEqual({ op: 'CMP', attr: 'remote', cmp: '=', value: 'false' });
    expect(without(byFacet.get('remote')!)).not.toContainEqual(expect.objectContaining({ attr: 'remote' }));
    expect(without(byFacet.get('remote')!)).toContainEqual({ op: 'IN', attr: 'state', values: ['TX'] });
    expect(byFacet.get('setting')).toBe(byFacet.get('salaryBand'));
    for (const q of queries) {
      expect(q).toMatchObject({ indexUid: 'p', q: 'manager', page: 0, hitsPerPage: 1 });
      expect(without(q)).toContainEqual({ op: 'CMP', attr: 'status', cmp: '=', value: 'OPEN' });
      expect(without(q)).toContainEqual({ op: 'CMP', attr: 'employerId', cmp: '=', value: 'e1' });
    }
    // minSalary is the salaryBands facet's own filter.
    const salary = postingFacetQueries('p', null, { minSalary: 100_000 }).find((q) => q.facets?.includes('salaryBand'))!;
    expect(without(salary)).not.toContainEqual(expect.objectContaining({ attr: 'salaryCeiling' }));
  });

  it('reads facetDistribution into ordered non-zero counts', () => {
    const counts = readPostingFacets([
      { facetDistribution: { state: { TX: 3, CA: 3, NY: 0 }, setting: { HOSPITAL: 1 } } },
      { facetDistribution: { remote: { false: 5, true: 2 } } },
    ] as never);
    expect(counts.states).toEqual([{ value: 'CA', count: 3 }, { value: 'TX', count: 3 }]);
    expect(counts.remote).toEqual([{ value: 'false', count: 5 }, { value: 'true', count: 2 }]);
    expect(counts.salaryBands).toEqual([]);
  });

  it('counts each qualification code current on the day, without the qualification filter', () => {
    const day = isoToEpochDay('2026-03-01');
    const qs = candidateFacetQueries('c', null, { qualificationTokens: ['NHA_in_TX'], states: ['TX'] }, day, ['CMM', 'NHA']);
    expect(qs).toHaveLength(4);
    expect(qs[0].facets).toEqual(['state']);
    expect(without(qs[0])).not.toContainEqual(expect.objectContaining({ attr: 'state' }));
    expect(without(qs[0])).toContainEqual({ op: 'CMP', attr: 'qualificationExpiry.NHA_in_TX', cmp: '>=', value: String(day) });
    expect(qs[1].facets).toEqual(['highestDegree']);
    const cmm = without(qs[2]);
    expect(cmm).toContainEqual({ op: 'CMP', attr: 'qualificationExpiry.CMM', cmp: '>=', value: String(day) });
    expect(cmm).not.toContainEqual(expect.objectContaining({ attr: 'qualificationExpiry.NHA_in_TX' }));
    expect(cmm).toContainEqual({ op: 'IN', attr: 'state', values: ['TX'] });
    expect(cmm).toContainEqual({ op: 'CMP', attr: 'discoverable', cmp: '=', value: 'true' });
  });
});

describe('candidate order by years', () => {
  it('splits running and closed careers into two exactly sorted streams and merges them by years', () => {
    const [running, closed] = candidateYearStreams('c', 'discoverable = true', 5);
    expect(conditions(parseFilter(String(running.filter)))).toContainEqual({ op: 'IS', attr: 'experienceEffectiveStartDay', what: 'NOT NULL' });
    expect(conditions(parseFilter(String(closed.filter)))).toContainEqual({ op: 'IS', attr: 'experienceEffectiveStartDay', what: 'NULL' });
    expect(running.sort).toEqual(['experienceEffectiveStartDay:asc', 'id:asc']);
    expect(closed.sort).toEqual(['experienceClosedDays:desc', 'id:asc']);
    const day = isoToEpochDay('2026-03-01');
    const merged = mergeByYears(
      [
        [{ id: 'a', experience: [{ startDate: '2020-01-01', endDate: null }] }, { id: 'b', experience: [{ startDate: '2025-01-01', endDate: null }] }],
        [{ id: 'c', experience: [{ startDate: '2010-01-01', endDate: '2018-01-01' }] }, { id: 'd', experience: [] }],
      ],
      day,
    );
    expect(merged.map((h) => h.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('adapter requests (stand-in server)', () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    engine = new MeilisearchEngine({ host: await fake.start(), apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000 });
  });
  afterEach(async () => {
    await engine.close();
    await fake.stop();
  });

  it('asks all posting facets in one multi-search request', async () => {
    fake.search = (_uid, body) => ({ hits: [], totalHits: 0, facetDistribution: Object.fromEntries(((body.facets as string[]) ?? []).map((f) => [f, { X: 1 }])) });
    const facets = await engine.postingFacets({ text: null, filter: { states: ['TX'] } });
    expect(fake.bodiesTo('/multi-search')).toHaveLength(1);
    expect(facets.states).toEqual([{ value: 'X', count: 1 }]);
    expect(facets.salaryBands).toEqual([{ value: 'X', count: 1 }]);
  });

  it('sends near and DISTANCE as _geoRadius and _geoPoint, and reports our haversine distance', async () => {
    fake.search = () => ({ hits: [{ id: 'a', latitude: 40.7484, longitude: -73.9967 }], totalHits: 1, page: 1, hitsPerPage: 1, totalPages: 1 });
    const page = await engine.searchPostings({ text: null, filter: { near: NEAR }, sort: 'DISTANCE', offset: 0, limit: 1 });
    expect(page).toEqual({ ids: ['a'], total: 1, distancesMiles: [0] });
    const [body] = fake.bodiesTo('/t_postings/search');
    expect(body.sort).toEqual(['_geoPoint(40.7484, -73.9967):asc', 'id:asc']);
    expect(conditions(parseFilter(String(body.filter)))).toContainEqual({ op: 'GEO', fn: '_geoRadius', args: [40.7484, -73.9967, 80467.2] });
  });

  it('searches candidates without words as two year-sorted streams in one request', async () => {
    fake.search = (_uid, body) =>
      String(body.filter).includes('IS NULL')
        ? { hits: [{ id: 'old', experience: [{ startDate: '2000-01-01', endDate: '2019-01-01' }] }], totalHits: 1 }
        : { hits: [{ id: 'new', experience: [{ startDate: '2024-01-01', endDate: null }] }], totalHits: 4 };
    const page = await engine.searchCandidates({ text: null, filter: { states: ['TX'] }, today: '2026-03-01', offset: 0, limit: 2 });
    expect(page).toEqual({ ids: ['old', 'new'], total: 5 });
    const [multi] = fake.bodiesTo('/multi-search') as { queries: Record<string, unknown>[] }[];
    expect(multi.queries).toHaveLength(2);
    for (const q of multi.queries) expect(conditions(parseFilter(String(q.filter)))).toContainEqual({ op: 'IN', attr: 'state', values: ['TX'] });
  });
});
