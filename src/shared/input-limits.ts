// The one table of input size limits (DESIGN §10): every string and list a client can send,
// in every GraphQL input type and argument, has a maximum here. The GraphQL layer checks every
// operation's arguments against it before anything executes (graphql/input-limits.plugin.ts);
// services check their own input with the same table, so other callers (seeding) obey it too.
// README "Limits on input" lists these numbers; a test keeps the table, the schema and the
// README in step. Lengths are JavaScript string lengths (UTF-16 code units).
import { InputProblemsError, type FieldProblem } from './validation.js';

export type InputTypeName =
  | 'CandidateInput'
  | 'CandidateUpdateInput'
  | 'DegreeInput'
  | 'HeldQualificationInput'
  | 'ExperienceInput'
  | 'JobPostingInput'
  | 'JobPostingUpdateInput'
  | 'DegreeRequirementInput'
  | 'EmployerInput'
  | 'QualificationInput'
  | 'IssueApiKeyInput'
  | 'PostingFilter'
  | 'GeoRadiusInput'
  | 'CandidateFilter'
  | 'QualificationHeldInput'
  | 'JobPostingUpsertInput'
  | 'ContinuingEducationInput'
  | 'StateRenewalInput'
  | 'AlertInput';

export interface TextLimit {
  kind: 'text';
  maxLength: number;
}
export interface ListLimit {
  kind: 'list';
  maxItems: number;
  item?: Limit;
  /**
   * Bulk inputs: the GraphQL layer checks only the list's length; the service checks each item
   * against `item` on its own, so one over-long item fails alone and the others are written.
   */
  itemsCheckedAlone?: boolean;
}
export type Limit = TextLimit | ListLimit | { kind: 'input'; type: InputTypeName };

const text = (maxLength: number): TextLimit => ({ kind: 'text', maxLength });
const list = (maxItems: number, item?: Limit): ListLimit => ({ kind: 'list', maxItems, item });
const input = (type: InputTypeName): Limit => ({ kind: 'input', type });

export const LIMITS = {
  name: 200,
  /** Issuing bodies have long names ("American College of Health Care Administrators ..."). */
  issuer: 500,
  email: 254,
  headline: 200,
  summary: 5_000,
  description: 20_000,
  city: 100,
  /** Two letters once trimmed; room for clients that pad it ("tx "), refused by the service. */
  state: 20,
  id: 64,
  cursor: 200,
  searchText: 500,
  code: 40,
  label: 100,
  skill: 100,
  skills: 50,
  degrees: 20,
  degreeFields: 20,
  experience: 100,
  heldQualifications: 100,
  postingQualificationCodes: 50,
  filterValues: 60,
  /** Items of one upsertJobPostings / importJobPostingsJsonLd call. */
  bulkItems: 1_000,
  /** One JSON-LD document, serialised. */
  jsonLdDocument: 50_000,
  /** DESIGN §10: CE entries per held qualification. */
  continuingEducation: 500,
  /** CE entries of one candidate over all its held qualifications (bounds a read's cost). */
  continuingEducationTotal: 1_700,
  /** One per state (and DC and territories) at most. */
  renewalByState: 60,
  webhookUrl: 2_000,
} as const;

const ID = text(LIMITS.id);
const NAME = text(LIMITS.name);
const CITY = text(LIMITS.city);
const STATE = text(LIMITS.state);
const SKILLS = list(LIMITS.skills, text(LIMITS.skill));
const CODES = list(LIMITS.postingQualificationCodes, text(LIMITS.code));

const candidateFields: Record<string, Limit> = {
  name: NAME,
  email: text(LIMITS.email),
  headline: text(LIMITS.headline),
  summary: text(LIMITS.summary),
  city: CITY,
  state: STATE,
  zip: text(LIMITS.code),
  degrees: list(LIMITS.degrees, input('DegreeInput')),
  qualifications: list(LIMITS.heldQualifications, input('HeldQualificationInput')),
  experience: list(LIMITS.experience, input('ExperienceInput')),
  skills: SKILLS,
};

const postingFields: Record<string, Limit> = {
  title: NAME,
  description: text(LIMITS.description),
  city: CITY,
  state: STATE,
  zip: text(LIMITS.code),
  minDegree: input('DegreeRequirementInput'),
  requiredQualificationCodes: CODES,
  preferredQualificationCodes: CODES,
  skills: SKILLS,
};

/** Input object types: field -> limit. Fields that are not strings or lists have no entry. */
export const INPUT_TYPE_LIMITS: Record<InputTypeName, Record<string, Limit>> = {
  CandidateInput: candidateFields,
  CandidateUpdateInput: candidateFields,
  DegreeInput: { field: NAME, institution: NAME },
  HeldQualificationInput: {
    code: text(LIMITS.code),
    state: STATE,
    continuingEducation: list(LIMITS.continuingEducation, input('ContinuingEducationInput')),
  },
  ContinuingEducationInput: { provider: NAME, title: NAME },
  ExperienceInput: { title: NAME },
  JobPostingInput: { ...postingFields, employerId: ID, externalRef: NAME },
  JobPostingUpdateInput: postingFields,
  JobPostingUpsertInput: { ...postingFields, employerId: ID, externalRef: NAME },
  DegreeRequirementInput: { fields: list(LIMITS.degreeFields, NAME) },
  EmployerInput: { name: NAME, city: CITY, state: STATE },
  QualificationInput: {
    code: text(LIMITS.code),
    name: NAME,
    issuer: text(LIMITS.issuer),
    renewalByState: list(LIMITS.renewalByState, input('StateRenewalInput')),
  },
  StateRenewalInput: { state: STATE },
  IssueApiKeyInput: { label: text(LIMITS.label), employerId: ID, candidateId: ID },
  PostingFilter: {
    states: list(LIMITS.filterValues, STATE),
    settings: list(LIMITS.filterValues),
    employmentTypes: list(LIMITS.filterValues),
    employerId: ID,
    near: input('GeoRadiusInput'),
  },
  GeoRadiusInput: { zip: text(LIMITS.code) },
  QualificationHeldInput: { code: text(LIMITS.code), state: STATE },
  AlertInput: {
    candidateId: ID,
    postingId: ID,
    query: text(LIMITS.searchText),
    filter: input('PostingFilter'),
    webhookUrl: text(LIMITS.webhookUrl),
  },
  CandidateFilter: {
    states: list(LIMITS.filterValues, STATE),
    qualifications: list(LIMITS.filterValues, input('QualificationHeldInput')),
    minDegree: input('DegreeRequirementInput'),
    settings: list(LIMITS.filterValues),
    near: input('GeoRadiusInput'),
  },
};

