// Career steps and talent supply, on every engine (run from search-engine.contract.ts). The
// answers are worked out by hand from career-fixtures.ts and written here; each step's count is
// also re-derived with the matching module (the candidate with the step added, every posting
// matched exactly), so the engines' grouping and filters are held to the rules themselves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DegreeLevel, PostingStatus } from '../../src/shared/enums.js';
import { matchCandidateToPosting } from '../../src/matching/match.js';
import { experienceDays, yearsOfExperience } from '../../src/matching/experience.js';
import { epochDayToIso, isoToEpochDay } from '../../src/matching/dates.js';
import { StepKind, careerStepView, orderSteps, type StepCount } from '../../src/matching/career-steps.js';
import { postingRequirementSet, relaxationViews, relaxationsOf } from '../../src/matching/talent-supply.js';
import type { CandidateProfile } from '../../src/matching/matching.types.js';
import { postingProfileFromDocument, buildPostingDocument } from '../../src/search/documents/posting-document.js';
import { requirementFilter } from '../../src/search/documents/requirement-filter.js';
import type { PostingSearchFilter, SearchEngine } from '../../src/search/search-engine.js';
import { CATALOG, TODAY } from './contract-fixtures.js';
import { ERIN, STEP_POSTINGS, SUPPLY_POSTINGS, careerCandidateDocs, careerPostingDocs } from './career-fixtures.js';
import { MAX_VALUES_PER_FACET } from '../../src/search/meilisearch/meilisearch-career.js';

const erinYears = yearsOfExperience(ERIN.experience, TODAY);

/** The candidate after the step, for the exact re-derivation. */
function withStep(c: CandidateProfile, s: StepCount['change']): CandidateProfile {
  if (s.kind === StepKind.QUALIFICATION) return { ...c, qualifications: [...c.qualifications, { code: s.code, state: s.state, expiresOn: null }] };
  if (s.kind === StepKind.DEGREE) {
    return { ...c, degrees: [...c.degrees, { level: [DegreeLevel.HIGH_SCHOOL, DegreeLevel.ASSOCIATE, DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.DOCTORATE][s.degreeRank], field: s.degreeField ?? '' }] };
  }
  // A separate earlier position of exactly the missing days (the union adds all of them).
  const need = Math.ceil(s.minYears * 365.25 - experienceDays(c.experience, TODAY));
  const start = isoToEpochDay('1900-01-01');
  return { ...c, experience: [...c.experience, { startDate: epochDayToIso(start), endDate: epochDayToIso(start + need - 1) }] };
}

function exactUnlocks(change: StepCount['change'], filterOk: (id: string) => boolean): number {
  const after = withStep(ERIN, change);
  return careerPostingDocs()
    .filter((d) => d.status === PostingStatus.OPEN && filterOk(d.id))
    .filter((d) => {
      const p = postingProfileFromDocument(d);
      return !matchCandidateToPosting(ERIN, p, CATALOG, TODAY).eligible && matchCandidateToPosting(after, p, CATALOG, TODAY).eligible;
    }).length;
}

type Row = [kind: string, what: string | number | null, state: string | null, unlocks: number, median: number | null];

function rows(steps: StepCount[], first = 100): Row[] {
  return orderSteps(steps, first).map((s) => {
    const v = careerStepView(s, erinYears);
    const what = v.kind === StepKind.QUALIFICATION ? v.code : v.kind === StepKind.DEGREE ? `${v.degreeLevel} ${v.degreeField ?? '*'}` : v.years;
    return [v.kind, what, v.state, v.unlocks, v.medianSalary];
  });
}

