// Shapes of the seed data. They mirror the GraphQL inputs (QualificationInput,
// EmployerInput, JobPostingInput, CandidateInput) so a loader can pass them through,
// except that postings point at employers by a stable `employerKey` (ids only exist
// once the database has them) and carry `externalRef`, `status` and `postedAt`,
// which the public input cannot set but demo data needs.
import type {
  CareSetting,
  DegreeLevel,
  EmploymentType,
  PostingStatus,
  QualificationKind,
} from '../src/shared/enums.js';

export interface SeedQualification {
  code: string;
  name: string;
  kind: QualificationKind;
  issuer: string | null;
  stateSpecific: boolean;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
  /** State-granted licences whose boards set their own cycle (seeds/state-renewals.ts). */
  renewalByState: SeedStateRenewal[];
  /** Where renewalMonths and continuingEducationHours come from (or that they were not found). */
  renewalSource: string;
}

export interface SeedStateRenewal {
  /** Two-letter code of the granting state. */
  state: string;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
  /** Where the figures come from (board, URL, and how they were read). */
  source: string;
}

export interface SeedEmployer {
  /** Stable, unique slug; postings refer to their employer by it. */
  key: string;
  name: string;
  setting: CareSetting;
  city: string;
  state: string;
}

export interface SeedDegreeRequirement {
  minLevel: DegreeLevel;
  fields: string[];
}

export interface SeedPosting {
  /** Stable, unique; lets a loader upsert instead of duplicating on re-runs. */
  externalRef: string;
  employerKey: string;
  title: string;
  description: string;
  setting: CareSetting;
  employmentType: EmploymentType;
  city: string | null;
  state: string | null;
  /** One of the city's ZIP codes (seeds/locations.ts). */
  zip: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  minDegree: SeedDegreeRequirement | null;
  minYearsExperience: number;
  requiredQualificationCodes: string[];
  preferredQualificationCodes: string[];
  skills: string[];
  status: PostingStatus;
  /** ISO datetime, e.g. "2026-09-14T08:30:00.000Z". */
  postedAt: string;
}

export interface SeedDegree {
  level: DegreeLevel;
  field: string;
  institution: string | null;
  year: number | null;
}

export interface SeedHeldQualification {
  code: string;
  /** LocalDate "YYYY-MM-DD". */
  earnedOn: string | null;
  expiresOn: string | null;
  /** The granting state for state-specific licences; null otherwise. */
  state: string | null;
}

export interface SeedExperience {
  title: string;
  setting: CareSetting | null;
  startDate: string;
  /** null: current position. */
  endDate: string | null;
}

export interface SeedCandidate {
  name: string;
  email: string;
  headline: string | null;
  summary: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  degrees: SeedDegree[];
  qualifications: SeedHeldQualification[];
  experience: SeedExperience[];
  skills: string[];
  discoverable: boolean;
}
