// The Meilisearch adapter's career steps and talent supply against the in-process stand-in,
// whose search answers here evaluate the adapter's filter strings with the documented grammar
// and semantics (meili-filter-grammar.ts), count totalHits, cut facets at maxValuesPerFacet as
// the server does, and page. Checks: the same answers as the embedded engine on the contract's
// hand-built data, and a salary facet cut short gives way to the middle documents by salary.
// The real server runs the same contract in meilisearch.engine.test.ts when MEILI_HOST is set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { candidatePayload, postingPayload } from '../../../src/search/meilisearch/meilisearch-payloads.js';
import { MAX_VALUES_PER_FACET } from '../../../src/search/meilisearch/meilisearch-career.js';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { buildPostingDocument } from '../../../src/search/documents/posting-document.js';
import { compareSteps, type StepCount } from '../../../src/matching/career-steps.js';
import type { CandidateSearchFilter, PostingSearchDocument } from '../../../src/search/search-engine.js';
import { FakeMeilisearch } from './fake-meilisearch.js';
import { evaluateFilter, parseFilter } from './meili-filter-grammar.js';
import { CATALOG, TODAY } from '../contract-fixtures.js';
import { ERIN, STEP_POSTINGS, careerCandidateDocs, careerPostingDocs } from '../career-fixtures.js';

type Doc = Record<string, unknown>;

/** A search as Meilisearch answers it, over `docs` (sorted by id; only what the adapter asks). */
function answer(docs: Doc[], body: Doc): Doc {
  const filter = body.filter ? parseFilter(String(body.filter)) : null;
  const hits = docs.filter((d) => filter === null || evaluateFilter(filter, d)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  // The only sort the career queries send: salary ascending, then id.
  if ((body.sort as string[] | undefined)?.[0] === 'salarySortKey:asc') hits.sort((a, b) => Number(a.salarySortKey) - Number(b.salarySortKey) || String(a.id).localeCompare(String(b.id)));
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const attr of (body.facets as string[] | undefined) ?? []) {
    const counts = new Map<string, number>();
    for (const h of hits) for (const v of [h[attr]].flat()) if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    // Values in lexicographic order, at most maxValuesPerFacet of them (the server's default sort).
    facetDistribution[attr] = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, MAX_VALUES_PER_FACET));
  }
  const page = Number(body.page ?? 1);
  const size = Number(body.hitsPerPage ?? 20);
  const fields = body.attributesToRetrieve as string[] | undefined;
  const pick = (d: Doc) => (fields ? Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, d[f]])) : d);
  const pageHits = body.offset !== undefined ? hits.slice(Number(body.offset), Number(body.offset) + Number(body.limit ?? 20)).map(pick) : page === 0 ? [] : hits.slice((page - 1) * size, page * size).map(pick);
  return { hits: pageHits, totalHits: hits.length, page, hitsPerPage: size, totalPages: Math.ceil(hits.length / size), facetDistribution };
}

const sorted = (steps: StepCount[]) => [...steps].sort(compareSteps);

describe('Meilisearch adapter: career steps and candidate counts (stand-in server)', () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;
  let postings: PostingSearchDocument[];
  const asked: string[] = [];

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    postings = careerPostingDocs();
    fake.search = (uid, body) => {
      if (body.filter) asked.push(String(body.filter));
      return answer(uid.endsWith('postings') ? postings.map(postingPayload) : careerCandidateDocs().map(candidatePayload), body);
    };
    engine = new MeilisearchEngine({ host: await fake.start(), apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 5_000, taskTimeoutMs: 2_000 });
  });
  afterEach(async () => fake.stop());

  it('gives the embedded engine\'s steps, counts and medians, with filters in the documented grammar', async () => {
    const embedded = new EmbeddedSearchEngine();
    await embedded.upsertPostings(postings);
    for (const filter of [null, { remote: false }, { states: ['NY'] }]) {
      const q = { candidate: ERIN, filter, catalog: CATALOG, today: TODAY };
      const got = sorted(await engine.careerSteps(q));
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(sorted(await embedded.careerSteps(q)));
    }
    expect(asked.length).toBeGreaterThan(0);
  });

  it('takes the median from the middle documents in salary order when the facet came back full', async () => {
    // 600 postings missing only FACHE, each with its own salary: more values than a facet lists.
    const base = STEP_POSTINGS.find((p) => p.id === 'q1')!;
    postings = Array.from({ length: 600 }, (_, i) => buildPostingDocument({ ...base, id: `f${String(i).padStart(3, '0')}`, salaryMax: 100_000 + i }, CATALOG));
    const [fache] = await engine.careerSteps({ candidate: ERIN, filter: null, catalog: CATALOG, today: TODAY });
    // 100,000..100,599: the middle two are 100,299 and 100,300 (the first 500 facet values alone would give 100,250).
    expect(fache).toEqual({ change: { kind: 'QUALIFICATION', code: 'FACHE', state: null }, unlocks: 600, medianSalary: 100_300 });
    // An odd count: the single middle one (100,000..100,600: 100,300).
    postings.push(buildPostingDocument({ ...base, id: 'f600', salaryMax: 100_600 }, CATALOG));
    const [odd] = await engine.careerSteps({ candidate: ERIN, filter: null, catalog: CATALOG, today: TODAY });
    expect(odd).toMatchObject({ unlocks: 601, medianSalary: 100_300 });
  });

  it('counts candidates like the embedded engine, deciding stale experience anchors from the intervals', async () => {
    const embedded = new EmbeddedSearchEngine();
    await embedded.upsertCandidates(careerCandidateDocs());
    const filters: CandidateSearchFilter[] = [
      {},
      { minYearsExperience: 4.5 },
      { qualificationTokens: ['NHA_in_TX', 'CMM'], degreeTokens: ['L3|health administration'], minYearsExperience: 3 },
      { qualificationTokens: ['NHA'], minYearsExperience: 1 },
    ];
    for (const today of [TODAY, '2025-06-01', '2030-01-01']) {
      const q = { filters, today };
      expect(await engine.countCandidates(q)).toEqual(await embedded.countCandidates(q));
    }
  });
});
