// Where the tests find the seed inputs and outputs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_CATALOG_FILE } from '../../seeds/seed-data.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(REPO_ROOT, 'seeds');

/**
 * The domain team's original, in the shared folder next to the checkout (`../shared`) on the
 * build machines only; the repo keeps a copy.
 */
export const SHARED_DOMAIN_CATALOG = join(REPO_ROOT, '..', 'shared', 'domain', 'catalog.json');
export const hasSharedDomainCatalog = existsSync(SHARED_DOMAIN_CATALOG);

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function readDomainCatalog(): unknown {
  return readJson(join(SEEDS_DIR, DOMAIN_CATALOG_FILE));
}
