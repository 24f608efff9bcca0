// The embedded engine alone, in this process: no MongoDB, no HTTP, no GraphQL. Separates
// the engine's own cost from the database's (FerretDB on SQLite dominates the API figures).
import { EmbeddedSearchEngine } from '../src/search/embedded/embedded.engine.js';
import { buildPostingDocument } from '../src/search/documents/posting-document.js';
import { buildCandidateDocument } from '../src/search/documents/candidate-document.js';
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from '../src/matching/matching.types.js';
import type { SeedCandidate, SeedEmployer, SeedPosting } from '../seeds/generator.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { summarize, type LatencySummary } from './stats.js';

export interface EngineFigures {
  indexDocsPerSecond: number;
  indexMs: number;
  rankPostings: LatencySummary;
  rankCandidates: LatencySummary;
  engine: EmbeddedSearchEngine;
}

export function postingIdOf(p: SeedPosting): string {
  return seedObjectId('posting', p.externalRef).toHexString();
}

export function candidateIdOf(c: SeedCandidate): string {
  return seedObjectId('candidate', c.email.toLowerCase()).toHexString();
}

export function postingProfileOf(p: SeedPosting): PostingProfile {
  return {
    id: postingIdOf(p),
    minDegree: p.minDegree,
    minYearsExperience: p.minYearsExperience,
    requiredQualificationCodes: p.requiredQualificationCodes,
    preferredQualificationCodes: p.preferredQualificationCodes,
    skills: p.skills,
    state: p.state,
    setting: p.setting,
    postedAt: new Date(p.postedAt),
  };
}

export function candidateProfileOf(c: SeedCandidate): CandidateProfile {
  return { id: candidateIdOf(c), degrees: c.degrees, qualifications: c.qualifications, experience: c.experience, skills: c.skills };
}

export async function measureEngine(
  data: { employers: SeedEmployer[]; postings: SeedPosting[]; candidates: SeedCandidate[] },
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
  sampleCandidates: SeedCandidate[],
  samplePostings: SeedPosting[],
): Promise<EngineFigures> {
  const engine = new EmbeddedSearchEngine();
  const names = new Map(data.employers.map((e) => [e.key, e.name]));
  const t0 = performance.now();
  for (let i = 0; i < data.postings.length; i += 1000) {
    await engine.upsertPostings(
      data.postings.slice(i, i + 1000).map((p) =>
        buildPostingDocument(
          { ...postingProfileOf(p), ...p, id: postingIdOf(p), employerId: seedObjectId('employer', p.employerKey).toHexString(), employerName: names.get(p.employerKey) ?? '', postedAt: new Date(p.postedAt) },
          catalog,
        ),
      ),
    );
  }
  for (let i = 0; i < data.candidates.length; i += 1000) {
    await engine.upsertCandidates(
      data.candidates.slice(i, i + 1000).map((c) => buildCandidateDocument({ ...candidateProfileOf(c), discoverable: c.discoverable, state: c.state }, today)),
    );
  }
  const indexMs = performance.now() - t0;

  const rankPostings: number[] = [];
  for (const c of sampleCandidates) {
    const t = performance.now();
    await engine.rankPostingsForCandidate({ candidate: candidateProfileOf(c), includeIneligible: false, catalog, today, offset: 0, limit: 20 });
    rankPostings.push(performance.now() - t);
  }
  const rankCandidates: number[] = [];
  for (const p of samplePostings) {
    const t = performance.now();
    await engine.rankCandidatesForPosting({ posting: postingProfileOf(p), includeIneligible: false, catalog, today, offset: 0, limit: 20 });
    rankCandidates.push(performance.now() - t);
  }
  return {
    indexDocsPerSecond: Math.round(((data.postings.length + data.candidates.length) / indexMs) * 1000),
    indexMs,
    rankPostings: summarize(rankPostings),
    rankCandidates: summarize(rankCandidates),
    engine,
  };
}
