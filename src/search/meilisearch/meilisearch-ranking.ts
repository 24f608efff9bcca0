// Exact scores of documents fetched from Meilisearch: the compact fields the kernel reads
// (POSTING_POOL_FIELDS / CANDIDATE_POOL_FIELDS, all a ranked request retrieves) scored with
// the same kernel as the embedded engine. meilisearch-exact-ranking.ts orders them.
import type { CandidateProfile, IsoDate, PostingProfile, CatalogQualification } from '../../matching/matching.types.js';
import { experienceDays } from '../../matching/experience.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type { RankedHit } from '../search-engine.js';
import { Vocabulary, evaluate, newEvaluation } from '../kernel/match-kernel.js';
import {
  compactCandidateDocument,
  compactCandidateProfile,
  compactPostingDocument,
  compactPostingProfile,
  type CandidateScoringFields,
  type PostingScoringFields,
  type Vocabularies,
} from '../kernel/compact-documents.js';

export type PostingPoolDoc = PostingScoringFields & { id: string; postedAt: number; minYearsExperience: number };
export type CandidatePoolDoc = CandidateScoringFields & { id: string };

export const POSTING_POOL_FIELDS: (keyof PostingPoolDoc)[] = [
  'id', 'postedAt', 'minYearsExperience', 'minDegreeRank', 'setting', 'minDegreeFields',
  'requiredQualificationTokens', 'preferredQualificationTokens', 'skills',
];
export const CANDIDATE_POOL_FIELDS: (keyof CandidatePoolDoc)[] = ['id', 'degrees', 'qualificationExpiry', 'skills', 'experience'];

export interface ScoredHit extends RankedHit {
  postedAt: number;
}

function freshVocab(): Vocabularies {
  return { skills: new Vocabulary(), fields: new Vocabulary(), tokens: new Vocabulary() };
}

export function scorePostings(docs: readonly PostingPoolDoc[], candidate: CandidateProfile, today: IsoDate): ScoredHit[] {
  const vocab = freshVocab();
  // Documents first (they intern), then the probe (it only looks up).
  const packed = docs.map((d) => compactPostingDocument(d, vocab));
  const probe = compactCandidateProfile(candidate, vocab);
  const days = experienceDays(candidate.experience, today);
  const day = isoToEpochDay(today);
  const ev = newEvaluation();
  return docs.map((d, i) => {
    evaluate(probe, days, packed[i], d.minYearsExperience, day, false, ev);
    return { id: d.id, postedAt: d.postedAt, score: ev.score, eligible: ev.eligible, missingCount: ev.missing };
  });
}

export function scoreCandidates(
  docs: readonly CandidatePoolDoc[],
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
): ScoredHit[] {
  const vocab = freshVocab();
  const packed = docs.map((d) => compactCandidateDocument(d, vocab));
  const probe = compactPostingProfile(posting, catalog, vocab);
  const day = isoToEpochDay(today);
  const ev = newEvaluation();
  return docs.map((d, i) => {
    evaluate(packed[i], experienceDays(d.experience, today), probe, posting.minYearsExperience, day, false, ev);
    return { id: d.id, postedAt: 0, score: ev.score, eligible: ev.eligible, missingCount: ev.missing };
  });
}
