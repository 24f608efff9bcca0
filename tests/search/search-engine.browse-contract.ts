// Browse and search (contract-next, DESIGN §9): sorts, near, disjunctive facets and candidate
// search. Part of the one SearchEngine contract (search-engine.contract.ts calls it inside
// its describe, so it runs on the embedded engine always and on Meilisearch with MEILI_HOST).
// Expected values are worked out by hand from contract-fixtures.ts.
import { expect, it } from 'vitest';
import { haversineMiles } from '../../src/matching/geo.js';
import { CareSetting } from '../../src/shared/enums.js';
import { locate } from '../../src/geo/us-locations.js';
import type { CandidateSearchFilter, PostingSearchFilter, PostingSortKey, SearchEngine } from '../../src/search/search-engine.js';
import { ALICE, TODAY, ZIPS, CATALOG } from './contract-fixtures.js';

const CODES = [...CATALOG.keys()].sort();
const dallas = locate({ zip: ZIPS.dallas })!;
const near = (radiusMiles: number) => ({ ...dallas, radiusMiles });
const fc = (...pairs: [string, number][]) => pairs.map(([value, count]) => ({ value, count }));

export function runBrowseContract(engine: () => SearchEngine): void {
  const search = (filter: PostingSearchFilter | null, sort?: PostingSortKey, text?: string) =>
    engine().searchPostings({ text, filter, sort, offset: 0, limit: 100 });
  const candidates = (filter: CandidateSearchFilter | null, text?: string, today = TODAY, offset = 0, limit = 100) =>
    engine().searchCandidates({ text, filter, today, offset, limit });

  it('sorts postings by salary ceiling (none last), newest, and relevance by default with words', async () => {
    expect((await search(null, 'SALARY')).ids).toEqual(['p3', 'p2', 'p1', 'p6', 'p4', 'p7', 'p8']);
    expect((await search(null, 'NEWEST')).ids).toEqual(['p2', 'p3', 'p1', 'p6', 'p4', 'p7', 'p8']);
    // Same postedAt: id breaks the tie, whatever the words' relevance.
    expect((await search(null, 'NEWEST', 'billing')).ids).toEqual(['p1', 'p6']);
    expect((await search(null, 'SALARY', 'billing')).ids).toEqual(['p1', 'p6']);
  });

  it('keeps located, non-remote postings within near, and sorts them by distance', async () => {
    const within50 = await search({ near: near(50) }, 'DISTANCE');
    expect(within50.ids).toEqual(['p1', 'p2']);
    expect(within50.total).toBe(2);
    const addison = locate({ zip: ZIPS.addison })!;
    expect(within50.distancesMiles![0]).toBeCloseTo(0, 6);
    expect(within50.distancesMiles![1]).toBeCloseTo(haversineMiles(dallas.latitude, dallas.longitude, addison.latitude, addison.longitude), 6);
    // Houston is ~225 miles from Dallas; p3 is remote (never near), p6/p8 have no location.
    expect((await search({ near: near(300) }, 'DISTANCE')).ids).toEqual(['p1', 'p2', 'p7']);
    expect([...(await search({ near: near(300), states: ['TX'], minSalary: 95_000 })).ids]).toEqual(['p2']);
    // Words and near together: p6 (remote), p8 (no location) and p5 (closed) match the word but never pass.
    expect((await search({ near: near(500) }, undefined, 'desk')).ids.sort()).toEqual(['p1', 'p7']);
    expect((await search({ near: { ...locate({ zip: ZIPS.nyc })!, radiusMiles: 1 } })).ids).toEqual(['p4']);
  });

  it('ranks matches within near only', async () => {
    const page = await engine().rankPostingsForCandidate({
      candidate: ALICE, filter: { near: near(50) }, includeIneligible: false, catalog: CATALOG, today: TODAY, offset: 0, limit: 20,
    });
    expect(page.hits.map((h) => h.id).sort()).toEqual(['p1', 'p2']);
  });

  it('counts posting facets exactly, each without its own filter', async () => {
    expect(await engine().postingFacets({ filter: null })).toEqual({
      states: fc(['TX', 3], ['CA', 1], ['NY', 1]),
      settings: fc(['PHYSICIAN_OFFICE', 4], ['HOSPITAL', 1], ['NURSING_HOME', 1], ['OUTPATIENT_CENTER', 1]),
      employmentTypes: fc(['FULL_TIME', 4], ['CONTRACT', 1], ['PART_TIME', 1], ['TEMPORARY', 1]),
      remote: fc(['false', 5], ['true', 2]),
      salaryBands: fc(['100000-124999', 2], ['75000-99999', 1]),
    });
    const tx = await engine().postingFacets({ filter: { states: ['TX'], remote: false } });
    expect(tx.states).toEqual(fc(['TX', 3], ['NY', 1]));
    expect(tx.remote).toEqual(fc(['false', 3]));
    expect(tx.settings).toEqual(fc(['PHYSICIAN_OFFICE', 2], ['NURSING_HOME', 1]));
    expect(tx.salaryBands).toEqual(fc(['100000-124999', 1], ['75000-99999', 1]));
    const rich = await engine().postingFacets({ filter: { minSalary: 95_000 } });
    expect(rich.salaryBands).toEqual(fc(['100000-124999', 2], ['75000-99999', 1]));
    expect(rich.states).toEqual(fc(['CA', 1], ['TX', 1]));
    expect((await engine().postingFacets({ text: 'billing', filter: null })).states).toEqual(fc(['TX', 1]));
    const local = await engine().postingFacets({ filter: { near: near(50) } });
    expect(local.states).toEqual(fc(['TX', 2]));
    expect(local.remote).toEqual(fc(['false', 2]));
  });

  it('lists discoverable candidates by years of experience, and by relevance with words', async () => {
    // carol 10 closed years, alice since 2023-06 (~2.75), bob since 2024-01 (~2.16); dan hidden.
    expect(await candidates(null)).toEqual({ ids: ['carol', 'alice', 'bob'], total: 3 });
    expect((await candidates(null, undefined, '2040-01-01')).ids).toEqual(['alice', 'bob', 'carol']);
    expect((await candidates(null, 'administrator')).ids).toEqual(['carol']);
    expect((await candidates(null, 'billing')).ids).toEqual(['alice']);
    expect((await candidates(null, 'coding')).ids).toEqual(['bob']);
    expect((await candidates(null, 'office')).ids).toEqual(['alice']);
    const pages = [0, 1, 2].map((offset) => candidates(null, undefined, TODAY, offset, 1));
    expect((await Promise.all(pages)).flatMap((p) => p.ids)).toEqual(['carol', 'alice', 'bob']);
  });

  it('applies every CandidateFilter field, alone and combined', async () => {
    const ids = async (filter: CandidateSearchFilter, today = TODAY) => (await candidates(filter, undefined, today)).ids.sort();
    expect(await ids({ states: ['TX'] })).toEqual(['alice', 'bob']);
    expect(await ids({ qualificationTokens: ['NHA_in_TX'] })).toEqual(['alice']);
    expect(await ids({ qualificationTokens: ['NHA'] })).toEqual(['alice', 'carol']);
    expect(await ids({ qualificationTokens: ['CMM'] })).toEqual([]);
    expect(await ids({ qualificationTokens: ['CMM'] }, '2025-12-31')).toEqual(['alice']);
    expect(await ids({ qualificationTokens: ['NHA', 'RHIA'] })).toEqual([]);
    expect(await ids({ degreeTokens: ['L3|health administration'] })).toEqual(['bob']);
    expect(await ids({ degreeTokens: ['L2'] })).toEqual(['alice', 'bob', 'carol']);
    expect(await ids({ minYearsExperience: 5 })).toEqual(['carol']);
    expect(await ids({ minYearsExperience: 2.5 })).toEqual(['alice', 'carol']);
    expect(await ids({ minYearsExperience: 4 }, '2028-03-01')).toEqual(['alice', 'bob', 'carol']);
    expect(await ids({ settings: [CareSetting.NURSING_HOME] })).toEqual(['alice']);
    expect(await ids({ near: near(50) })).toEqual(['alice']);
    expect(await ids({ near: near(250) })).toEqual(['alice', 'bob']);
    expect(await ids({ states: ['TX'], minYearsExperience: 2.5 })).toEqual(['alice']);
    expect(await ids({ states: ['TX', 'CA'], qualificationTokens: ['NHA'], degreeTokens: ['L4'] })).toEqual(['carol']);
    const local = await candidates({ near: near(250) });
    const austin = locate({ zip: ZIPS.austin })!;
    expect(local.distancesMiles![local.ids.indexOf('bob')]).toBeCloseTo(haversineMiles(dallas.latitude, dallas.longitude, austin.latitude, austin.longitude), 6);
  });

  it('counts candidate facets exactly, each without its own filter', async () => {
    const q = (filter: CandidateSearchFilter | null, text?: string) => engine().candidateFacets({ text, filter, today: TODAY, qualificationCodes: CODES });
    expect(await q(null)).toEqual({
      states: fc(['TX', 2], ['CA', 1]),
      qualifications: fc(['NHA', 2], ['RHIA', 1]),
      degreeLevels: fc(['BACHELOR', 1], ['DOCTORATE', 1], ['MASTER', 1]),
    });
    const tx = await q({ states: ['TX'] });
    expect(tx.states).toEqual(fc(['TX', 2], ['CA', 1]));
    expect(tx.qualifications).toEqual(fc(['NHA', 1], ['RHIA', 1]));
    expect(tx.degreeLevels).toEqual(fc(['BACHELOR', 1], ['MASTER', 1]));
    const nha = await q({ qualificationTokens: ['NHA'] });
    expect(nha.qualifications).toEqual(fc(['NHA', 2], ['RHIA', 1]));
    expect(nha.states).toEqual(fc(['CA', 1], ['TX', 1]));
    const masters = await q({ degreeTokens: ['L3'] });
    expect(masters.degreeLevels).toEqual(fc(['BACHELOR', 1], ['DOCTORATE', 1], ['MASTER', 1]));
    expect(masters.states).toEqual(fc(['CA', 1], ['TX', 1]));
    expect((await q(null, 'administrator')).states).toEqual(fc(['CA', 1]));
  });
}
