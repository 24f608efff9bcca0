// Ranking on top of Meilisearch: the engine filters to the eligible (and, with
// includeIneligible, the ineligible) documents and pre-ranks them by profile-vector
// similarity; the adapter fetches a pool from each, computes the exact score of every pooled
// document with the same kernel as the embedded engine, and pages through the exact order.
// Exact whenever a tier has no more documents than the pool (default 1,000); beyond that only
// the pool's documents can appear, in exact order among themselves.
import type { CandidateProfile, IsoDate, PostingProfile, CatalogQualification } from '../../matching/matching.types.js';
import { compareCandidateMatches, compareJobMatches } from '../../matching/ordering.js';
import { experienceDays } from '../../matching/experience.js';
import { isoToEpochDay } from '../../matching/dates.js';
import type { RankedHit, RankedPage } from '../search-engine.js';
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

export interface TieredRankRequest<D> {
  eligibleFilter: string;
  /** null unless includeIneligible. */
  ineligibleFilter: string | null;
  offset: number;
  limit: number;
  poolSize: number;
  count: (filter: string) => Promise<number>;
  pool: (filter: string, size: number) => Promise<D[]>;
  score: (docs: D[]) => ScoredHit[];
  order: 'postings' | 'candidates';
}

export async function rankInTiers<D>(req: TieredRankRequest<D>): Promise<RankedPage> {
  const need = req.offset + req.limit;
  const size = Math.max(req.poolSize, need);
  const [eligibleCount, ineligibleCount] = await Promise.all([
    req.count(req.eligibleFilter),
    req.ineligibleFilter === null ? Promise.resolve(0) : req.count(req.ineligibleFilter),
  ]);
  const scored = new Map<string, ScoredHit>();
  if (eligibleCount > 0) for (const h of req.score(await req.pool(req.eligibleFilter, size))) scored.set(h.id, h);
  const eligibleFound = [...scored.values()].filter((h) => h.eligible).length;
  if (req.ineligibleFilter !== null && ineligibleCount > 0 && need > eligibleFound) {
    for (const h of req.score(await req.pool(req.ineligibleFilter, Math.max(req.poolSize, need - eligibleFound)))) {
      if (!scored.has(h.id)) scored.set(h.id, h);
    }
  }
  // A document the filter let through but the exact rules reject (stale experience anchor)
  // belongs with the ineligible ones, or nowhere without includeIneligible.
  const hits = [...scored.values()].filter((h) => h.eligible || req.ineligibleFilter !== null);
  hits.sort(req.order === 'postings' ? compareJobMatches : compareCandidateMatches);
  return {
    hits: hits.slice(req.offset, need).map(({ id, score, eligible, missingCount }) => ({ id, score, eligible, missingCount })),
    total: eligibleCount + ineligibleCount,
  };
}
