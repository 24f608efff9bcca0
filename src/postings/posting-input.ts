// One way from a client's posting input to the stored record, and one set of rules for it:
// createJobPosting and the bulk upsert both build and validate through here, so an item of a
// feed is refused for exactly the reasons (and with exactly the messages) a single create is.
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { EmployerRecord } from '../employers/employer.model.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import { PostingStatus, type CareSetting, type DegreeLevel, type EmploymentType } from '../shared/enums.js';
import { normalizeList, normalizeState } from '../shared/normalize.js';
import { InputChecks, type FieldProblem } from '../shared/validation.js';
import { checkZip, storedLocation } from '../geo/geo-input.js';
import type { PostingData } from './posting.repository.js';
import { checkPostingFields } from './posting.validation.js';

/** The O*NET-SOC code of medical and health services managers: every posting's default. */
export const DEFAULT_OCCUPATION_CODE = '11-9111.00';

export interface DegreeRequirementData {
  minLevel: DegreeLevel;
  fields?: string[] | null;
}

/** What an update may change: every field optional, null clears where the field allows it. */
export interface PostingUpdateData {
  title?: string | null;
  description?: string | null;
  setting?: CareSetting | null;
  employmentType?: EmploymentType | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  remote?: boolean | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  minDegree?: DegreeRequirementData | null;
  minYearsExperience?: number | null;
  requiredQualificationCodes?: string[] | null;
  preferredQualificationCodes?: string[] | null;
  skills?: string[] | null;
}

/** The fields a create (and a feed item) may set; what is absent gets the create defaults. */
export interface PostingInputFields extends Omit<PostingUpdateData, 'title' | 'description'> {
  title: string;
  description: string;
  externalRef?: string | null;
  status?: PostingStatus | null;
  occupationCode?: string | null;
  validThrough?: Date | null;
}

/** The uniqueness key of (employer, externalRef); absent (not null) without a reference. */
export function feedKeyOf(employerId: Types.ObjectId, externalRef: string | null): string | undefined {
  return externalRef ? `${employerId.toHexString()}:${externalRef}` : undefined;
}

/**
 * The `_id` of the posting with this feed key, derived from it (like the seed ids): the bulk
 * upsert finds a stored posting by `_id`, the one look-up FerretDB's SQLite backend serves
 * from an index (by (employer, externalRef) it scans the collection). Postings stored under
 * other ids (random ones from before, seeded ones) are still found through the feedKey index.
 */
export function feedPostingId(feedKey: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha1').update(`feed-posting:${feedKey}`).digest().subarray(0, 12));
}

/** The stored form of an input: trimmed, normalised, with the employer's defaults. */
export function buildPostingData(input: PostingInputFields, employer: EmployerRecord, now: Date, postedAt?: Date | null): PostingData {
  const status = input.status ?? PostingStatus.OPEN;
  const externalRef = input.externalRef?.trim() || null;
  const data: PostingData = {
    employerId: employer._id,
    externalRef,
    title: input.title.trim(),
    description: input.description.trim(),
    setting: input.setting ?? employer.setting,
    employmentType: input.employmentType ?? ('FULL_TIME' as EmploymentType),
    city: input.city?.trim() || null,
    state: normalizeState(input.state) || null,
    zip: input.zip?.trim() || null,
    latitude: null,
    longitude: null,
    remote: input.remote ?? false,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    minDegree: toDegreeRequirement(input.minDegree),
    minYearsExperience: input.minYearsExperience ?? 0,
    requiredQualificationCodes: normalizeList(input.requiredQualificationCodes ?? [], 'upper'),
    preferredQualificationCodes: normalizeList(input.preferredQualificationCodes ?? [], 'upper'),
    skills: normalizeList(input.skills ?? []),
    status,
    postedAt: postedAt ?? now,
    closedAt: status === PostingStatus.CLOSED ? now : null,
    occupationCode: input.occupationCode?.trim() || DEFAULT_OCCUPATION_CODE,
    validThrough: input.validThrough ?? null,
  };
  const feedKey = feedKeyOf(employer._id, externalRef);
  if (feedKey) data.feedKey = feedKey;
  return data;
}

/** Every rule a posting must meet, as problems naming `input.<field>` (empty: valid). */
export async function postingProblems(p: PostingData, qualifications: QualificationService): Promise<FieldProblem[]> {
  const checks = new InputChecks();
  checkPostingFields(
    {
      title: p.title,
      description: p.description,
      state: p.state,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      minYearsExperience: p.minYearsExperience,
      minDegreeFields: p.minDegree?.fields,
      requiredQualificationCodes: p.requiredQualificationCodes,
      preferredQualificationCodes: p.preferredQualificationCodes,
      skills: p.skills,
    },
    checks,
  );
  checkZip(p.zip, 'input.zip', checks);
  await qualifications.checkCodesExist(p.requiredQualificationCodes, 'input.requiredQualificationCodes', checks);
  await qualifications.checkCodesExist(p.preferredQualificationCodes, 'input.preferredQualificationCodes', checks);
  return checks.all();
}

/** Adds the stored coordinates (from zip, else city+state) to a valid posting. */
export function withLocation<T extends Pick<PostingData, 'zip' | 'city' | 'state'>>(p: T): T {
  return Object.assign(p, storedLocation(p));
}

export function toDegreeRequirement(d: DegreeRequirementData | null | undefined): PostingData['minDegree'] {
  if (!d) return null;
  return { minLevel: d.minLevel, fields: normalizeList(d.fields ?? []) };
}