export function runCareerContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: career steps and talent supply`, () => {
    let engine: SearchEngine;

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.reset();
      await engine.upsertPostings(careerPostingDocs());
      await engine.upsertCandidates(careerCandidateDocs());
    });

    afterEach(async () => {
      await engine.close();
    });

    const steps = (filter: PostingSearchFilter | null = null) => engine.careerSteps({ candidate: ERIN, filter, catalog: CATALOG, today: TODAY });

    it('lists every single change with its exact count and median salary, in the contract order', async () => {
      expect(rows(await steps())).toEqual([
        ['QUALIFICATION', 'FACHE', null, 3, 105_000], // q1 q2 q19
        ['QUALIFICATION', 'NHA', 'TX', 3, 85_000], // q4 q5, and q20 (NHA in any state)
        ['DEGREE', 'DOCTORATE health administration', null, 3, 130_000], // q9 q10 q11
        ['DEGREE', 'DOCTORATE nursing', null, 3, 130_000], // q10 q11 q12 (q12 has no salary)
        ['EXPERIENCE', 7, null, 3, 100_000], // q13 q14 q16
        ['QUALIFICATION', 'NHA', 'NY', 2, 90_000], // q8 q20: even count, mean of the middle two
        ['QUALIFICATION', 'RHIA', null, 2, 72_500], // q6 q7: expired counts as missing
        ['DEGREE', 'MASTER health administration', null, 2, 120_000], // q9 q10
        ['EXPERIENCE', 2, null, 2, 95_000], // q13 q14
        ['QUALIFICATION', 'NHA', null, 1, 85_000], // q20
        ['DEGREE', 'BACHELOR nursing', null, 1, null], // q12, no salary
        ['DEGREE', 'MASTER *', null, 1, 110_000], // q10
        ['EXPERIENCE', 1, null, 1, 90_000], // q14
      ]);
    });

    it('counts exactly what the matching rules say each step unlocks', async () => {
      const got = await steps();
      expect(got.length).toBe(13);
      for (const s of got) expect([s.change, s.unlocks]).toEqual([s.change, exactUnlocks(s.change, () => true)]);
    });

    it('counts only the postings the filter keeps, and leaves out steps that unlock none', async () => {
      expect(rows(await steps({ remote: false }), 2)).toEqual([
        ['QUALIFICATION', 'NHA', 'TX', 3, 85_000],
        ['DEGREE', 'DOCTORATE health administration', null, 3, 130_000],
      ]);
      const fache = (await steps({ remote: false })).find((s) => s.change.kind === StepKind.QUALIFICATION && s.change.code === 'FACHE');
      expect(fache).toMatchObject({ unlocks: 2, medianSalary: 110_000 }); // q1 q2 (q19 is remote)
      expect(rows(await steps({ states: ['NY'] }))).toEqual([
        ['QUALIFICATION', 'NHA', 'NY', 1, 95_000],
        ['QUALIFICATION', 'RHIA', null, 1, 75_000],
      ]);
      expect(await steps({ states: ['WY'] })).toEqual([]);
    });

    it('has no steps for a candidate eligible for every posting', async () => {
      const everything: CandidateProfile = {
        ...ERIN,
        degrees: [{ level: DegreeLevel.DOCTORATE, field: 'Nursing' }, { level: DegreeLevel.MASTER, field: 'Health Administration' }, { level: DegreeLevel.DOCTORATE, field: 'health administration' }],
        qualifications: [
          ...['FACHE', 'CMM', 'RHIA'].map((code) => ({ code, state: null, expiresOn: null })),
          ...['TX', 'NY'].map((state) => ({ code: 'NHA', state, expiresOn: null })),
        ],
        experience: [{ startDate: '2000-01-01', endDate: null }],
      };
      expect(await engine.careerSteps({ candidate: everything, filter: null, catalog: CATALOG, today: TODAY })).toEqual([]);
    });

    it('keeps the median exact with more distinct salaries than a facet lists', async () => {
      // Meilisearch's facet stops at maxValuesPerFacet values; 101 more postings missing only FACHE.
      const base = STEP_POSTINGS.find((p) => p.id === 'q1')!;
      const n = MAX_VALUES_PER_FACET + 101;
      await engine.upsertPostings(Array.from({ length: n }, (_, i) => buildPostingDocument({ ...base, id: `m${String(i).padStart(4, '0')}`, salaryMax: 200_000 + 10 * i }, CATALOG)));
      const fache = (await steps()).find((s) => s.change.kind === StepKind.QUALIFICATION && s.change.code === 'FACHE');
      // With q1 q2 q19 (100,000 105,000 120,000): n + 3 salaries, the middle ones among the new.
      const all = [100_000, 105_000, 120_000, ...Array.from({ length: n }, (_, i) => 200_000 + 10 * i)].sort((a, b) => a - b);
      const mid = all.length % 2 === 1 ? all[(all.length - 1) / 2] : Math.round((all[all.length / 2 - 1] + all[all.length / 2]) / 2);
      expect(fache).toEqual({ change: { kind: 'QUALIFICATION', code: 'FACHE', state: null }, unlocks: n + 3, medianSalary: mid });
    });

    const supply = async (id: string) => {
      const posting = postingProfileFromDocument(buildPostingDocument(SUPPLY_POSTINGS.find((p) => p.id === id)!, CATALOG));
      const req = postingRequirementSet(posting, CATALOG);
      const relaxations = relaxationsOf(req);
      const [eligible, ...counts] = await engine.countCandidates({ filters: [req, ...relaxations.map((r) => r.requirements)].map(requirementFilter), today: TODAY });
      return { eligible, relaxations: relaxationViews(req, relaxations, eligible, counts).map((r) => [r.kind, r.code, r.change, r.addedCandidates]) };
    };

    it('counts the candidates each relaxation adds, every applicable one listed, in the contract order', async () => {
      expect(await supply('t1')).toEqual({
        eligible: 2, // c1, c11 (c10 is not discoverable)
        relaxations: [
          ['DEGREE', null, 'DROP', 3], // c2 c3 c8
          ['QUALIFICATION', 'NHA', 'DROP', 2], // c5 c6
          ['DEGREE', null, 'ANY_FIELD', 1], // c2
          ['DEGREE', null, 'ONE_LEVEL_LOWER', 1], // c3
          ['EXPERIENCE', null, 'DROP', 1], // c4
          ['QUALIFICATION', 'CMM', 'DROP', 1], // c7 (expired)
          ['QUALIFICATION', 'NHA', 'ANY_STATE', 1], // c5 (held in CA)
        ],
      });
      expect(await supply('t2')).toEqual({
        eligible: 1, // c1
        relaxations: [
          ['QUALIFICATION', 'FACHE', 'DROP', 9], // every other discoverable holder of a bachelor's or more
          ['DEGREE', null, 'DROP', 1], // c8
          ['DEGREE', null, 'ONE_LEVEL_LOWER', 0], // listed with 0
        ],
      });
    });

    it('decides experience on the day asked, also where the stored anchor does not reach it', async () => {
      const years = [{ minYearsExperience: 4.5 }];
      // 2030: the seven closed five-year careers, c9 (open since 2025) and c11; not erin (3), c4 (1) or c10 (hidden).
      expect(await engine.countCandidates({ filters: years, today: '2030-01-01' })).toEqual([9]);
      // Before the documents were built (their anchor starts later): c9 has half a year, c11 5.4.
      expect(await engine.countCandidates({ filters: years, today: '2025-06-01' })).toEqual([8]);
      expect(await engine.countCandidates({ filters: [{}, { qualificationTokens: ['FACHE'] }], today: TODAY })).toEqual([11, 2]);
      // Any CandidateFilter counts, not only requirement sets.
      expect(await engine.countCandidates({ filters: [{ states: ['TX'], qualificationTokens: ['FACHE'] }, { states: ['CA'] }], today: TODAY })).toEqual([2, 0]);
    });
  });
}
