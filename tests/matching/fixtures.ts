// Builders for matching tests: a valid default with overrides, so each test states only
// what it is about.
import { CareSetting, DegreeLevel, QualificationKind } from '../../src/shared/enums.js';
import type { CandidateProfile, CatalogQualification, PostingProfile } from '../../src/matching/matching.types.js';

export const TODAY = '2026-03-01';

export const CATALOG: ReadonlyMap<string, CatalogQualification> = new Map<string, CatalogQualification>([
  ['CMM', { code: 'CMM', stateSpecific: false, kind: QualificationKind.CERTIFICATION }],
  ['CPC', { code: 'CPC', stateSpecific: false, kind: QualificationKind.CERTIFICATION }],
  ['RHIA', { code: 'RHIA', stateSpecific: false, kind: QualificationKind.CERTIFICATION }],
  ['CPAM', { code: 'CPAM', stateSpecific: false, kind: QualificationKind.CERTIFICATION }],
  ['FACHE', { code: 'FACHE', stateSpecific: false, kind: QualificationKind.CERTIFICATION }],
  ['NHA', { code: 'NHA', stateSpecific: true, kind: QualificationKind.LICENSE }],
]);

export function candidate(over: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    id: 'cand-1',
    degrees: [{ level: DegreeLevel.BACHELOR, field: 'Health Administration' }],
    qualifications: [],
    experience: [{ startDate: '2020-03-01', endDate: null }],
    skills: [],
    ...over,
  };
}

export function posting(over: Partial<PostingProfile> = {}): PostingProfile {
  return {
    id: 'post-1',
    minDegree: null,
    minYearsExperience: 0,
    requiredQualificationCodes: [],
    preferredQualificationCodes: [],
    skills: [],
    state: null,
    setting: CareSetting.HOSPITAL,
    postedAt: new Date('2026-02-01T00:00:00.000Z'),
    ...over,
  };
}

/** A candidate with exactly `years` whole calendar years of experience ending today. */
export function yearsUpToToday(years: number): CandidateProfile['experience'] {
  const y = Number(TODAY.slice(0, 4)) - years;
  return [{ startDate: `${y}${TODAY.slice(4)}`, endDate: null }];
}
