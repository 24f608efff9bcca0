import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedCandidate, SeedEmployer, SeedPosting, SeedQualification } from '../../seeds/seed-types.js';

export interface SeedData {
  catalog: SeedQualification[];
  employers: SeedEmployer[];
  postings: SeedPosting[];
  candidates: SeedCandidate[];
}

/** The repository's seeds/ folder, found from this file whether run from src/ or dist/. */
export function seedsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'seeds', 'catalog.json');
    if (existsSync(candidate)) return path.dirname(candidate);
    dir = path.dirname(dir);
  }
  throw new Error('seeds/catalog.json not found above ' + fileURLToPath(import.meta.url));
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(seedsDir(), file), 'utf8')) as T;
}

export function readSeedFiles(): SeedData {
  return {
    catalog: readJson<SeedQualification[]>('catalog.json'),
    employers: readJson<SeedEmployer[]>('employers.json'),
    postings: readJson<SeedPosting[]>('postings.json'),
    candidates: readJson<SeedCandidate[]>('candidates.json'),
  };
}
