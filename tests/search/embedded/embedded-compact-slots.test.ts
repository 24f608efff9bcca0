// The embedded posting store keeps compact slots (labels as interned numbers, no documents)
// and counts facets from them in one pass. These check it against a brute force written from
// DESIGN §9's rules over the documents themselves, on random data, and that a snapshot round
// trip (typed arrays shared per chunk, grid rebuilt from the slots) answers exactly the same.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { buildPostingDocument } from '../../../src/search/documents/posting-document.js';
import { buildCandidateDocument } from '../../../src/search/documents/candidate-document.js';
import { tokenize } from '../../../src/search/embedded/embedded-text-index.js';
import { haversineMiles } from '../../../src/matching/geo.js';
import { facetList } from '../../../src/matching/facets.js';
import { CareSetting, EmploymentType } from '../../../src/shared/enums.js';
import type { PostingFacetCounts, PostingSearchDocument, PostingSearchFilter } from '../../../src/search/search-engine.js';
import { CATALOG, pick, randomCandidate, randomPosting, rng } from '../random-profiles.js';

const TODAY = '2026-03-01';
const WORDS = ['manager', 'billing', 'clinic', 'director', 'revenue', 'nursing'];
const STATES = ['TX', 'CA', 'NY', 'FL'];
const dir = mkdtempSync(path.join(os.tmpdir(), 'hm-compact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function randomDocs(n: number, seed: number): PostingSearchDocument[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const src = randomPosting(r, `p${String(i).padStart(4, '0')}`, TODAY);
    const located = r() < 0.85;
    return buildPostingDocument(
      {
        ...src,
        title: `${pick(r, WORDS)} ${pick(r, WORDS)}`,
        description: r() < 0.5 ? pick(r, WORDS) : 'runs the office',
        employerId: pick(r, ['e1', 'e2', 'e3']),
        state: r() < 0.85 ? pick(r, STATES) : null,
        latitude: located ? 29 + r() * 4 : null,
        longitude: located ? -99 + r() * 4 : null,
        status: r() < 0.9 ? src.status : 'CLOSED',
      } as typeof src,
      CATALOG,
    );
  });
}

function randomFilter(r: () => number): PostingSearchFilter {
  const f: PostingSearchFilter = {};
  if (r() < 0.4) f.states = [pick(r, STATES), ...(r() < 0.5 ? [pick(r, [...STATES, 'ZZ'])] : [])];
  if (r() < 0.3) f.settings = [pick(r, Object.values(CareSetting))];
  if (r() < 0.3) f.employmentTypes = [pick(r, Object.values(EmploymentType)), pick(r, Object.values(EmploymentType))];
  if (r() < 0.3) f.remote = r() < 0.5;
  if (r() < 0.3) f.minSalary = 60_000 + Math.floor(r() * 60_000);
  if (r() < 0.2) f.employerId = pick(r, ['e1', 'e2', 'e9']);
  if (r() < 0.3) f.near = { latitude: 31, longitude: -97, radiusMiles: 20 + r() * 150 };
  return f;
}

type Clause = 'states' | 'settings' | 'employmentTypes' | 'remote' | 'minSalary' | 'employerId' | 'near';

/** Which clauses a document fails, straight from the PostingFilter rules. */
function fails(d: PostingSearchDocument, f: PostingSearchFilter): Set<Clause> {
  const out = new Set<Clause>();
  if (f.states?.length && (d.state === null || !f.states.includes(d.state))) out.add('states');
  if (f.settings?.length && !f.settings.includes(d.setting)) out.add('settings');
  if (f.employmentTypes?.length && !f.employmentTypes.includes(d.employmentType)) out.add('employmentTypes');
  if (f.remote != null && d.remote !== f.remote) out.add('remote');
  if (f.minSalary != null && (d.salaryCeiling === null || d.salaryCeiling < f.minSalary)) out.add('minSalary');
  if (f.employerId != null && d.employerId !== f.employerId) out.add('employerId');
  if (f.near) {
    const ok = !d.remote && d.latitude !== null && d.longitude !== null && haversineMiles(f.near.latitude, f.near.longitude, d.latitude, d.longitude) <= f.near.radiusMiles;
    if (!ok) out.add('near');
  }
  return out;
}

function matchesText(d: PostingSearchDocument, text: string | undefined): boolean {
  const words = tokenize(text ?? '');
  if (words.length === 0) return true;
  const own = new Set(tokenize([d.title, d.description, d.employerName, ...d.skills].join(' ')));
  return words.some((w) => own.has(w));
}

