// No Docker engine runs here, so docker-compose.yml is checked as text for what the operator
// relies on: the verified Meilisearch, the API without the master key, the catalog seeding and
// the API published on 127.0.0.1 only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');

/** The lines of one top-level service block. */
function service(name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  expect(start, name).toBeGreaterThan(0);
  const rest = compose.slice(start + 1);
  const end = rest.search(/\n {2}[a-z-]+:\n|\n[a-z]+:\n/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('docker-compose.yml', () => {
  it('pins Meilisearch to the verified v1.50', () => {
    expect(service('meilisearch')).toMatch(/image: getmeili\/meilisearch:v1\.50\n/);
  });

  it('gives the API a scoped Meilisearch key, never the master key', () => {
    const api = service('api');
    expect(api).toContain('MEILI_API_KEY: ${MEILI_API_KEY');
    expect(api).not.toContain('MEILI_MASTER_KEY');
  });

  it('seeds the catalog (never the demo people) by default', () => {
    expect(service('api')).toContain('SEED: ${SEED:-catalog}');
  });

  it('publishes only the API, on 127.0.0.1 unless API_BIND says otherwise', () => {
    expect(service('api')).toContain('"${API_BIND:-127.0.0.1}:${API_PORT:-4000}:4000"');
    expect(service('mongo')).not.toContain('ports:');
    expect(service('meilisearch')).not.toContain('ports:');
  });
});
