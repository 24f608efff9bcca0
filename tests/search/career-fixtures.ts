// Hand-built data for the career-steps and talent-supply contract, small enough that every
// answer is worked out by hand in search-engine.career-contract.ts. Uses the contract's
// CATALOG (CMM, RHIA, FACHE; NHA state-specific) and TODAY (2026-03-01).
import { DegreeLevel, PostingStatus } from '../../src/shared/enums.js';
import { buildPostingDocument, type PostingDocumentSource } from '../../src/search/documents/posting-document.js';
import { buildCandidateDocument, type CandidateDocumentSource } from '../../src/search/documents/candidate-document.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../../src/search/search-engine.js';
import { CATALOG, TODAY, posting as basePosting } from './contract-fixtures.js';

const posting = (id: string, over: Partial<PostingDocumentSource>): PostingDocumentSource =>
  basePosting(id, { title: 'Practice Manager', description: 'Runs the office.', ...over });

const master = (fields: string[]) => ({ minLevel: DegreeLevel.MASTER, fields });

/**
 * For ERIN (bachelor in business, 3.0007 years, CMM current, RHIA expired, no NHA):
 * qualification misses q1 q2 q19 (FACHE), q4 q5 (NHA in TX), q8 (NHA in NY), q20 (NHA, no
 * state), q6 q7 (RHIA); degree misses q9-q12; experience misses q13 q14 q16; q3 and q15 miss
 * two requirements, q17 is eligible, q18 is closed.
 */
export const STEP_POSTINGS: PostingDocumentSource[] = [
  posting('q1', { requiredQualificationCodes: ['FACHE'], salaryMax: 100_000 }),
  posting('q2', { requiredQualificationCodes: ['FACHE', 'CMM'], salaryMax: 120_000 }),
  posting('q3', { requiredQualificationCodes: ['FACHE', 'RHIA'], salaryMax: 200_000 }),
  posting('q4', { requiredQualificationCodes: ['NHA'], salaryMax: 90_000 }),
  // salaryCeiling = salaryMin when there is no salaryMax.
  posting('q5', { requiredQualificationCodes: ['NHA'], salaryMin: 80_000 }),
  posting('q6', { requiredQualificationCodes: ['RHIA'], state: null, salaryMax: 70_000 }),
  posting('q7', { requiredQualificationCodes: ['RHIA'], state: 'NY', salaryMax: 75_000 }),
  posting('q8', { requiredQualificationCodes: ['NHA'], state: 'NY', salaryMax: 95_000 }),
  posting('q9', { minDegree: master(['Health Administration']), salaryMax: 130_000 }),
  posting('q10', { minDegree: master([]), salaryMax: 110_000 }),
  posting('q11', { minDegree: { minLevel: DegreeLevel.DOCTORATE, fields: ['Nursing', 'health administration'] }, salaryMax: 150_000 }),
  posting('q12', { minDegree: { minLevel: DegreeLevel.BACHELOR, fields: ['Nursing'] } }),
  posting('q13', { minYearsExperience: 5, salaryMax: 100_000 }),
  posting('q14', { minYearsExperience: 4, salaryMax: 90_000 }),
  posting('q15', { minYearsExperience: 4, requiredQualificationCodes: ['FACHE'], salaryMax: 300_000 }),
  posting('q16', { minYearsExperience: 10, salaryMax: 160_000 }),
  posting('q17', { minDegree: { minLevel: DegreeLevel.ASSOCIATE, fields: [] }, salaryMax: 50_000 }),
  posting('q18', { requiredQualificationCodes: ['FACHE'], status: PostingStatus.CLOSED, salaryMax: 500_000 }),
  posting('q19', { requiredQualificationCodes: ['FACHE'], state: null, remote: true, salaryMax: 105_000 }),
  posting('q20', { requiredQualificationCodes: ['NHA'], state: null, salaryMax: 85_000 }),
];

export const ERIN: CandidateDocumentSource = {
  id: 'erin',
  discoverable: true,
  state: 'TX',
  degrees: [{ level: DegreeLevel.BACHELOR, field: 'Business' }],
  qualifications: [
    { code: 'CMM', state: null, expiresOn: '2027-06-30' },
    { code: 'RHIA', state: null, expiresOn: '2025-12-31' },
  ],
  // 1,096 days: 3.0007 years.
  experience: [{ startDate: '2020-01-01', endDate: '2022-12-31' }],
  skills: [],
};

/** T1: in TX, master's in health administration, 3 years, NHA (in TX) and CMM. T2: no state, a bachelor's, FACHE. */
export const SUPPLY_POSTINGS: PostingDocumentSource[] = [
  posting('t1', { minDegree: master(['Health Administration']), minYearsExperience: 3, requiredQualificationCodes: ['NHA', 'CMM'] }),
  posting('t2', { state: null, minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] }, requiredQualificationCodes: ['FACHE'] }),
];

const FIVE_YEARS = [{ startDate: '2020-01-01', endDate: '2024-12-31' }];
const NHA_TX = { code: 'NHA', state: 'TX', expiresOn: null };
const CMM = { code: 'CMM', state: null, expiresOn: '2027-01-01' };
const HA_MASTER = { level: DegreeLevel.MASTER, field: 'Health Administration' };

function person(id: string, over: Partial<CandidateDocumentSource>): CandidateDocumentSource {
  return { id, discoverable: true, state: 'TX', degrees: [HA_MASTER], qualifications: [NHA_TX, CMM], experience: FIVE_YEARS, skills: [], ...over };
}

/** What each one lacks for T1 is in its comment; only c1 and c8 hold FACHE (T2). */
export const SUPPLY_CANDIDATES: CandidateDocumentSource[] = [
  person('c1', { qualifications: [NHA_TX, CMM, { code: 'FACHE', state: null, expiresOn: null }] }), // eligible
  person('c2', { degrees: [{ level: DegreeLevel.MASTER, field: 'Business' }] }), // field
  person('c3', { degrees: [{ level: DegreeLevel.BACHELOR, field: 'health administration' }] }), // one level
  person('c4', { experience: [{ startDate: '2024-01-01', endDate: '2024-12-31' }] }), // experience
  person('c5', { qualifications: [{ code: 'NHA', state: 'CA', expiresOn: null }, CMM] }), // NHA in the wrong state
  person('c6', { qualifications: [CMM] }), // no NHA
  person('c7', { qualifications: [NHA_TX, { code: 'CMM', state: null, expiresOn: '2026-02-28' }] }), // CMM expired
  person('c8', { degrees: [], qualifications: [NHA_TX, CMM, { code: 'FACHE', state: null, expiresOn: null }] }), // no degree
  person('c9', { degrees: [{ level: DegreeLevel.MASTER, field: 'Business' }], experience: [{ startDate: '2025-01-01', endDate: null }] }), // two
  person('c10', { discoverable: false, qualifications: [{ code: 'NHA', state: 'CA', expiresOn: null }, CMM] }), // never counted
  person('c11', { experience: [{ startDate: '2020-01-01', endDate: null }] }), // eligible, open position
];

/** The indexed postings: STEP_POSTINGS only (SUPPLY_POSTINGS are asked about, not indexed). */
export function careerPostingDocs(): PostingSearchDocument[] {
  return STEP_POSTINGS.map((p) => buildPostingDocument(p, CATALOG));
}

export function careerCandidateDocs(): CandidateSearchDocument[] {
  return [ERIN, ...SUPPLY_CANDIDATES].map((c) => buildCandidateDocument(c, TODAY));
}
