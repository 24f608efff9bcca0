// searchPostings with near, sort and facets, zips on postings, and distances on matches,
// through HTTP on the real MongoDB-protocol server. Expected values are worked out by hand
// from browse-world.ts; distances from our own haversine of the zipcodes package's data.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded.engine.js';
import type { PostingFacetsQuery } from '../../src/search/search-engine.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { expectBadInput } from '../helpers/errors.js';
import { must } from '../helpers/fixtures.js';
import { buildBrowseWorld, milesBetween, type BrowseWorld } from '../helpers/browse-world.js';

const pkg = createRequire(import.meta.url)('zipcodes') as {
  lookup(zip: string): { latitude: number; longitude: number };
  lookupByName(city: string, state: string): { latitude: number; longitude: number }[];
};
const zipcodes = {
  lookup: (zip: string) => ({ latitude: pkg.lookup(zip).latitude, longitude: pkg.lookup(zip).longitude }),
  lookupByName: pkg.lookupByName,
};
const houston = (() => {
  const zips = zipcodes.lookupByName('Houston', 'TX');
  return { latitude: zips.reduce((s, z) => s + z.latitude, 0) / zips.length, longitude: zips.reduce((s, z) => s + z.longitude, 0) / zips.length };
})();

/** Counts facet questions, to show plain searches never ask one. */
class CountingEngine extends EmbeddedSearchEngine {
  facetCalls = 0;
  override async postingFacets(q: PostingFacetsQuery) {
    this.facetCalls++;
    return super.postingFacets(q);
  }
}

const SEARCH = `query($q: String, $f: PostingFilter, $s: PostingSort, $first: Int, $after: String) {
  searchPostings(query: $q, filter: $f, sort: $s, first: $first, after: $after) {
    totalCount edges { cursor distanceMiles node { id zip latitude longitude } } pageInfo { hasNextPage endCursor } } }`;
const FACETS = `query($q: String, $f: PostingFilter) { searchPostings(query: $q, filter: $f, first: 1) {
  totalCount facets { states { value count } settings { value count } employmentTypes { value count } remote { value count } salaryBands { value count } } } }`;

