// Where the tests find the seed inputs and outputs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_CATALOG_FILE } from '../../seeds/seed-data.js';

export const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** The domain team's original, present on the build machines only; the repo keeps a copy. */
export const SHARED_DOMAIN_CATALOG = '/work/shared/domain/catalog.json';
export const hasSharedDomainCatalog = existsSync(SHARED_DOMAIN_CATALOG);

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function readDomainCatalog(): unknown {
  return readJson(join(SEEDS_DIR, DOMAIN_CATALOG_FILE));
}
