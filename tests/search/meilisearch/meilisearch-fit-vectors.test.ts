// The fit vectors (meilisearch-fit-vectors.ts) against the matching module's score: exact
// where a dot product can carry the formula, never under the fit by more than the documented
// slack anywhere, and ordered by cosine exactly as by the dot product (the padding).
import { describe, expect, it } from 'vitest';
import { matchCandidateToPosting } from '../../../src/matching/match.js';
import { buildCandidateDocument } from '../../../src/search/documents/candidate-document.js';
import { buildPostingDocument, postingProfileFromDocument } from '../../../src/search/documents/posting-document.js';
import { FIT_DIMENSIONS, bucketOf, candidateFitVector, postingFitVector } from '../../../src/search/meilisearch/meilisearch-fit-vectors.js';
import {
  candidateDocumentFitVector,
  candidateFitInputFromProfile,
  candidateQueryFitVector,
  postingDocumentFitVector,
  postingFitInputFromDocument,
  postingQueryFitVector,
} from '../../../src/search/meilisearch/meilisearch-fit-inputs.js';
import { CareSetting, DegreeLevel } from '../../../src/shared/enums.js';
import type { CandidateProfile, PostingProfile } from '../../../src/matching/matching.types.js';
import { CATALOG, randomCandidate, randomPosting, rng } from '../random-profiles.js';

const TODAY = '2026-03-01';
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
/** The fit back from an eligible score (scoring.ts: 0.5 + 0.5 · (0.02 + 0.98 · fit)). */
const fitOf = (score: number) => ((score - 0.5) / 0.5 - 0.02) / 0.98;

const candidate: CandidateProfile = {
  id: 'c',
  degrees: [{ level: DegreeLevel.MASTER, field: 'Health Administration' }],
  qualifications: [
    { code: 'CMM', state: null, expiresOn: null },
    { code: 'FACHE', state: null, expiresOn: '2030-01-01' },
  ],
  experience: [{ startDate: '2018-03-01', endDate: null, setting: CareSetting.HOSPITAL }],
  skills: ['Budgeting', 'EHR', 'Staffing'],
};

function posting(over: Partial<PostingProfile>): PostingProfile {
  return {
    id: 'p',
    minDegree: null,
    minYearsExperience: 0,
    requiredQualificationCodes: [],
    preferredQualificationCodes: [],
    skills: [],
    state: 'TX',
    setting: CareSetting.OTHER,
    postedAt: new Date('2026-02-01'),
    ...over,
  };
}

