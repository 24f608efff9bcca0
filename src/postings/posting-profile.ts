// The matching module's view of a stored posting (plain data, no mongoose types).
import type { PostingProfile } from '../matching/matching.types.js';
import type { PostingRecord } from './posting.model.js';

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
