// Pins the Meilisearch eligibility filters to the matching rules: on seeded random profiles,
// the filter string the adapter builds, parsed with the documented grammar and evaluated on
// each search document, accepts exactly the documents src/matching/eligibility.ts calls
// eligible. The one documented leeway: a candidate document whose experience anchor does
// not cover the query day passes the experience clause and is decided exactly by the adapter
// (so for those only "eligible implies accepted" is required).
import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../src/matching/eligibility.js';
import { epochDayToIso, isoToEpochDay } from '../../../src/matching/dates.js';
import { buildCandidateDocument } from '../../../src/search/documents/candidate-document.js';
import { buildPostingDocument, postingProfileFromDocument } from '../../../src/search/documents/posting-document.js';
import {
  OPEN_POSTING,
  and,
  candidateEligibilityClause,
  candidateView,
  postingEligibilityClause,
  postingRequirements,
} from '../../../src/search/meilisearch/meilisearch-filters.js';
import { CATALOG, randomCandidate, randomPosting, rng } from '../random-profiles.js';
import { evaluateFilter, parseFilter } from './meili-filter-grammar.js';

const INDEXED_ON = '2026-03-01';
const asRecord = (doc: object): Record<string, unknown> => doc as Record<string, unknown>;

describe('Meilisearch eligibility filters equal the matching rules', () => {
  for (const seed of [1, 2, 3]) {
    it(`postings for a candidate (seed ${seed})`, () => {
      const r = rng(seed);
      const postings = Array.from({ length: 150 }, (_, i) => buildPostingDocument(randomPosting(r, `p${i}`, INDEXED_ON), CATALOG));
      let eligibleSeen = 0;
      for (let c = 0; c < 20; c++) {
        const today = epochDayToIso(isoToEpochDay(INDEXED_ON) + Math.floor(r() * 800));
        const candidate = randomCandidate(r, `c${c}`, INDEXED_ON);
        const filter = parseFilter(and(OPEN_POSTING, postingEligibilityClause(candidateView(candidate, today), CATALOG)));
        for (const doc of postings) {
          const eligible = evaluateEligibility(candidate, postingProfileFromDocument(doc), CATALOG, today).eligible;
          if (eligible) eligibleSeen++;
          expect([doc.id, evaluateFilter(filter, asRecord(doc))]).toEqual([doc.id, eligible]);
        }
      }
      // The property must not hold vacuously.
      expect(eligibleSeen).toBeGreaterThan(0);
    });

    it(`candidates for a posting, on days before, at and after indexing (seed ${seed})`, () => {
      const r = rng(100 + seed);
      const sources = Array.from({ length: 150 }, (_, i) => randomCandidate(r, `c${i}`, INDEXED_ON));
      const docs = sources.map((s) => buildCandidateDocument(s, INDEXED_ON));
      let eligibleSeen = 0;
      let exactChecked = 0;
      for (let p = 0; p < 20; p++) {
        const todayDay = isoToEpochDay(INDEXED_ON) + Math.floor((r() - 0.2) * 3000);
        const today = epochDayToIso(todayDay);
        const posting = postingProfileFromDocument(buildPostingDocument(randomPosting(r, `p${p}`, INDEXED_ON), CATALOG));
        const filter = parseFilter(candidateEligibilityClause(postingRequirements(posting, CATALOG), todayDay));
        docs.forEach((doc, i) => {
          const eligible = evaluateEligibility(sources[i], posting, CATALOG, today).eligible;
          const accepted = evaluateFilter(filter, asRecord(doc));
          const anchorCovers = doc.indexedOnDay <= todayDay && (doc.experienceValidUntilDay === null || todayDay < doc.experienceValidUntilDay);
          if (eligible) eligibleSeen++;
          if (anchorCovers) {
            exactChecked++;
            expect([doc.id, today, accepted]).toEqual([doc.id, today, eligible]);
          } else if (eligible) {
            expect([doc.id, today, accepted]).toEqual([doc.id, today, true]);
          }
        });
      }
      expect(eligibleSeen).toBeGreaterThan(0);
      expect(exactChecked).toBeGreaterThan(0);
    });
  }
});