describe('fit vectors', () => {
  it('carry the fit exactly for whole-year requirements, no degree fields and 0 or 2 shared items', () => {
    // The test relies on no hash collisions between these few strings.
    const tokens = ['CMM', 'FACHE', 'RHIA', 'CPAM'].map((t) => bucketOf(t, 96));
    expect(new Set(tokens).size).toBe(4);
    const cases = [
      posting({}),
      posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] }, minYearsExperience: 3, setting: CareSetting.HOSPITAL }),
      posting({ minDegree: { minLevel: DegreeLevel.MASTER, fields: [] }, minYearsExperience: 6, preferredQualificationCodes: ['CMM', 'FACHE', 'RHIA'] }),
      posting({ minYearsExperience: 5, preferredQualificationCodes: ['RHIA', 'CPAM'], skills: ['budgeting', 'ehr', 'coding', 'billing'] }),
      posting({ minDegree: { minLevel: DegreeLevel.HIGH_SCHOOL, fields: [] }, minYearsExperience: 1, skills: ['Scheduling'], setting: CareSetting.HOSPITAL }),
    ];
    const q = candidateFitVector(candidateFitInputFromProfile(candidate, TODAY));
    for (const p of cases) {
      const r = matchCandidateToPosting(candidate, p, CATALOG, TODAY);
      expect(r.eligible).toBe(true);
      const v = postingFitVector(postingFitInputFromDocument(buildPostingDocument({ ...p, title: 't', description: '', employerId: 'e', employerName: 'E', employmentType: 'FULL_TIME', city: null, remote: false, salaryMin: null, salaryMax: null, status: 'OPEN' } as never, CATALOG)));
      expect(dot(q, v)).toBeCloseTo(fitOf(r.score), 10);
    }
  });

  it('never falls below the fit by more than the documented slack, on random profiles', () => {
    // Under-counting comes only from one shared item (skills 0.25/12, preferred 0.30/12) and
    // a fractional experience requirement between two whole years (at most 0.2 · (1 - 1/1.1)).
    const slack = 0.25 / 12 + 0.3 / 12 + 0.2 * (1 - 1 / 1.1) + 1e-9;
    const r = rng(11);
    let eligible = 0;
    for (let i = 0; i < 60; i++) {
      const c = buildCandidateDocument(randomCandidate(r, `c${i}`, TODAY), TODAY);
      const profile: CandidateProfile = { id: c.id, degrees: c.degrees, qualifications: c.qualifications, experience: c.experience, skills: c.skills };
      const q = candidateQueryFitVector(profile, TODAY);
      for (let j = 0; j < 60; j++) {
        const d = buildPostingDocument(randomPosting(r, `p${j}`, TODAY), CATALOG);
        const m = matchCandidateToPosting(profile, postingProfileFromDocument(d), CATALOG, TODAY);
        if (!m.eligible) continue;
        eligible++;
        expect(dot(q, postingFitVector(postingFitInputFromDocument(d))) - fitOf(m.score)).toBeGreaterThanOrEqual(-slack);
      }
    }
    expect(eligible).toBeGreaterThan(100);
  });

  it('pads documents to one norm, so cosine orders documents as the dot product does', () => {
    const r = rng(5);
    const postings = Array.from({ length: 40 }, (_, j) => buildPostingDocument(randomPosting(r, `p${j}`, TODAY), CATALOG));
    const candidates = Array.from({ length: 40 }, (_, i) => buildCandidateDocument(randomCandidate(r, `c${i}`, TODAY), TODAY));
    for (const [docs, query] of [
      [postings.map(postingDocumentFitVector), candidateQueryFitVector(candidates[0], TODAY)],
      [candidates.map(candidateDocumentFitVector), postingQueryFitVector(postingProfileFromDocument(postings[0]), CATALOG)],
    ] as const) {
      const norms = docs.map(norm);
      for (const n of norms) expect(n).toBeCloseTo(norms[0], 9);
      for (const v of docs) expect(v).toHaveLength(FIT_DIMENSIONS);
      const byDot = docs.map((v, k) => ({ k, s: dot(query, v) })).sort((a, b) => b.s - a.s).map((x) => x.k);
      const byCos = docs.map((v, k) => ({ k, s: dot(query, v) / (norm(v) * norm(query)) })).sort((a, b) => b.s - a.s).map((x) => x.k);
      expect(byCos).toEqual(byDot);
    }
  });

  it('breaks ties between equal fits by newer posting and by lower candidate id', () => {
    const doc = buildPostingDocument(randomPosting(rng(2), 'p', TODAY), CATALOG);
    const q = candidateQueryFitVector(buildCandidateDocument(randomCandidate(rng(3), 'c', TODAY), TODAY), TODAY);
    const older = postingDocumentFitVector({ ...doc, postedAt: Date.UTC(2026, 0, 1) });
    const newer = postingDocumentFitVector({ ...doc, postedAt: Date.UTC(2026, 1, 1) });
    expect(dot(q, newer)).toBeGreaterThan(dot(q, older));
    const c = buildCandidateDocument(randomCandidate(rng(4), 'c', TODAY), TODAY);
    const pq = postingQueryFitVector(postingProfileFromDocument(doc), CATALOG);
    const low = candidateDocumentFitVector({ ...c, id: '0000000a0000000000000000' });
    const high = candidateDocumentFitVector({ ...c, id: 'f0000000000000000000000b' });
    expect(dot(pq, low)).toBeGreaterThan(dot(pq, high));
  });
});
