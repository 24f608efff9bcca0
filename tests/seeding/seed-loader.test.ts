import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/seeding/seed-loader.js';
import { readSeedFiles, type SeedData } from '../../src/seeding/seed-files.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// A slice keeps the test quick on FerretDB; the loader's logic does not depend on the size.
function slice(data: SeedData): SeedData {
  const postings = data.postings.slice(0, 20);
  const keys = new Set(postings.map((p) => p.employerKey));
  return {
    catalog: data.catalog,
    employers: data.employers.filter((e) => keys.has(e.key)),
    postings,
    candidates: data.candidates.slice(0, 15),
  };
}

describe('seed loader', () => {
  let t: TestApp;
  const data = slice(readSeedFiles());
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('loads the whole catalog and the demo records, and a second run adds nothing', async () => {
    const first = await loadSeeds(t.app.services, t.app.repositories, data);
    expect(first.employers.created).toBe(data.employers.length);
    expect(first.postings.created).toBe(data.postings.length);
    expect(first.candidates.created).toBe(data.candidates.length);

    const second = await loadSeeds(t.app.services, t.app.repositories, data);
    expect(second.employers).toEqual({ created: 0, existing: data.employers.length });
    expect(second.postings).toEqual({ created: 0, existing: data.postings.length });
    expect(second.candidates).toEqual({ created: 0, existing: data.candidates.length });

    expect(await t.app.repositories.postings.model.countDocuments({})).toBe(data.postings.length);
    expect(await t.app.repositories.candidates.model.countDocuments({})).toBe(data.candidates.length);
    const catalog = await t.gql<{ qualifications: { code: string }[] }>('{ qualifications { code } }', {}, null);
    expect(catalog.data?.qualifications.map((q) => q.code).sort()).toEqual(data.catalog.map((q) => q.code).sort());
  });

  it('closed seed postings are closed and never searchable', async () => {
    const closedRefs = new Set(data.postings.filter((p) => p.status === 'CLOSED').map((p) => p.externalRef));
    const res = await t.gql<{ searchPostings: { totalCount: number; edges: { node: { externalRef: string; status: string } }[] } }>(
      '{ searchPostings(first: 100) { totalCount edges { node { externalRef status } } } }',
      {},
      null,
    );
    const refs = res.data?.searchPostings.edges.map((e) => e.node.externalRef) ?? [];
    expect(res.data?.searchPostings.totalCount).toBe(data.postings.length - closedRefs.size);
    expect(refs.some((r) => closedRefs.has(r))).toBe(false);
  });
});