function bruteFacets(docs: PostingSearchDocument[], f: PostingSearchFilter, text?: string): PostingFacetCounts {
  const open = docs.filter((d) => d.status === 'OPEN' && matchesText(d, text));
  const count = (own: Clause, value: (d: PostingSearchDocument) => string | null) => {
    const m = new Map<string, number>();
    for (const d of open) {
      const failed = fails(d, f);
      failed.delete(own);
      const v = value(d);
      if (failed.size === 0 && v !== null) m.set(v, (m.get(v) ?? 0) + 1);
    }
    return facetList(m);
  };
  return {
    states: count('states', (d) => d.state),
    settings: count('settings', (d) => d.setting),
    employmentTypes: count('employmentTypes', (d) => d.employmentType),
    remote: count('remote', (d) => String(d.remote)),
    salaryBands: count('minSalary', (d) => d.salaryBand),
  };
}

describe('embedded posting store on compact slots', () => {
  const docs = randomDocs(600, 11);

  it('counts disjunctive facets and totals exactly like a brute force over the documents', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsertPostings(docs);
    const r = rng(5);
    for (let i = 0; i < 150; i++) {
      const filter = randomFilter(r);
      const text = r() < 0.5 ? undefined : r() < 0.5 ? pick(r, WORDS) : `${pick(r, WORDS)} ${pick(r, WORDS)}`;
      expect(await engine.postingFacets({ text, filter })).toEqual(bruteFacets(docs, filter, text));
      const total = docs.filter((d) => d.status === 'OPEN' && matchesText(d, text) && fails(d, filter).size === 0).length;
      expect((await engine.searchPostings({ text, filter, offset: 0, limit: 5 })).total).toBe(total);
    }
  });

  it('answers the same after a snapshot round trip, and keeps taking writes', async () => {
    const source = new EmbeddedSearchEngine();
    await source.upsertPostings(docs);
    const r = rng(8);
    const candidates = Array.from({ length: 200 }, (_, i) => buildCandidateDocument({ ...randomCandidate(r, `c${i}`, TODAY), latitude: 29 + r() * 4, longitude: -99 + r() * 4, headline: pick(r, WORDS) }, TODAY));
    await source.upsertCandidates(candidates);
    const file = path.join(dir, 'snap');
    await source.saveSnapshot(file, Date.now());
    const copy = new EmbeddedSearchEngine();
    await copy.loadSnapshot(file);
    const near = { latitude: 31, longitude: -97, radiusMiles: 120 };
    const queries = [
      { text: 'manager billing', filter: { states: ['TX'] }, sort: null },
      { text: undefined, filter: { near }, sort: 'DISTANCE' as const },
      { text: undefined, filter: { minSalary: 80_000 }, sort: 'SALARY' as const },
    ];
    for (const q of queries) {
      expect(await copy.searchPostings({ ...q, offset: 0, limit: 50 })).toEqual(await source.searchPostings({ ...q, offset: 0, limit: 50 }));
      expect(await copy.postingFacets(q)).toEqual(await source.postingFacets(q));
    }
    const cq = { text: 'clinic', filter: { near }, today: TODAY, offset: 0, limit: 50 };
    expect(await copy.searchCandidates(cq)).toEqual(await source.searchCandidates(cq));
    expect(await copy.candidateFacets({ ...cq, qualificationCodes: [...CATALOG.keys()] })).toEqual(await source.candidateFacets({ ...cq, qualificationCodes: [...CATALOG.keys()] }));
    const rank = { candidate: { ...randomCandidate(rng(3), 'x', TODAY) }, filter: { near }, includeIneligible: true, catalog: CATALOG, today: TODAY, offset: 0, limit: 30 };
    expect(await copy.rankPostingsForCandidate(rank)).toEqual(await source.rankPostingsForCandidate(rank));
    // Writes after the load: a moved posting leaves its old cell, a closed one every index.
    const moved = { ...docs.find((d) => d.status === 'OPEN' && !d.remote && d.latitude !== null)!, latitude: 31, longitude: -97 };
    const closed = { ...docs.find((d) => d.status === 'OPEN' && d.id !== moved.id)!, status: 'CLOSED' as const };
    for (const e of [source, copy]) await e.upsertPostings([moved, closed] as PostingSearchDocument[]);
    for (const q of queries) expect(await copy.searchPostings({ ...q, offset: 0, limit: 600 })).toEqual(await source.searchPostings({ ...q, offset: 0, limit: 600 }));
    const within = await copy.searchPostings({ filter: { near: { ...near, radiusMiles: 1 } }, offset: 0, limit: 600 });
    expect(within.ids).toContain(moved.id);
    expect((await copy.searchPostings({ filter: null, offset: 0, limit: 600 })).ids).not.toContain(closed.id);
  });
});
