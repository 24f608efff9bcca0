// The reference the engine is measured against: exact scoring of every open posting for a
// candidate, in process, with no engine and no HTTP. Used for the "floor" timing and recall.
import { matchCandidateToPosting } from '../src/matching/match.js';
import { compareCandidateMatches, compareJobMatches } from '../src/matching/ordering.js';
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from '../src/matching/matching.types.js';

export interface ExactTop {
  ids: string[];
  eligibleCount: number;
}

export function exactTopPostings(
  candidate: CandidateProfile,
  postings: readonly PostingProfile[],
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
  k = 20,
): ExactTop {
  const eligible: { id: string; score: number; postedAt: Date }[] = [];
  for (const p of postings) {
    const r = matchCandidateToPosting(candidate, p, catalog, today);
    if (r.eligible) eligible.push({ id: p.id, score: r.score, postedAt: p.postedAt });
  }
  eligible.sort(compareJobMatches);
  return { ids: eligible.slice(0, k).map((e) => e.id), eligibleCount: eligible.length };
}

/** The same reference from the posting's side: every discoverable candidate, scored exactly. */
export function exactTopCandidates(
  posting: PostingProfile,
  candidates: readonly CandidateProfile[],
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
  k = 20,
): ExactTop {
  const eligible: { id: string; score: number }[] = [];
  for (const c of candidates) {
    const r = matchCandidateToPosting(c, posting, catalog, today);
    if (r.eligible) eligible.push({ id: c.id, score: r.score });
  }
  eligible.sort(compareCandidateMatches);
  return { ids: eligible.slice(0, k).map((e) => e.id), eligibleCount: eligible.length };
}
