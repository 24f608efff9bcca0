// The fit vectors (meilisearch-fit-vectors.ts) against the matching module's score: exact
// where a dot product can carry the formula (up to the documented linearisation), never under
// the fit by more than the documented slack anywhere, and ordered by cosine as by the dot
// product (the padding).
import { describe, expect, it } from 'vitest';
import { matchCandidateToPosting } from '../../../src/matching/match.js';
import { buildCandidateDocument } from '../../../src/search/documents/candidate-document.js';
import { buildPostingDocument, postingProfileFromDocument } from '../../../src/search/documents/posting-document.js';
import { FIT_DIMENSIONS, FIT_LAYOUT, bucketOf, candidateFitVector, fitLayout, postingFitVector } from '../../../src/search/meilisearch/meilisearch-fit-vectors.js';
import {
  candidateDocumentFitVector,
  candidateFitInputFromProfile,
  candidateQueryFitVector,
  candidateQueryFitVectors,
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
  it('carry the fit for whole-year requirements and no degree fields, up to the linearised concave halves', () => {
    // The test relies on no hash collisions between these few strings.
    const tokens = ['CMM', 'FACHE', 'RHIA', 'CPAM'].map((t) => bucketOf(t, FIT_LAYOUT.tokenBuckets));
    expect(new Set(tokens).size).toBe(4);
    const skills = ['budgeting', 'ehr', 'staffing', 'coding', 'billing', 'scheduling'].map((k) => bucketOf(k, FIT_LAYOUT.skillBuckets));
    expect(new Set(skills).size).toBe(6);
    // [posting, preferred held, skills shared]
    const cases: [PostingProfile, number, number][] = [
      [posting({}), 0, 0],
      [posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] }, minYearsExperience: 3, setting: CareSetting.HOSPITAL }), 0, 0],
      [posting({ minDegree: { minLevel: DegreeLevel.MASTER, fields: [] }, minYearsExperience: 6, preferredQualificationCodes: ['CMM', 'FACHE', 'RHIA'] }), 2, 0],
      [posting({ minYearsExperience: 5, preferredQualificationCodes: ['RHIA', 'CPAM'], skills: ['budgeting', 'ehr', 'coding', 'billing'] }), 0, 2],
      [posting({ minDegree: { minLevel: DegreeLevel.HIGH_SCHOOL, fields: [] }, minYearsExperience: 1, skills: ['Scheduling'], setting: CareSetting.HOSPITAL }), 0, 0],
      [posting({ minYearsExperience: 2, skills: ['Budgeting', 'Billing'] }), 0, 1],
    ];
    // What a per-item weight makes of ½·k/(k+1): exact at k = 0 and where slope·k = k/(k+1).
    const linearised = (weight: number, slope: number, k: number) => weight * 0.5 * (slope * k - k / (k + 1));
    const q = candidateFitVector(candidateFitInputFromProfile(candidate, TODAY));
    for (const [p, held, shared] of cases) {
      const r = matchCandidateToPosting(candidate, p, CATALOG, TODAY);
      expect(r.eligible).toBe(true);
      const v = postingFitVector(postingFitInputFromDocument(buildPostingDocument({ ...p, title: 't', description: '', employerId: 'e', employerName: 'E', employmentType: 'FULL_TIME', city: null, remote: false, salaryMin: null, salaryMax: null, status: 'OPEN' } as never, CATALOG)));
      const offset = linearised(0.3, FIT_LAYOUT.preferredSlope, held) + linearised(0.25, FIT_LAYOUT.skillSlope, shared);
      expect(dot(q, v)).toBeCloseTo(fitOf(r.score) + offset, 10);
    }
  });

  it('never falls below the fit by more than the documented slack, on random profiles', () => {
    // Under-counting comes only from the linearised concave halves (skills: slope 1/12, at
    // most ½·(3/4 - 3/12) of 0.25 at 2-3 shared; preferred: slope 1/3, ½·(1/2 - 1/3) of 0.30
    // at one held) and a fractional experience requirement (at most 0.2 · (1 - 1/1.1)).
    const slack = 0.25 * 0.5 * 0.5 + 0.3 * 0.5 * (1 / 2 - 1 / 3) + 0.2 * (1 - 1 / 1.1) + 1e-9;
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
      // Read in cosine order, the dot products never rise (equal fits may come in either order).
      const byCos = docs.map((v) => ({ d: dot(query, v), c: dot(query, v) / (norm(v) * norm(query)) })).sort((a, b) => b.c - a.c);
      for (let k = 1; k < byCos.length; k++) expect(byCos[k].d).toBeLessThanOrEqual(byCos[k - 1].d + 1e-12);
      expect(new Set(byCos.map((x) => x.d.toFixed(6))).size).toBeGreaterThan(10);
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

  it('reads a candidate with degrees in two fields in two orders: each exact where the other over- or under-counts', () => {
    const two: CandidateProfile = {
      ...candidate,
      degrees: [
        { level: DegreeLevel.MASTER, field: 'Health Administration' },
        { level: DegreeLevel.BACHELOR, field: 'Nursing' },
      ],
    };
    expect(bucketOf('health administration', FIT_LAYOUT.fieldBuckets)).not.toBe(bucketOf('nursing', FIT_LAYOUT.fieldBuckets));
    const [all, top, ...rest] = candidateQueryFitVectors(two, TODAY);
    expect(rest).toEqual([]);
    expect(top).toBeDefined();
    expect(candidateQueryFitVectors(candidate, TODAY)).toHaveLength(1);
    const fitFor = (fields: string[]) => {
      const p = posting({ minDegree: { minLevel: DegreeLevel.BACHELOR, fields } });
      const v = postingFitVector(postingFitInputFromDocument(buildPostingDocument({ ...p, title: 't', description: '', employerId: 'e', employerName: 'E', employmentType: 'FULL_TIME', city: null, remote: false, salaryMin: null, salaryMax: null, status: 'OPEN' } as never, CATALOG)));
      return { exact: fitOf(matchCandidateToPosting(two, p, CATALOG, TODAY).score), all: dot(all, v), top: dot(top, v) };
    };
    // Both fields accepted: the master's counts; 'all' adds the bachelor's too.
    const both = fitFor(['Health Administration', 'Nursing']);
    expect(both.top).toBeCloseTo(both.exact, 3);
    expect(both.all).toBeGreaterThan(both.exact + 0.1);
    // Only the lower degree's field accepted: 'all' is exact, 'top' misses it.
    const lower = fitFor(['Nursing']);
    expect(lower.all).toBeCloseTo(lower.exact, 3);
    expect(lower.top).toBeLessThan(lower.exact - 0.1);
  });

  it('lays the slots out without overlap, one padding slot last', () => {
    const L = fitLayout({ experienceSlots: 11, fieldBuckets: 2, tokenBuckets: 3, skillBuckets: 4, preferredSlope: 1 / 3, skillSlope: 1 / 12 });
    expect([L.exp, L.degAny, L.degField, L.setting, L.token, L.skill, L.tie, L.pad]).toEqual([0, 11, 17, 29, 29 + Object.keys(CareSetting).length, 32 + Object.keys(CareSetting).length, 36 + Object.keys(CareSetting).length, 37 + Object.keys(CareSetting).length]);
    expect(L.dimensions).toBe(L.pad + 1);
    expect(FIT_DIMENSIONS).toBe(FIT_LAYOUT.dimensions);
  });
});
