// Hand-made fixtures for the search-engine contract. Dates are fixed; TODAY is when the
// candidate documents are built (their experience anchor).
import { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../../src/shared/enums.js';
import type { CatalogQualification } from '../../src/matching/matching.types.js';
import { buildPostingDocument, type PostingDocumentSource } from '../../src/search/documents/posting-document.js';
import { buildCandidateDocument, type CandidateDocumentSource } from '../../src/search/documents/candidate-document.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../../src/search/search-engine.js';
import { locate } from '../../src/geo/us-locations.js';

/** Where the fixtures sit (ZIP centroids from the zipcodes package). */
export const ZIPS = { dallas: '75201', addison: '75001', houston: '77001', austin: '78701', la: '90001', nyc: '10001' } as const;

function at(zip: string): { latitude: number; longitude: number } {
  return locate({ zip })!;
}

export const TODAY = '2026-03-01';

export const CATALOG: ReadonlyMap<string, CatalogQualification> = new Map([
  ['CMM', { code: 'CMM', stateSpecific: false }],
  ['RHIA', { code: 'RHIA', stateSpecific: false }],
  ['FACHE', { code: 'FACHE', stateSpecific: false }],
  ['NHA', { code: 'NHA', stateSpecific: true }],
]);

/** An open full-time TX posting of employer e1 with no requirements, changed by `over`. */
export function posting(id: string, over: Partial<PostingDocumentSource>): PostingDocumentSource {
  return {
    id,
    title: 'Office Lead',
    description: 'Coordinates the front desk.',
    employerId: 'e1',
    employerName: 'Lone Star Clinics',
    setting: CareSetting.PHYSICIAN_OFFICE,
    employmentType: EmploymentType.FULL_TIME,
    city: null,
    state: 'TX',
    remote: false,
    salaryMin: null,
    salaryMax: null,
    status: PostingStatus.OPEN,
    postedAt: new Date('2026-02-01T09:00:00.000Z'),
    minDegree: null,
    minYearsExperience: 0,
    requiredQualificationCodes: [],
    preferredQualificationCodes: [],
    skills: [],
    ...over,
  };
}

export const POSTING_SOURCES: PostingDocumentSource[] = [
  posting('p1', { title: 'Practice Manager', salaryMax: 90_000, skills: ['Billing', 'Scheduling'], ...at(ZIPS.dallas) }),
  posting('p2', {
    title: 'Nursing Home Administrator',
    description: 'Licensed administrator for a skilled facility.',
    employerId: 'e2',
    employerName: 'Golden Years',
    setting: CareSetting.NURSING_HOME,
    salaryMin: 100_000,
    minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
    minYearsExperience: 2,
    requiredQualificationCodes: ['NHA'],
    postedAt: new Date('2026-02-10T09:00:00.000Z'),
    ...at(ZIPS.addison),
  }),
  posting('p3', {
    title: 'Health Information Manager',
    description: 'Owns records and coding quality.',
    employerId: 'e2',
    setting: CareSetting.HOSPITAL,
    employmentType: EmploymentType.PART_TIME,
    state: 'CA',
    remote: true,
    salaryMin: 80_000,
    salaryMax: 120_000,
    minDegree: { minLevel: DegreeLevel.MASTER, fields: ['Health Administration'] },
    requiredQualificationCodes: ['RHIA'],
    postedAt: new Date('2026-02-05T09:00:00.000Z'),
    // Remote: located, but never within any `near`.
    ...at(ZIPS.dallas),
  }),
  posting('p4', {
    title: 'Clinic Director',
    description: 'Leads three outpatient sites.',
    setting: CareSetting.OUTPATIENT_CENTER,
    employmentType: EmploymentType.CONTRACT,
    state: 'NY',
    minYearsExperience: 5,
    requiredQualificationCodes: ['CMM'],
    preferredQualificationCodes: ['FACHE'],
    postedAt: new Date('2026-01-20T09:00:00.000Z'),
    ...at(ZIPS.nyc),
  }),
  posting('p5', { title: 'Practice Manager (filled)', status: PostingStatus.CLOSED, postedAt: new Date('2026-02-20T09:00:00.000Z') }),
  // Same postedAt as p1: ties must break by id.
  posting('p6', { title: 'Billing Office Supervisor', employerId: 'e3', employmentType: EmploymentType.TEMPORARY, state: null, remote: true }),
  posting('p7', { title: 'Office Lead', minYearsExperience: 4, postedAt: new Date('2026-01-10T09:00:00.000Z'), ...at(ZIPS.houston) }),
  posting('p8', { title: 'Regional Administrator', requiredQualificationCodes: ['NHA'], state: null, postedAt: new Date('2026-01-05T09:00:00.000Z') }),
];

export function postingDocs(): PostingSearchDocument[] {
  return POSTING_SOURCES.map((p) => buildPostingDocument(p, CATALOG));
}

function candidate(id: string, over: Partial<CandidateDocumentSource>): CandidateDocumentSource {
  return { id, discoverable: true, state: 'TX', degrees: [], qualifications: [], experience: [], skills: [], ...over };
}

export const ALICE = candidate('alice', {
  headline: 'Practice manager',
  experienceTitles: ['Business office manager'],
  ...at(ZIPS.dallas),
  degrees: [{ level: DegreeLevel.BACHELOR, field: 'Business' }],
  qualifications: [
    { code: 'NHA', state: 'TX', expiresOn: '2027-01-01' },
    { code: 'CMM', state: null, expiresOn: '2025-12-31' },
  ],
  experience: [{ startDate: '2023-06-01', endDate: null, setting: CareSetting.NURSING_HOME }],
  skills: ['billing'],
});

/** Open position since 2024-01-01: 2.2 years on TODAY, 4 years on 2028-01-01. */
export const BOB = candidate('bob', {
  summary: 'Health information and coding quality.',
  experienceTitles: ['Coding supervisor'],
  ...at(ZIPS.austin),
  degrees: [{ level: DegreeLevel.MASTER, field: ' health administration ' }],
  qualifications: [{ code: 'RHIA', state: null, expiresOn: null }],
  experience: [{ startDate: '2024-01-01', endDate: null }],
});

/** NHA licence from California only. */
export const CAROL = candidate('carol', {
  state: 'CA',
  headline: 'Licensed nursing home administrator',
  ...at(ZIPS.la),
  degrees: [{ level: DegreeLevel.DOCTORATE, field: 'Nursing' }],
  qualifications: [{ code: 'NHA', state: 'CA', expiresOn: null }],
  experience: [{ startDate: '2010-01-01', endDate: '2020-01-01' }],
});

/** Would fit everything, but is not discoverable. */
export const DAN = candidate('dan', {
  discoverable: false,
  headline: 'Practice manager and nursing home administrator',
  ...at(ZIPS.dallas),
  degrees: [{ level: DegreeLevel.DOCTORATE, field: 'Health Administration' }],
  qualifications: ['NHA', 'CMM', 'RHIA', 'FACHE'].map((code) => ({ code, state: 'TX', expiresOn: null })),
  experience: [{ startDate: '2000-01-01', endDate: null }],
});

export const CANDIDATE_SOURCES = [ALICE, BOB, CAROL, DAN];

export function candidateDocs(): CandidateSearchDocument[] {
  return CANDIDATE_SOURCES.map((c) => buildCandidateDocument(c, TODAY));
}
