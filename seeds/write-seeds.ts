// Regenerate the committed demo data (seeds/catalog.json, employers.json, postings.json,
// candidates.json) with:
//
//   npx tsx seeds/write-seeds.ts                      # from seeds/source/domain-catalog.json
//   npx tsx seeds/write-seeds.ts path/to/catalog.json # first refresh that copy from the domain file
//
// (or `npm run seeds:generate`). Output is deterministic: fixed seeds and a fixed reference
// date (seeds/seed-data.ts, seeds/dates.ts), so re-running without changes rewrites the same
// bytes, and tests/seeds fails if the committed files drift from the generator.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeedData, DOMAIN_CATALOG_FILE, SEED_FILES, toJsonText, type SeedData } from './seed-data.js';

// Also works from the compiled copy in dist/seeds: always write into the source tree.
const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = here.includes(`${join('dist', 'seeds')}`) ? resolve(here, '..', '..', 'seeds') : here;

function main(): void {
  const domainCopy = join(seedsDir, DOMAIN_CATALOG_FILE);
  const source = process.argv[2];
  if (source) copyFileSync(resolve(source), domainCopy);
  const data = buildSeedData(JSON.parse(readFileSync(domainCopy, 'utf8')));
  for (const part of Object.keys(SEED_FILES) as (keyof SeedData)[]) {
    const file = join(seedsDir, SEED_FILES[part]);
    writeFileSync(file, toJsonText(data[part]));
    console.log(`wrote ${data[part].length} ${part} to ${file}`);
  }
}

main();
