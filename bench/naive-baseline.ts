// The approach without a search engine: ask MongoDB for postings that pass the hard filters it
// can express, then score them all in the application.
import type { Connection } from 'mongoose';
import { createRepositories } from '../src/app.services.js';
import { matchCandidateToPosting } from '../src/matching/match.js';
import { compareJobMatches } from '../src/matching/ordering.js';
import { yearsOfExperience } from '../src/matching/experience.js';
import type { CandidateProfile, CatalogQualification, IsoDate } from '../src/matching/matching.types.js';
import { postingProfile } from '../src/postings/posting-profile.js';
import type { PostingRecord } from '../src/postings/posting.model.js';
import { PostingStatus } from '../src/shared/enums.js';

export async function naiveMatches(
  conn: Connection,
  candidate: CandidateProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): Promise<string[]> {
  const repos = createRepositories(conn);
  const years = yearsOfExperience(candidate.experience, today);
  const rows = await repos.postings.model
    .find({ status: PostingStatus.OPEN, minYearsExperience: { $lte: years } })
    .lean<PostingRecord[]>();
  const scored = rows
    .map((p) => ({ p, r: matchCandidateToPosting(candidate, postingProfile(p), catalog, today) }))
    .filter((x) => x.r.eligible)
    .map((x) => ({ id: x.p._id.toHexString(), score: x.r.score, postedAt: x.p.postedAt }))
    .sort(compareJobMatches);
  return scored.slice(0, 20).map((s) => s.id);
}
