// The one contract every SearchEngine adapter passes (embedded always; Meilisearch when
// MEILI_HOST is set). Orders are compared with the matching module's exact path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareSetting, EmploymentType, PostingStatus } from '../../src/shared/enums.js';
import { matchCandidateToPosting } from '../../src/matching/match.js';
import { compareCandidateMatches, compareJobMatches } from '../../src/matching/ordering.js';
import type { CandidateProfile, IsoDate, PostingProfile } from '../../src/matching/matching.types.js';
import { postingProfileFromDocument } from '../../src/search/documents/posting-document.js';
import type { PostingSearchFilter, RankedPage, SearchEngine } from '../../src/search/search-engine.js';
import { runBrowseContract } from './search-engine.browse-contract.js';
import { runCareerContract } from './search-engine.career-contract.js';
import { ALICE, BOB, CANDIDATE_SOURCES, CAROL, CATALOG, TODAY, candidateDocs, postingDocs } from './contract-fixtures.js';

type Ranked = Pick<RankedPage['hits'][number], 'id' | 'eligible' | 'missingCount'>;

function exactPostingsFor(candidate: CandidateProfile, today: IsoDate, includeIneligible: boolean): Ranked[] {
  return postingDocs()
    .filter((d) => d.status === PostingStatus.OPEN)
    .map((d) => ({ id: d.id, postedAt: d.postedAt, ...matchCandidateToPosting(candidate, postingProfileFromDocument(d), CATALOG, today) }))
    .filter((m) => includeIneligible || m.eligible)
    .sort(compareJobMatches)
    .map((m) => ({ id: m.id, eligible: m.eligible, missingCount: m.missing.length }));
}

function exactCandidatesFor(posting: PostingProfile, today: IsoDate, includeIneligible: boolean): Ranked[] {
  return CANDIDATE_SOURCES.filter((c) => c.discoverable)
    .map((c) => ({ id: c.id, ...matchCandidateToPosting(c, posting, CATALOG, today) }))
    .filter((m) => includeIneligible || m.eligible)
    .sort(compareCandidateMatches)
    .map((m) => ({ id: m.id, eligible: m.eligible, missingCount: m.missing.length }));
}

const strip = (page: RankedPage): Ranked[] => page.hits.map(({ id, eligible, missingCount }) => ({ id, eligible, missingCount }));

function postingProfile(id: string, over: Partial<PostingProfile> = {}): PostingProfile {
  const doc = postingDocs().find((d) => d.id === id)!;
  return { ...postingProfileFromDocument(doc), ...over };
}