const page = { after: text(LIMITS.cursor) };

/** Arguments of fields ("Type.field") -> argument -> limit; input objects refer to the table above. */
export const ARGUMENT_LIMITS: Record<string, Record<string, Limit>> = {
  'Query.candidate': { id: ID },
  'Query.employer': { id: ID },
  'Query.jobPosting': { id: ID },
  'Query.searchPostings': { ...page, query: text(LIMITS.searchText), filter: input('PostingFilter') },
  'Query.matchesForCandidate': { ...page, candidateId: ID, filter: input('PostingFilter') },
  'Query.renewalsDue': { candidateId: ID },
  'Query.salaryBenchmark': { state: STATE, occupationCode: text(LIMITS.code) },
  'Query.candidatesForPosting': { ...page, postingId: ID },
  'Query.nextSteps': { candidateId: ID, filter: input('PostingFilter') },
  'Query.talentSupply': { postingId: ID },
  'Query.searchCandidates': { ...page, query: text(LIMITS.searchText), filter: input('CandidateFilter') },
  'Query.candidates': page,
  'Query.employers': { ...page, query: text(LIMITS.searchText) },
  'Query.jobPostings': { ...page, employerId: ID },
  'Query.auditLog': { ...page, keyId: ID, operation: NAME, targetId: ID },
  'Mutation.createCandidate': { input: input('CandidateInput') },
  'Mutation.updateCandidate': { id: ID, input: input('CandidateUpdateInput') },
  'Mutation.createJobPosting': { input: input('JobPostingInput') },
  'Mutation.updateJobPosting': { id: ID, input: input('JobPostingUpdateInput') },
  'Mutation.closeJobPosting': { id: ID },
  'Mutation.createEmployer': { input: input('EmployerInput') },
  'Mutation.upsertQualification': { input: input('QualificationInput') },
  'Mutation.issueApiKey': { input: input('IssueApiKeyInput') },
  'Mutation.revokeApiKey': { id: ID },
  'Mutation.upsertJobPostings': { inputs: { ...list(LIMITS.bulkItems, input('JobPostingUpsertInput')), itemsCheckedAlone: true } },
  'Mutation.importJobPostingsJsonLd': { employerId: ID, documents: { ...list(LIMITS.bulkItems), itemsCheckedAlone: true } },
  'Mutation.deleteCandidate': { id: ID },
  'Mutation.deleteJobPosting': { id: ID },
  'Mutation.deleteEmployer': { id: ID },
  'Query.exportCandidateData': { id: ID },
  'Mutation.createAlert': { input: input('AlertInput') },
  'Mutation.deleteAlert': { id: ID },
  'Query.alertDeliveries': { alertId: ID },
  'Subscription.alertEvents': { alertId: ID },
};

/** A string or list with no entry (a field added without one) still gets a bound: fail closed. */
export const FALLBACK_LIMITS: { text: TextLimit; list: ListLimit } = { text: text(LIMITS.name), list: list(LIMITS.experience) };

/** Beyond this many problems the rest are not listed (the response stays small). */
const MAX_PROBLEMS = 20;

/**
 * Checks `value` against `limit` and records a problem per violation at `path`, e.g.
 * "input.experience: at most 100 entries". An over-long list is not looked into: its length
 * alone refuses it, and looking would be the work the limit exists to avoid.
 */
export function collectLimitProblems(value: unknown, limit: Limit, path: string, problems: FieldProblem[]): void {
  if (value === null || value === undefined || problems.length >= MAX_PROBLEMS) return;
  switch (limit.kind) {
    case 'text':
      if (typeof value === 'string' && value.length > limit.maxLength) {
        problems.push({ field: path, problem: `at most ${limit.maxLength} characters (got ${value.length})` });
      }
      return;
    case 'list':
      if (!Array.isArray(value)) return;
      if (value.length > limit.maxItems) {
        problems.push({ field: path, problem: `at most ${limit.maxItems} entries (got ${value.length})` });
        return;
      }
      if (limit.item) value.forEach((v, i) => collectLimitProblems(v, limit.item!, `${path}[${i}]`, problems));
      return;
    case 'input': {
      if (typeof value !== 'object') return;
      const fields = INPUT_TYPE_LIMITS[limit.type];
      for (const [field, fieldLimit] of Object.entries(fields)) {
        collectLimitProblems((value as Record<string, unknown>)[field], fieldLimit, `${path}.${field}`, problems);
      }
      return;
    }
  }
}

/** Throws BAD_USER_INPUT naming every field over its limit; for services, before any other work. */
export function enforceInputLimits(type: InputTypeName, value: unknown, path = 'input'): void {
  const problems: FieldProblem[] = [];
  collectLimitProblems(value, input(type), path, problems);
  if (problems.length > 0) throw new InputProblemsError(problems);
}
