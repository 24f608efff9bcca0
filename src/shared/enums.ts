// Plain TypeScript enums shared by every layer. GraphQL registers them in
// src/shared/graphql/enums.graphql.ts; the pure matching code uses them without GraphQL.

export enum DegreeLevel {
  HIGH_SCHOOL = 'HIGH_SCHOOL',
  ASSOCIATE = 'ASSOCIATE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
}

/** Ascending order of degree levels: index = rank. */
export const DEGREE_LEVEL_ORDER: readonly DegreeLevel[] = [
  DegreeLevel.HIGH_SCHOOL,
  DegreeLevel.ASSOCIATE,
  DegreeLevel.BACHELOR,
  DegreeLevel.MASTER,
  DegreeLevel.DOCTORATE,
];

export function degreeRank(level: DegreeLevel): number {
  return DEGREE_LEVEL_ORDER.indexOf(level);
}

export enum QualificationKind {
  CERTIFICATION = 'CERTIFICATION',
  LICENSE = 'LICENSE',
}

export enum CareSetting {
  HOSPITAL = 'HOSPITAL',
  PHYSICIAN_OFFICE = 'PHYSICIAN_OFFICE',
  GROUP_PRACTICE = 'GROUP_PRACTICE',
  OUTPATIENT_CENTER = 'OUTPATIENT_CENTER',
  NURSING_HOME = 'NURSING_HOME',
  RESIDENTIAL_CARE = 'RESIDENTIAL_CARE',
  HOME_HEALTH = 'HOME_HEALTH',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  INSURANCE_CARRIER = 'INSURANCE_CARRIER',
  HEALTH_MAINTENANCE_ORGANIZATION = 'HEALTH_MAINTENANCE_ORGANIZATION',
  ARMED_FORCES = 'ARMED_FORCES',
  PHARMACEUTICAL = 'PHARMACEUTICAL',
  CONSULTING = 'CONSULTING',
  OTHER = 'OTHER',
}

export enum EmploymentType {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  CONTRACT = 'CONTRACT',
  TEMPORARY = 'TEMPORARY',
  JOB_SHARE = 'JOB_SHARE',
}

export enum PostingStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** searchPostings order (contract-next PostingSort). */
export enum PostingSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  SALARY = 'SALARY',
  DISTANCE = 'DISTANCE',
}

export enum RequirementKind {
  DEGREE = 'DEGREE',
  EXPERIENCE = 'EXPERIENCE',
  QUALIFICATION = 'QUALIFICATION',
}

/** The 50 states, DC and the inhabited territories: the two-letter codes the API accepts. */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ',
  'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT',
  'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP',
]);