export function runSearchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: SearchEngine contract`, () => {
    let engine: SearchEngine;

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.reset();
      await engine.upsertPostings(postingDocs());
      await engine.upsertCandidates(candidateDocs());
    });

    afterEach(async () => {
      await engine.close();
    });

    const search = async (filter: PostingSearchFilter | null, text?: string) =>
      engine.searchPostings({ text, filter, offset: 0, limit: 100 });
    const idsOf = async (filter: PostingSearchFilter | null, text?: string) => [...(await search(filter, text)).ids].sort();
    const rankPostings = (candidate: CandidateProfile, today: IsoDate, includeIneligible: boolean, filter: PostingSearchFilter | null = null, offset = 0, limit = 100) =>
      engine.rankPostingsForCandidate({ candidate, filter, includeIneligible, catalog: CATALOG, today, offset, limit });
    const rankCandidates = (posting: PostingProfile, today: IsoDate, includeIneligible: boolean, offset = 0, limit = 100) =>
      engine.rankCandidatesForPosting({ posting, includeIneligible, catalog: CATALOG, today, offset, limit });

    it('reports itself healthy', async () => {
      expect(await engine.health()).toMatchObject({ ok: true, engine: engine.kind });
    });

    it('lists open postings newest first, ties by id, and never a closed one', async () => {
      const page = await search(null);
      expect(page.ids).toEqual(['p2', 'p3', 'p1', 'p6', 'p4', 'p7', 'p8']);
      expect(page.total).toBe(7);
    });

    it('applies every PostingFilter field, alone and combined', async () => {
      expect(await idsOf({ states: ['tx'] })).toEqual(['p1', 'p2', 'p7']);
      expect(await idsOf({ states: ['CA', 'NY'] })).toEqual(['p3', 'p4']);
      expect(await idsOf({ settings: [CareSetting.HOSPITAL, CareSetting.NURSING_HOME] })).toEqual(['p2', 'p3']);
      expect(await idsOf({ employmentTypes: [EmploymentType.CONTRACT] })).toEqual(['p4']);
      expect(await idsOf({ remote: true })).toEqual(['p3', 'p6']);
      expect(await idsOf({ remote: false })).toEqual(['p1', 'p2', 'p4', 'p7', 'p8']);
      // salaryMax when present, else salaryMin.
      expect(await idsOf({ minSalary: 95_000 })).toEqual(['p2', 'p3']);
      expect(await idsOf({ minSalary: 90_000 })).toEqual(['p1', 'p2', 'p3']);
      expect(await idsOf({ employerId: 'e2' })).toEqual(['p2', 'p3']);
      expect(await idsOf({ states: ['TX'], employerId: 'e1', remote: false })).toEqual(['p1', 'p7']);
      expect(await idsOf({ states: [], settings: [] })).toHaveLength(7);
      expect((await search({ states: ['TX'] })).total).toBe(3);
    });

    it('treats filter strings as data, never as syntax', async () => {
      expect(await idsOf({ states: ['TX" OR status = CLOSED'] })).toEqual([]);
      expect(await idsOf({ employerId: "e1' OR employerId = 'e2" })).toEqual([]);
      expect(await idsOf({ employerId: 'e1\\" OR remote = true OR employerId = \\"x' })).toEqual([]);
    });

    it('finds postings by words, filtered, and never closed ones', async () => {
      expect(await idsOf(null, 'nursing')).toEqual(['p2']);
      expect(await idsOf(null, 'billing')).toEqual(['p1', 'p6']);
      expect(await idsOf({ remote: true }, 'billing')).toEqual(['p6']);
      expect(await idsOf(null, 'filled')).toEqual([]);
      const both = await search(null, 'health information');
      expect(both.ids[0]).toBe('p3');
      expect(await idsOf(null, 'zzzyxq')).toEqual([]);
      expect((await search(null, '  ')).total).toBe(7);
    });

    it('ranks eligible postings for a candidate by the exact score order', async () => {
      const page = await rankPostings(ALICE, TODAY, false);
      expect(strip(page)).toEqual(exactPostingsFor(ALICE, TODAY, false));
      expect(page.hits.map((h) => h.id).sort()).toEqual(['p1', 'p2', 'p6', 'p8']);
      expect(page.total).toBe(4);
      for (const h of page.hits) expect(h.score).toBeGreaterThan(0.5);
    });

    it('puts ineligible postings after, fewer missing first, with includeIneligible', async () => {
      const page = await rankPostings(ALICE, TODAY, true);
      expect(strip(page)).toEqual(exactPostingsFor(ALICE, TODAY, true));
      expect(page.total).toBe(7);
      expect(page.hits.slice(4).map((h) => [h.id, h.missingCount])).toEqual([
        ['p7', 1],
        ...(page.hits[5].id === 'p3' ? [['p3', 2], ['p4', 2]] : [['p4', 2], ['p3', 2]]),
      ]);
      expect(page.hits.some((h) => h.id === 'p5')).toBe(false);
    });

    it('applies the posting filter while ranking', async () => {
      const page = await rankPostings(ALICE, TODAY, true, { states: ['TX'] });
      expect(page.hits.map((h) => h.id).sort()).toEqual(['p1', 'p2', 'p7']);
      expect(page.total).toBe(3);
    });

    it('checks degree level and field, and lets open experience grow with a later today', async () => {
      expect((await rankPostings(BOB, TODAY, false)).hits.map((h) => h.id)).toContain('p3');
      expect((await rankPostings(BOB, TODAY, false)).hits.map((h) => h.id)).not.toContain('p7');
      const later = await rankPostings(BOB, '2028-03-01', false);
      expect(later.hits.map((h) => h.id)).toContain('p7');
      expect(strip(later)).toEqual(exactPostingsFor(BOB, '2028-03-01', false));
      // ALICE has a bachelor's in Business: not a master's in Health Administration.
      expect((await rankPostings(ALICE, TODAY, true)).hits.find((h) => h.id === 'p3')?.eligible).toBe(false);
    });

    it('requires qualifications current on today, and state-specific ones in the posting state', async () => {
      const cmmOnly = postingProfile('p4', { minYearsExperience: 0, preferredQualificationCodes: [] });
      expect((await rankCandidates(cmmOnly, '2025-12-31', false)).hits.map((h) => h.id)).toEqual(['alice']);
      expect((await rankCandidates(cmmOnly, '2026-01-01', false)).hits).toEqual([]);
      // NHA in TX: alice (TX licence) only; carol's CA licence is missing, with a state-less posting it counts.
      expect((await rankCandidates(postingProfile('p2'), TODAY, false)).hits.map((h) => h.id)).toEqual(['alice']);
      expect((await rankCandidates(postingProfile('p8'), TODAY, false)).hits.map((h) => h.id).sort()).toEqual(['alice', 'carol']);
      expect((await rankCandidates(postingProfile('p2', { state: 'CA' }), TODAY, false)).hits.map((h) => h.id)).toEqual(['carol']);
    });

    it('judges eligibility and score on a later reference date (asOf), on both sides of an expiry', async () => {
      // ALICE's TX NHA licence expires 2027-01-01: still current that day, expired the next.
      const onExpiry = await rankPostings(ALICE, '2027-01-01', true);
      expect(strip(onExpiry)).toEqual(exactPostingsFor(ALICE, '2027-01-01', true));
      expect(onExpiry.hits.filter((h) => h.eligible).map((h) => h.id).sort()).toEqual(['p1', 'p2', 'p6', 'p8']);
      const after = await rankPostings(ALICE, '2027-01-02', true);
      expect(strip(after)).toEqual(exactPostingsFor(ALICE, '2027-01-02', true));
      expect(after.hits.filter((h) => h.eligible).map((h) => h.id).sort()).toEqual(['p1', 'p6']);
      expect(after.hits.filter((h) => ['p2', 'p8'].includes(h.id)).map((h) => h.missingCount)).toEqual([1, 1]);
      expect((await rankPostings(ALICE, '2027-01-02', false)).total).toBe(2);
      // Scores follow the reference date too: the engine's equal the exact path's on asOf.
      const exact = matchCandidateToPosting(ALICE, postingProfile('p1'), CATALOG, '2027-01-02').score;
      expect(after.hits.find((h) => h.id === 'p1')?.score).toBeCloseTo(exact, 12);
      // BOB's open position (since 2024-01-01, days inclusive) runs on: 1,461 days = 4 x 365.25
      // on 2027-12-31 unlocks p7 (4 years required); the day before is one day short.
      expect((await rankPostings(BOB, '2027-12-30', false)).hits.map((h) => h.id)).not.toContain('p7');
      expect((await rankPostings(BOB, '2027-12-31', false)).hits.map((h) => h.id)).toContain('p7');
    });

    it('counts eligible postings that require one code (requiredCode), on the reference date', async () => {
      const count = async (candidate: CandidateProfile, code: string, today: IsoDate) =>
        (await rankPostings(candidate, today, false, { requiredCode: code }, 0, 1)).total;
      expect(await count(ALICE, 'NHA', TODAY)).toBe(2);
      expect(await count(ALICE, 'nha', '2027-01-01')).toBe(2);
      expect(await count(ALICE, 'NHA', '2027-01-02')).toBe(0);
      // Expired on 2025-12-31: p4 needs it, so nothing counts.
      expect(await count(ALICE, 'CMM', TODAY)).toBe(0);
      expect(await count(BOB, 'RHIA', TODAY)).toBe(1);
      expect(await count(CAROL, 'NHA', TODAY)).toBe(1);
      expect(await count(ALICE, 'FACHE', TODAY)).toBe(0);
      const withState = await rankPostings(ALICE, TODAY, false, { requiredCode: 'NHA', states: ['TX'] });
      expect(withState.hits.map((h) => h.id)).toEqual(['p2']);
    });

    it('ranks candidates for a posting, growing experience after indexing, never non-discoverable ones', async () => {
      const p7 = postingProfile('p7');
      const now = await rankCandidates(p7, TODAY, false);
      expect(now.hits.map((h) => h.id)).toEqual(['carol']);
      const later = await rankCandidates(p7, '2028-03-01', false);
      expect(strip(later)).toEqual(exactCandidatesFor(p7, '2028-03-01', false));
      expect(later.hits.map((h) => h.id).sort()).toEqual(['alice', 'bob', 'carol']);
      const all = await rankCandidates(postingProfile('p2'), TODAY, true);
      expect(strip(all)).toEqual(exactCandidatesFor(postingProfile('p2'), TODAY, true));
      expect(all.total).toBe(3);
      expect(all.hits.map((h) => h.id)).not.toContain('dan');
    });

    it('pages deterministically: no repeats, no skips, stable totals', async () => {
      const full = await rankPostings(ALICE, TODAY, true);
      const seen: string[] = [];
      for (let offset = 0; offset < full.total; offset += 2) {
        const page = await rankPostings(ALICE, TODAY, true, null, offset, 2);
        expect(page.total).toBe(full.total);
        seen.push(...page.hits.map((h) => h.id));
      }
      expect(seen).toEqual(full.hits.map((h) => h.id));
      const listing: string[] = [];
      for (let offset = 0; offset < 7; offset += 3) {
        listing.push(...(await engine.searchPostings({ filter: null, offset, limit: 3 })).ids);
      }
      expect(listing).toEqual((await search(null)).ids);
      const cands: string[] = [];
      for (let offset = 0; offset < 3; offset++) {
        cands.push(...(await rankCandidates(postingProfile('p2'), TODAY, true, offset, 1)).hits.map((h) => h.id));
      }
      expect(cands).toEqual((await rankCandidates(postingProfile('p2'), TODAY, true)).hits.map((h) => h.id));
    });

    it('replaces a document on upsert, and closing or hiding removes it', async () => {
      const [p1] = postingDocs();
      await engine.upsertPostings([{ ...p1, title: 'Revenue Cycle Lead', state: 'CA' }]);
      expect(await idsOf(null, 'practice')).toEqual([]);
      expect(await idsOf(null, 'revenue')).toEqual(['p1']);
      expect(await idsOf({ states: ['CA'] })).toEqual(['p1', 'p3']);
      await engine.upsertPostings([{ ...postingDocs()[1], status: PostingStatus.CLOSED }]);
      expect(await idsOf(null)).not.toContain('p2');
      expect((await rankPostings(ALICE, TODAY, true)).hits.map((h) => h.id)).not.toContain('p2');
      const alice = candidateDocs()[0];
      await engine.upsertCandidates([{ ...alice, discoverable: false }]);
      const visible = await rankCandidates(postingProfile('p1'), TODAY, true);
      expect(visible.hits.map((h) => h.id).sort()).toEqual(['bob', 'carol']);
      expect(visible.total).toBe(2);
    });

    it('removes deleted documents, and ignores unknown ids', async () => {
      await engine.deletePostings(['p1', 'nope']);
      await engine.deleteCandidates(['alice', 'nobody']);
      expect(await idsOf(null)).toEqual(['p2', 'p3', 'p4', 'p6', 'p7', 'p8']);
      expect((await search(null)).total).toBe(6);
      const cands = await rankCandidates(postingProfile('p1'), TODAY, true);
      expect(cands.hits.map((h) => h.id).sort()).toEqual(['bob', 'carol']);
    });

    runBrowseContract(() => engine);

    it('empties everything on reset', async () => {
      await engine.reset();
      expect(await search(null)).toEqual({ ids: [], total: 0 });
      expect((await rankCandidates(postingProfile('p1'), TODAY, true)).total).toBe(0);
      expect(await engine.searchCandidates({ filter: null, today: TODAY, offset: 0, limit: 5 })).toEqual({ ids: [], total: 0 });
    });
  });

  runCareerContract(name, makeEngine);
}
