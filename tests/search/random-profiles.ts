// Seeded random profiles for property tests: deliberately messy (case, whitespace, duplicate
// codes, expired and wrong-state licences, overlapping/open/future experience).
import { CareSetting, DEGREE_LEVEL_ORDER, EmploymentType, PostingStatus } from '../../src/shared/enums.js';
import type { CatalogQualification, IsoDate } from '../../src/matching/matching.types.js';
import { epochDayToIso, isoToEpochDay } from '../../src/matching/dates.js';
import type { CandidateDocumentSource } from '../../src/search/documents/candidate-document.js';
import type { PostingDocumentSource } from '../../src/search/documents/posting-document.js';

export const CATALOG: ReadonlyMap<string, CatalogQualification> = new Map(
  [
    { code: 'CMM', stateSpecific: false },
    { code: 'FACHE', stateSpecific: false },
    { code: 'RHIA', stateSpecific: false },
    { code: 'CPAM', stateSpecific: false },
    { code: 'NHA', stateSpecific: true },
    { code: 'RN', stateSpecific: true },
  ].map((q) => [q.code, q]),
);

/** mulberry32: tiny deterministic PRNG so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['Health Administration', ' nursing', 'Business', 'PUBLIC HEALTH'];
const SKILLS = ['Budgeting', 'billing ', 'EHR', 'coding', 'Staffing', 'HIPAA', 'scheduling', 'Revenue Cycle'];
const STATES = ['TX', 'CA', 'NY'];
const CODES = [...CATALOG.keys()];
const SETTINGS = Object.values(CareSetting).slice(0, 4);

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function some<T>(r: () => number, xs: readonly T[], max: number): T[] {
  const n = Math.floor(r() * (max + 1));
  return Array.from({ length: n }, () => pick(r, xs));
}

function day(base: IsoDate, r: () => number, spreadDays: number): IsoDate {
  return epochDayToIso(isoToEpochDay(base) + Math.floor((r() - 0.5) * 2 * spreadDays));
}

export function randomCandidate(r: () => number, id: string, today: IsoDate): CandidateDocumentSource {
  const experience = some(r, [0], 3).map(() => {
    const start = day(today, r, 4000);
    const open = r() < 0.4;
    const end = open ? null : epochDayToIso(isoToEpochDay(start) + Math.floor(r() * 3000));
    return { startDate: start, endDate: end, setting: r() < 0.7 ? pick(r, SETTINGS) : null };
  });
  return {
    id,
    discoverable: true,
    state: pick(r, STATES),
    degrees: some(r, [0], 2).map(() => ({ level: pick(r, DEGREE_LEVEL_ORDER), field: pick(r, FIELDS) })),
    qualifications: some(r, [0], 3).map(() => ({
      code: pick(r, CODES).toLowerCase(),
      expiresOn: r() < 0.3 ? null : day(today, r, 500),
      state: r() < 0.7 ? pick(r, STATES) : null,
    })),
    experience,
    skills: some(r, SKILLS, 5),
  };
}

export function randomPosting(r: () => number, id: string, today: IsoDate): PostingDocumentSource {
  return {
    id,
    title: 'Practice Manager',
    description: 'Runs the office',
    employerId: pick(r, ['e1', 'e2']),
    employerName: 'Clinic',
    setting: pick(r, SETTINGS),
    employmentType: pick(r, Object.values(EmploymentType)),
    city: null,
    state: r() < 0.8 ? pick(r, STATES) : null,
    remote: r() < 0.3,
    salaryMin: null,
    salaryMax: r() < 0.5 ? 50_000 + Math.floor(r() * 100_000) : null,
    status: PostingStatus.OPEN,
    // Few distinct dates on purpose: ties on score and postedAt must fall back to id.
    postedAt: new Date(`${day(today, r, 3)}T00:00:00.000Z`),
    minDegree: r() < 0.3 ? null : { minLevel: pick(r, DEGREE_LEVEL_ORDER), fields: some(r, FIELDS, 2) },
    minYearsExperience: pick(r, [0, 0, 1, 2.5, 3, 5, 8]),
    requiredQualificationCodes: some(r, CODES, 2),
    preferredQualificationCodes: some(r, CODES, 2),
    skills: some(r, SKILLS, 5),
  };
}
