// The matching module's view of a stored candidate (plain data, no mongoose types).
import type { CandidateProfile } from '../matching/matching.types.js';
import type { CandidateRecord } from './candidate.model.js';

export function candidateProfile(c: CandidateRecord): CandidateProfile {
  return {
    id: c._id.toHexString(),
    degrees: c.degrees.map((d) => ({ level: d.level, field: d.field })),
    qualifications: c.qualifications.map((q) => ({ code: q.code, expiresOn: q.expiresOn, state: q.state })),
    experience: c.experience.map((e) => ({ startDate: e.startDate, endDate: e.endDate, setting: e.setting })),
    skills: c.skills,
  };
}
