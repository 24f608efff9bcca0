// The embedded engine must rank by exactly the matching module's score: every hit's score,
// eligibility and missing count equal matchCandidateToPosting's, and the order equals sorting
// the exact results with the matching module's own comparators.
import { describe, expect, it } from 'vitest';
import { matchCandidateToPosting } from '../../../src/matching/match.js';
import { compareCandidateMatches, compareJobMatches } from '../../../src/matching/ordering.js';
import { epochDayToIso, isoToEpochDay } from '../../../src/matching/dates.js';
import { buildCandidateDocument } from '../../../src/search/documents/candidate-document.js';
import { buildPostingDocument, postingProfileFromDocument } from '../../../src/search/documents/posting-document.js';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { dayIntervals, unionDaysOn } from '../../../src/search/embedded/experience-day-intervals.js';
import { experienceDays } from '../../../src/matching/experience.js';
import { CATALOG, randomCandidate, randomPosting, rng } from '../random-profiles.js';

const INDEXED_ON = '2026-03-01';

describe('embedded ranking equals the exact matching path', () => {
  for (const seed of [1, 2, 3]) {
    it(`postings for a candidate (seed ${seed})`, async () => {
      const r = rng(seed);
      const engine = new EmbeddedSearchEngine();
      const sources = Array.from({ length: 150 }, (_, i) => randomPosting(r, `p${String(i).padStart(3, '0')}`, INDEXED_ON));
      const docs = sources.map((s) => buildPostingDocument(s, CATALOG));
      await engine.upsertPostings(docs);
      for (let c = 0; c < 15; c++) {
        const today = epochDayToIso(isoToEpochDay(INDEXED_ON) + Math.floor(r() * 800));
        const candidate = randomCandidate(r, `c${c}`, INDEXED_ON);
        const page = await engine.rankPostingsForCandidate({
          candidate, filter: null, includeIneligible: true, catalog: CATALOG, today, offset: 0, limit: 1000,
        });
        const exact = docs
          .map((d) => ({ id: d.id, postedAt: d.postedAt, ...matchCandidateToPosting(candidate, postingProfileFromDocument(d), CATALOG, today) }))
          .sort(compareJobMatches);
        expect(page.total).toBe(docs.length);
        expect(page.hits.map((h) => [h.id, h.score, h.eligible, h.missingCount])).toEqual(
          exact.map((e) => [e.id, e.score, e.eligible, e.missing.length]),
        );
        const eligibleOnly = await engine.rankPostingsForCandidate({
          candidate, filter: null, includeIneligible: false, catalog: CATALOG, today, offset: 0, limit: 1000,
        });
        expect(eligibleOnly.hits.map((h) => h.id)).toEqual(exact.filter((e) => e.eligible).map((e) => e.id));
      }
    });

    it(`candidates for a posting, on later days than indexing (seed ${seed})`, async () => {
      const r = rng(100 + seed);
      const engine = new EmbeddedSearchEngine();
      const sources = Array.from({ length: 150 }, (_, i) => randomCandidate(r, `c${String(i).padStart(3, '0')}`, INDEXED_ON));
      await engine.upsertCandidates(sources.map((s) => buildCandidateDocument(s, INDEXED_ON)));
      for (let p = 0; p < 15; p++) {
        // Also days before indexing: the engine must fall back to the intervals.
        const today = epochDayToIso(isoToEpochDay(INDEXED_ON) + Math.floor((r() - 0.2) * 3000));
        const posting = postingProfileFromDocument(buildPostingDocument(randomPosting(r, `p${p}`, INDEXED_ON), CATALOG));
        const page = await engine.rankCandidatesForPosting({
          posting, includeIneligible: true, catalog: CATALOG, today, offset: 0, limit: 1000,
        });
        const exact = sources
          .map((c) => ({ id: c.id, ...matchCandidateToPosting(c, posting, CATALOG, today) }))
          .sort(compareCandidateMatches);
        expect(page.hits.map((h) => [h.id, h.score, h.eligible, h.missingCount])).toEqual(
          exact.map((e) => [e.id, e.score, e.eligible, e.missing.length]),
        );
      }
    });
  }
});

describe('embedded experience arithmetic', () => {
  it('unionDaysOn equals experienceDays on random, overlapping, adjacent and reversed intervals', () => {
    const r = rng(9);
    for (let k = 0; k < 500; k++) {
      const base = isoToEpochDay('2020-01-01');
      const experience = Array.from({ length: Math.floor(r() * 5) }, () => {
        const s = base + Math.floor(r() * 2000);
        const len = Math.floor(r() * 900) - 100; // some reversed
        return { startDate: epochDayToIso(s), endDate: r() < 0.3 ? null : epochDayToIso(s + len) };
      });
      const day = base + Math.floor(r() * 3000) - 200;
      expect(unionDaysOn(dayIntervals(experience), day)).toBe(experienceDays(experience, epochDayToIso(day)));
    }
  });
});