type Edge = { cursor: string; distanceMiles: number | null; node: { id: string; zip: string | null; latitude: number | null; longitude: number | null } };
type Conn = { totalCount: number; edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type Facets = Record<'states' | 'settings' | 'employmentTypes' | 'remote' | 'salaryBands', { value: string; count: number }[]>;
const fc = (...pairs: [string, number][]) => pairs.map(([value, count]) => ({ value, count }));

describe('searchPostings: near, sort, facets (HTTP, real database)', () => {
  let t: TestApp;
  let w: BrowseWorld;
  let engine: CountingEngine;
  const search = async (vars: Record<string, unknown>) => (await must<{ searchPostings: Conn }>(t, SEARCH, vars)).searchPostings;
  const facets = async (vars: Record<string, unknown>) => (await must<{ searchPostings: { facets: Facets } }>(t, FACETS, vars)).searchPostings.facets;
  const name = (id: string) => Object.entries(w.postings).find(([, v]) => v === id)?.[0];

  beforeAll(async () => {
    engine = new CountingEngine();
    t = await startTestApp({ engine });
    w = await buildBrowseWorld(t);
  });
  afterAll(async () => t?.close());

  it('stores zip and coordinates from the zip, else from the city', async () => {
    const d = await must<{ a: Edge['node']; c: Edge['node'] }>(
      t, 'query($a: ID!, $c: ID!) { a: jobPosting(id: $a) { id zip latitude longitude } c: jobPosting(id: $c) { id zip latitude longitude } }', { a: w.postings.A, c: w.postings.C },
    );
    expect(d.a).toMatchObject({ zip: '75201', ...zipcodes.lookup('75201') });
    expect(d.c.zip).toBeNull();
    expect(d.c.latitude).toBeCloseTo(houston.latitude, 5);
    expect(d.c.longitude).toBeCloseTo(houston.longitude, 5);
  });

  it('keeps postings within near, nearest first with DISTANCE, with their distances', async () => {
    const r = await search({ f: { near: { zip: '75201', radiusMiles: 50 } }, s: 'DISTANCE' });
    expect(r.edges.map((e) => name(e.node.id))).toEqual(['A', 'B']);
    expect(r.totalCount).toBe(2);
    expect(r.edges[0].distanceMiles).toBeCloseTo(0, 9);
    expect(r.edges[1].distanceMiles).toBeCloseTo(milesBetween(zipcodes.lookup('75201'), zipcodes.lookup('75001')), 6);
    // Houston's city centroid is ~225 miles away; D is remote, so never near anything.
    const wide = await search({ f: { near: { zip: '75201', radiusMiles: 300 } }, s: 'DISTANCE' });
    expect(wide.edges.map((e) => name(e.node.id))).toEqual(['A', 'B', 'C']);
    expect(wide.edges[2].distanceMiles).toBeCloseTo(milesBetween(zipcodes.lookup('75201'), houston), 4);
    const la = await search({ f: { near: { zip: '90001', radiusMiles: 500 } } });
    expect(la.edges).toEqual([]);
    // Without near, no distance.
    expect((await search({ s: 'SALARY' })).edges.every((e) => e.distanceMiles === null)).toBe(true);
  });

  it('gives NYC 10001 to LA 90001 as our haversine of the package data, ~2,450 miles', async () => {
    const r = await search({ f: { near: { zip: '90001', radiusMiles: 500 } } });
    expect(r.totalCount).toBe(0);
    const ny = await search({ f: { near: { latitude: 33.9731, longitude: -118.2479, radiusMiles: 500 } } });
    expect(ny.totalCount).toBe(0);
    const far = await search({ f: { near: { zip: '10001', radiusMiles: 1 } } });
    expect(far.edges.map((e) => name(e.node.id))).toEqual(['E']);
    const d = milesBetween(zipcodes.lookup('10001'), zipcodes.lookup('90001'));
    expect(Math.abs(d - 2450) / 2450).toBeLessThan(0.01);
  });

  it('takes an explicit centre, and the zip wins when both are given', async () => {
    const at = await search({ f: { near: { latitude: 32.7904, longitude: -96.8044, radiusMiles: 50 } }, s: 'DISTANCE' });
    expect(at.edges.map((e) => name(e.node.id))).toEqual(['A', 'B']);
    const both = await search({ f: { near: { zip: '10001', latitude: 32.7904, longitude: -96.8044, radiusMiles: 5 } } });
    expect(both.edges.map((e) => name(e.node.id))).toEqual(['E']);
  });

  it('combines near with the other filters and words', async () => {
    expect((await search({ f: { near: { zip: '75201', radiusMiles: 300 }, minSalary: 95_000 } })).edges.map((e) => name(e.node.id))).toEqual(['B']);
    expect((await search({ q: 'billing', f: { near: { zip: '75201', radiusMiles: 300 } } })).edges.map((e) => name(e.node.id)).sort()).toEqual(['A', 'C']);
    expect((await search({ f: { near: { zip: '75201', radiusMiles: 300 }, employmentTypes: ['PART_TIME'] } })).edges.map((e) => name(e.node.id))).toEqual(['C']);
  });

  it('sorts by salary ceiling, postings without a salary last', async () => {
    const r = await search({ s: 'SALARY' });
    expect(r.edges.map((e) => name(e.node.id))).toEqual(['D', 'B', 'A', 'C', 'E']);
  });

  it('rejects bad near and sort input naming the field', async () => {
    expectBadInput(await t.gql(SEARCH, { f: { near: { zip: '75201', radiusMiles: 0 } } }), ['filter.near.radiusMiles']);
    expectBadInput(await t.gql(SEARCH, { f: { near: { zip: '75201', radiusMiles: 500.5 } } }), ['filter.near.radiusMiles']);
    expectBadInput(await t.gql(SEARCH, { f: { near: { zip: '00000', radiusMiles: 10 } } }), ['filter.near.zip']);
    expectBadInput(await t.gql(SEARCH, { s: 'DISTANCE' }), ['sort']);
    expectBadInput(await t.gql(SEARCH, { f: { near: { radiusMiles: 10 } } }), ['filter.near']);
  });

  it('counts facets exactly and disjunctively, and only when they are selected', async () => {
    const before = engine.facetCalls;
    await search({});
    await search({ f: { states: ['TX'] } });
    expect(engine.facetCalls).toBe(before);
    expect(await facets({})).toEqual({
      states: fc(['TX', 3], ['CA', 1], ['NY', 1]),
      settings: fc(['HOSPITAL', 2], ['PHYSICIAN_OFFICE', 2], ['NURSING_HOME', 1]),
      employmentTypes: fc(['FULL_TIME', 3], ['CONTRACT', 1], ['PART_TIME', 1]),
      remote: fc(['false', 4], ['true', 1]),
      salaryBands: fc(['100000-124999', 1], ['125000-149999', 1], ['50000-74999', 1], ['75000-99999', 1]),
    });
    expect(engine.facetCalls).toBe(before + 1);
    // Choosing TX still shows the other states; the remote facet ignores remote's own filter.
    const tx = await facets({ f: { states: ['TX'], remote: false } });
    expect(tx.states).toEqual(fc(['TX', 3], ['NY', 1]));
    expect(tx.remote).toEqual(fc(['false', 3]));
    expect(tx.settings).toEqual(fc(['PHYSICIAN_OFFICE', 2], ['NURSING_HOME', 1]));
    const rich = await facets({ f: { minSalary: 95_000 } });
    expect(rich.salaryBands).toEqual(fc(['100000-124999', 1], ['125000-149999', 1], ['50000-74999', 1], ['75000-99999', 1]));
    expect(rich.states).toEqual(fc(['CA', 1], ['TX', 1]));
    const near = await facets({ f: { near: { zip: '75201', radiusMiles: 50 } } });
    expect(near.states).toEqual(fc(['TX', 2]));
    expect(near.remote).toEqual(fc(['false', 2]));
    expect((await facets({ q: 'billing' })).employmentTypes).toEqual(fc(['FULL_TIME', 1], ['PART_TIME', 1]));
  });

  it('pages a sorted search without repeats or skips', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: Conn = await search({ s: 'SALARY', first: 2, after });
      seen.push(...r.edges.map((e) => e.node.id));
      after = r.pageInfo.hasNextPage ? r.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map(name)).toEqual(['D', 'B', 'A', 'C', 'E']);
  });

  it('puts distanceMiles on matches when filter.near is given', async () => {
    const q = `query($id: ID!, $f: PostingFilter) { matchesForCandidate(candidateId: $id, filter: $f, includeIneligible: true) {
      edges { node { distanceMiles posting { id } } } } }`;
    type Matches = { matchesForCandidate: { edges: { node: { distanceMiles: number | null; posting: { id: string } } }[] } };
    const d = await must<Matches>(t, q, { id: w.candidates.ava, f: { near: { zip: '75201', radiusMiles: 50 } } });
    const got = new Map(d.matchesForCandidate.edges.map((e) => [name(e.node.posting.id), e.node.distanceMiles]));
    expect([...got.keys()].sort()).toEqual(['A', 'B']);
    expect(got.get('A')).toBeCloseTo(0, 9);
    expect(got.get('B')).toBeCloseTo(milesBetween(zipcodes.lookup('75201'), zipcodes.lookup('75001')), 6);
    const plain = await must<Matches>(t, q, { id: w.candidates.ava, f: null });
    expect(plain.matchesForCandidate.edges.every((e) => e.node.distanceMiles === null)).toBe(true);
  });

  it('rejects an unknown or malformed zip on write, writing nothing, and moves a posting with its zip', async () => {
    const create = 'mutation($i: JobPostingInput!) { createJobPosting(input: $i) { id } }';
    const before = await t.app.connection.collection('postings').countDocuments();
    expectBadInput(await t.gql(create, { i: { employerId: w.employers.lone, title: 'X', description: 'Y', zip: '99999' } }), ['input.zip']);
    expectBadInput(await t.gql(create, { i: { employerId: w.employers.lone, title: 'X', description: 'Y', zip: '7520' } }), ['input.zip']);
    expect(await t.app.connection.collection('postings').countDocuments()).toBe(before);
    const moved = await must<{ updateJobPosting: Edge['node'] }>(t, 'mutation($id: ID!) { updateJobPosting(id: $id, input: {zip: "10001"}) { id zip latitude longitude } }', { id: w.postings.C });
    expect(moved.updateJobPosting).toMatchObject({ zip: '10001', ...zipcodes.lookup('10001') });
    expect((await search({ f: { near: { zip: '10001', radiusMiles: 1 } } })).edges.map((e) => name(e.node.id)).sort()).toEqual(['C', 'E']);
    await must(t, 'mutation($id: ID!) { updateJobPosting(id: $id, input: {zip: null}) { id } }', { id: w.postings.C });
    expect((await search({ f: { near: { zip: '10001', radiusMiles: 1 } } })).edges.map((e) => name(e.node.id))).toEqual(['E']);
  });
});
