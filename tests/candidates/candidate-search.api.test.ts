// searchCandidates through HTTP on the real MongoDB-protocol server: every CandidateFilter
// field alone and combined, words, order, paging, facets against hand-computed counts, who may
// search and who sees e-mail. World: browse-world.ts (Dev is not discoverable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { expectBadInput, onlyError } from '../helpers/errors.js';
import { must } from '../helpers/fixtures.js';
import { issueKey } from '../auth/auth-world.js';
import { buildBrowseWorld, type BrowseWorld } from '../helpers/browse-world.js';

const SEARCH = `query($q: String, $f: CandidateFilter, $first: Int, $after: String) {
  searchCandidates(query: $q, filter: $f, first: $first, after: $after) {
    totalCount edges { cursor distanceMiles node { id name email zip latitude longitude } } pageInfo { hasNextPage endCursor } } }`;
const FACETS = `query($q: String, $f: CandidateFilter) { searchCandidates(query: $q, filter: $f, first: 1) {
  facets { states { value count } qualifications { value count } degreeLevels { value count } } } }`;

type Node = { id: string; name: string; email: string | null; zip: string | null; latitude: number | null; longitude: number | null };
type Conn = { totalCount: number; edges: { cursor: string; distanceMiles: number | null; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const fc = (...pairs: [string, number][]) => pairs.map(([value, count]) => ({ value, count }));

describe('searchCandidates (HTTP, real database)', () => {
  let t: TestApp;
  let w: BrowseWorld;
  const keys: Record<string, string> = {};
  const search = async (vars: Record<string, unknown>, key = ADMIN_KEY) => {
    const r = await t.gql<{ searchCandidates: Conn }>(SEARCH, vars, key);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.searchCandidates;
  };
  const names = async (f: Record<string, unknown> | null, q?: string) => (await search({ f, q })).edges.map((e) => e.node.name);
  const sorted = async (f: Record<string, unknown>) => (await names(f)).sort();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildBrowseWorld(t);
    keys.JOB_BOARD = (await issueKey(t, { role: 'JOB_BOARD', label: 'Board' })).key;
    keys.RECRUITER = (await issueKey(t, { role: 'RECRUITER', label: 'Rec', employerId: w.employers.lone })).key;
    keys.CANDIDATE = (await issueKey(t, { role: 'CANDIDATE', label: 'Ava', candidateId: w.candidates.ava })).key;
  });
  afterAll(async () => t?.close());

  it('lists discoverable candidates only, most years first (admins too)', async () => {
    const r = await search({});
    // Cara 12 years, Ava 6, Ben 3, Eli none; Dev (21 years) is not discoverable.
    expect(r.edges.map((e) => e.node.name)).toEqual(['Cara', 'Ava', 'Ben', 'Eli']);
    expect(r.totalCount).toBe(4);
  });

  it('applies every filter field alone', async () => {
    expect(await sorted({ states: ['tx'] })).toEqual(['Ava', 'Ben']);
    expect(await sorted({ qualifications: [{ code: 'NHA', state: 'TX' }] })).toEqual(['Ava']);
    expect(await sorted({ qualifications: [{ code: 'nha' }] })).toEqual(['Ava', 'Cara']);
    expect(await sorted({ qualifications: [{ code: 'CMM' }] })).toEqual([]); // Ava's expired in 2020
    expect(await sorted({ qualifications: [{ code: 'RHIA', state: 'TX' }] })).toEqual(['Ben']); // not state-specific
    expect(await sorted({ minDegree: { minLevel: 'MASTER' } })).toEqual(['Ben', 'Cara']);
    expect(await sorted({ minDegree: { minLevel: 'MASTER', fields: [' health ADMINISTRATION'] } })).toEqual(['Ben']);
    expect(await sorted({ minYearsExperience: 5 })).toEqual(['Ava', 'Cara']);
    expect(await sorted({ settings: ['NURSING_HOME'] })).toEqual(['Ava', 'Cara']);
    expect(await sorted({ settings: ['HOSPITAL'] })).toEqual(['Ben']);
    expect(await sorted({ near: { zip: '75201', radiusMiles: 50 } })).toEqual(['Ava']);
    // Ben has no zip: his Austin city centroid is ~180 miles from Dallas.
    expect(await sorted({ near: { zip: '75201', radiusMiles: 250 } })).toEqual(['Ava', 'Ben']);
  });

  it('combines filters, and words over headline, summary, skills and experience titles', async () => {
    expect(await sorted({ states: ['TX'], minYearsExperience: 5 })).toEqual(['Ava']);
    expect(await sorted({ qualifications: [{ code: 'NHA' }], settings: ['NURSING_HOME'], near: { zip: '75201', radiusMiles: 500 } })).toEqual(['Ava']);
    expect(await sorted({ states: ['TX', 'CA'], minDegree: { minLevel: 'DOCTORATE' }, qualifications: [{ code: 'NHA', state: 'CA' }] })).toEqual(['Cara']);
    expect(await names(null, 'administrator')).toEqual(['Cara']);
    expect(await names(null, 'billing')).toEqual(['Ava']);
    expect(await names(null, 'coding')).toEqual(['Ben']);
    expect(await names(null, 'business office')).toEqual(['Ava']);
    expect(await names({ states: ['TX'] }, 'administrator')).toEqual([]);
  });

  it('gives distances from the centre when near is given', async () => {
    const r = await search({ f: { near: { zip: '75201', radiusMiles: 50 } } });
    expect(r.edges[0].distanceMiles).toBeCloseTo(0, 9);
    expect((await search({})).edges.every((e) => e.distanceMiles === null)).toBe(true);
  });

  it('pages without repeats or skips', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: Conn = await search({ first: 1, after });
      seen.push(...r.edges.map((e) => e.node.name));
      after = r.pageInfo.hasNextPage ? r.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Cara', 'Ava', 'Ben', 'Eli']);
  });

  it('counts facets exactly, each without its own filter', async () => {
    const facets = async (f: Record<string, unknown> | null, q?: string) =>
      (await must<{ searchCandidates: { facets: Record<string, unknown> } }>(t, FACETS, { f, q })).searchCandidates.facets;
    expect(await facets(null)).toEqual({
      states: fc(['TX', 2], ['CA', 1], ['NY', 1]),
      qualifications: fc(['NHA', 2], ['RHIA', 1]),
      degreeLevels: fc(['BACHELOR', 1], ['DOCTORATE', 1], ['HIGH_SCHOOL', 1], ['MASTER', 1]),
    });
    expect(await facets({ states: ['TX'] })).toEqual({
      states: fc(['TX', 2], ['CA', 1], ['NY', 1]),
      qualifications: fc(['NHA', 1], ['RHIA', 1]),
      degreeLevels: fc(['BACHELOR', 1], ['MASTER', 1]),
    });
    const nha = await facets({ qualifications: [{ code: 'NHA' }] });
    expect(nha.qualifications).toEqual(fc(['NHA', 2], ['RHIA', 1]));
    expect(nha.states).toEqual(fc(['CA', 1], ['TX', 1]));
    const masters = await facets({ minDegree: { minLevel: 'MASTER' } });
    expect(masters.degreeLevels).toEqual(fc(['BACHELOR', 1], ['DOCTORATE', 1], ['HIGH_SCHOOL', 1], ['MASTER', 1]));
    expect(masters.states).toEqual(fc(['CA', 1], ['TX', 1]));
    expect((await facets(null, 'administrator')).states).toEqual(fc(['CA', 1]));
  });

  it('lets recruiters and job boards search without e-mail; admins see it; candidates and anonymous cannot', async () => {
    for (const role of ['JOB_BOARD', 'RECRUITER']) {
      const r = await search({ f: { states: ['TX'] } }, keys[role]);
      expect(r.edges.map((e) => e.node.name).sort()).toEqual(['Ava', 'Ben']);
      expect(r.edges.every((e) => e.node.email === null)).toBe(true);
    }
    expect((await search({ f: { states: ['TX'] } })).edges.every((e) => e.node.email?.endsWith('@example.org'))).toBe(true);
    expect(onlyError(await t.gql(SEARCH, {}, keys.CANDIDATE)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(SEARCH, {}, null)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad filter input naming each field', async () => {
    expectBadInput(await t.gql(SEARCH, { f: { states: ['XX'] } }), ['filter.states[0]']);
    expectBadInput(await t.gql(SEARCH, { f: { qualifications: [{ code: 'CMM' }, { code: 'NOPE', state: 'ZZ' }] } }), [
      'filter.qualifications[1].code',
      'filter.qualifications[1].state',
    ]);
    expectBadInput(await t.gql(SEARCH, { f: { minYearsExperience: -1 } }), ['filter.minYearsExperience']);
    expectBadInput(await t.gql(SEARCH, { f: { near: { zip: '75201', radiusMiles: 600 } } }), ['filter.near.radiusMiles']);
    expectBadInput(await t.gql(SEARCH, { f: { near: { zip: '1', radiusMiles: 6 } } }), ['filter.near.zip']);
    expectBadInput(await t.gql(SEARCH, { first: 0 }), ['first']);
  });

  it('stores a candidate zip and its coordinates, and rejects an unknown one', async () => {
    const r = await search({ f: { near: { zip: '10001', radiusMiles: 1 } } });
    expect(r.edges.map((e) => e.node)).toEqual([expect.objectContaining({ name: 'Eli', zip: '10001', latitude: 40.7484, longitude: -73.9967 })]);
    expectBadInput(await t.gql('mutation($id: ID!) { updateCandidate(id: $id, input: {zip: "00000"}) { id } }', { id: w.candidates.eli }), ['input.zip']);
    await must(t, 'mutation($id: ID!) { updateCandidate(id: $id, input: {zip: "75201", city: "Dallas", state: "TX"}) { id } }', { id: w.candidates.eli });
    expect(await sorted({ near: { zip: '75201', radiusMiles: 1 } })).toEqual(['Ava', 'Eli']);
  });
});
