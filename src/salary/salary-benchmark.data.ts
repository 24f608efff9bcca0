// The BLS OEWS wage file shipped in seeds/oews/ (extracted once by seeds/oews/extract-oews.py),
// read and checked once at start-up: a malformed file stops the service with its path named
// rather than answering wrong figures later.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../seeding/seed-files.js';
import type { WagePercentiles } from './salary-percentile.js';

export interface AreaWages extends WagePercentiles {
  /** Two-letter code; null: national. */
  state: string | null;
}

export interface SalaryBenchmarkData {
  occupationCode: string;
  source: string;
  /** By state code; the national figures under the key "". */
  areas: ReadonlyMap<string, AreaWages>;
}

export const OEWS_FILE = path.join('oews', 'oews-11-9111.json');

const PERCENTILE_KEYS = ['p10', 'p25', 'median', 'p75', 'p90'] as const;

function wageOrNull(value: unknown, where: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new Error(`${where}: expected a positive integer or null`);
  return value;
}

export function parseSalaryBenchmarks(raw: unknown, file: string): SalaryBenchmarkData {
  const bad = (what: string) => new Error(`${file}: ${what}`);
  if (typeof raw !== 'object' || raw === null) throw bad('not a JSON object');
  const r = raw as Record<string, unknown>;
  if (typeof r.occupationCode !== 'string' || typeof r.source !== 'string' || !Array.isArray(r.areas)) {
    throw bad('expected occupationCode, source and areas');
  }
  const areas = new Map<string, AreaWages>();
  r.areas.forEach((a: unknown, i: number) => {
    const where = `${file}: areas[${i}]`;
    if (typeof a !== 'object' || a === null) throw new Error(`${where}: not an object`);
    const e = a as Record<string, unknown>;
    const state = e.state === null ? null : typeof e.state === 'string' && /^[A-Z]{2}$/.test(e.state) ? e.state : undefined;
    if (state === undefined) throw new Error(`${where}.state: expected a two-letter code or null`);
    const wages = Object.fromEntries(PERCENTILE_KEYS.map((k) => [k, wageOrNull(e[k] ?? null, `${where}.${k}`)])) as unknown as WagePercentiles;
    areas.set(state ?? '', { state, ...wages });
  });
  return { occupationCode: r.occupationCode, source: r.source, areas };
}

export function readSalaryBenchmarks(file = path.join(seedsDir(), OEWS_FILE)): SalaryBenchmarkData {
  return parseSalaryBenchmarks(JSON.parse(readFileSync(file, 'utf8')), file);
}
