// Turns MongoDB records into search documents. The only place that knows both shapes.
import type { Types } from 'mongoose';
import type { CandidateRecord } from '../../candidates/candidate.model.js';
import type { EmployerRecord } from '../../employers/employer.model.js';
import type { PostingRecord } from '../../postings/posting.model.js';
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from '../../matching/matching.types.js';
import { buildCandidateDocument } from '../candidate-document.js';
import { buildPostingDocument } from '../posting-document.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';
import { recordLocation } from '../../geo/geo-input.js';

export function postingProfile(p: PostingRecord): PostingProfile {
  return {
    id: p._id.toHexString(),
    minDegree: p.minDegree ? { minLevel: p.minDegree.minLevel, fields: p.minDegree.fields } : null,
    minYearsExperience: p.minYearsExperience,
    requiredQualificationCodes: p.requiredQualificationCodes,
    preferredQualificationCodes: p.preferredQualificationCodes,
    skills: p.skills,
    state: p.state,
    setting: p.setting,
    postedAt: p.postedAt,
  };
}

export function candidateProfile(c: CandidateRecord): CandidateProfile {
  return {
    id: c._id.toHexString(),
    degrees: c.degrees.map((d) => ({ level: d.level, field: d.field })),
    qualifications: c.qualifications.map((q) => ({ code: q.code, expiresOn: q.expiresOn, state: q.state })),
    experience: c.experience.map((e) => ({ startDate: e.startDate, endDate: e.endDate, setting: e.setting })),
    skills: c.skills,
  };
}

export function postingDocument(
  p: PostingRecord,
  employerName: (id: Types.ObjectId) => string,
  catalog: ReadonlyMap<string, CatalogQualification>,
): PostingSearchDocument {
  return buildPostingDocument(
    {
      ...postingProfile(p),
      title: p.title,
      description: p.description,
      employerId: p.employerId.toHexString(),
      employerName: employerName(p.employerId),
      employmentType: p.employmentType,
      city: p.city,
      remote: p.remote,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      status: p.status,
      ...recordLocation(p),
    },
    catalog,
  );
}

export function candidateDocument(c: CandidateRecord, today: IsoDate): CandidateSearchDocument {
  return buildCandidateDocument(
    {
      ...candidateProfile(c),
      discoverable: c.discoverable,
      state: c.state,
      headline: c.headline,
      summary: c.summary,
      experienceTitles: c.experience.map((e) => e.title),
      ...recordLocation(c),
    },
    today,
  );
}

export function employerNames(employers: Iterable<EmployerRecord | undefined>): (id: Types.ObjectId) => string {
  const names = new Map<string, string>();
  for (const e of employers) if (e) names.set(e._id.toHexString(), e.name);
  return (id) => names.get(id.toHexString()) ?? '';
}
