// The committed demo data set: which counts and seeds produce seeds/*.json. Pure, so the
// drift test can rebuild it in memory and compare with the files.
import { transformCatalog } from './catalog-transform.js';
import { generateCandidates } from './candidate-generator.js';
import { generateEmployers } from './employer-generator.js';
import { generatePostings } from './posting-generator.js';
import { placeReadmeScenarios } from './readme-scenarios.js';
import type { SeedCandidate, SeedEmployer, SeedPosting, SeedQualification } from './seed-types.js';

export const DEMO_COUNTS = { employers: 25, postings: 300, candidates: 300 } as const;
export const DEMO_SEEDS = { employers: 20261101, postings: 20261102, candidates: 20261103 } as const;

export interface SeedData {
  catalog: SeedQualification[];
  employers: SeedEmployer[];
  postings: SeedPosting[];
  candidates: SeedCandidate[];
}

/** File name in seeds/ for each part of the data set. */
export const SEED_FILES: Readonly<Record<keyof SeedData, string>> = {
  catalog: 'catalog.json',
  employers: 'employers.json',
  postings: 'postings.json',
  candidates: 'candidates.json',
};

/** Relative to seeds/: a verbatim copy of the domain team's credential catalog. */
export const DOMAIN_CATALOG_FILE = 'source/domain-catalog.json';

export function buildSeedData(domainCatalog: unknown): SeedData {
  const catalog = transformCatalog(domainCatalog);
  const employers = generateEmployers(DEMO_COUNTS.employers, DEMO_SEEDS.employers);
  return {
    catalog,
    employers,
    postings: generatePostings(DEMO_COUNTS.postings, employers, catalog, DEMO_SEEDS.postings),
    candidates: placeReadmeScenarios(generateCandidates(DEMO_COUNTS.candidates, catalog, DEMO_SEEDS.candidates)),
  };
}

/** One stable text form (2-space JSON, trailing newline) for writing and for comparing. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
