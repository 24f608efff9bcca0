// Generates the benchmark's data with the seed generator and bulk-loads it into MongoDB.
import type { Connection } from 'mongoose';
import { generateCandidates, generateEmployers, generatePostings, type SeedCandidate, type SeedPosting, type SeedQualification } from '../seeds/generator.js';
import { createRepositories } from '../src/app.services.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { readSeedFiles } from '../src/seeding/seed-files.js';
import { storedLocation } from '../src/geo/geo-input.js';
import { feedKeyOf } from '../src/postings/posting-input.js';

export interface BenchData {
  catalog: SeedQualification[];
  postings: SeedPosting[];
  candidates: SeedCandidate[];
}

export function generateBenchData(postingCount: number, candidateCount: number, employerCount: number) {
  const catalog = readSeedFiles().catalog;
  const employers = generateEmployers(employerCount, 7001);
  const postings = generatePostings(postingCount, employers, catalog, 7002);
  const candidates = generateCandidates(candidateCount, catalog, 7003);
  return { catalog, employers, postings, candidates };
}

async function insertInBatches(insert: (docs: object[]) => Promise<unknown>, docs: object[], size = 5000): Promise<void> {
  for (let i = 0; i < docs.length; i += size) await insert(docs.slice(i, i + size));
}

/** Writes straight through the models (the data is generated valid), far faster than the API. */
export async function bulkLoad(conn: Connection, data: ReturnType<typeof generateBenchData>): Promise<void> {
  const repos = createRepositories(conn);
  const now = new Date();
  await repos.qualifications.model.insertMany(data.catalog.map(({ renewalSource: _source, ...q }) => ({ ...q, createdAt: now, updatedAt: now })));
  await repos.employers.model.insertMany(
    data.employers.map(({ key, ...e }) => ({ _id: seedObjectId('employer', key), ...e, createdAt: now, updatedAt: now })),
  );
  await insertInBatches(
    (docs) => repos.postings.model.insertMany(docs, { ordered: false, lean: true }),
    data.postings.map(({ employerKey, externalRef, postedAt, ...p }) => ({
      _id: seedObjectId('posting', externalRef),
      employerId: seedObjectId('employer', employerKey),
      externalRef,
      // As the API stores it: without it the first start spends minutes backfilling it
      // (posting.repository.ts, backfillFeedKeys), which the cold-start figure is not about.
      feedKey: feedKeyOf(seedObjectId('employer', employerKey), externalRef),
      ...p,
      ...storedLocation(p),
      postedAt: new Date(postedAt),
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertInBatches(
    (docs) => repos.candidates.model.insertMany(docs, { ordered: false, lean: true }),
    data.candidates.map((c) => ({ _id: seedObjectId('candidate', c.email.toLowerCase()), ...c, ...storedLocation(c), email: c.email.toLowerCase(), createdAt: now, updatedAt: now })),
  );
}
