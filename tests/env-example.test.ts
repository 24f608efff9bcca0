// .env.example documents every variable src/config.ts reads, and nothing it does not (apart
// from compose's own API_BIND and API_PORT), so operators can rely on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.js';

const text = readFileSync(path.resolve(import.meta.dirname, '..', '.env.example'), 'utf8');
const listed = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
const COMPOSE_ONLY = ['API_BIND', 'API_PORT'];

describe('.env.example', () => {
  it('lists every configuration variable once, each with a comment above it', () => {
    expect([...listed].sort()).toEqual([...CONFIG_VARIABLES, ...COMPOSE_ONLY].sort());
    for (const name of listed) {
      const before = text.slice(0, text.indexOf(`\n${name}=`)).trimEnd().split('\n').pop() ?? '';
      expect(before.startsWith('#') || /^[A-Z_]+=/.test(before), name).toBe(true);
    }
  });

  it('its values are valid as they stand', () => {
    const env = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
