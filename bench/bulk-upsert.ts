// The bulk path's figure: a 1,000-item upsertJobPostings against a running API, timed from the
// request until every posting is searchable (searchPostings finds all of them), then the same
// call again (all unchanged) and one with a tenth of the items changed. Figures only.
import { generatePostings } from '../seeds/generator.js';
import type { SeedQualification } from '../seeds/generator.js';
import { postGraphQL } from './http-load.js';
import { ms } from './stats.js';

const UPSERT = `mutation($inputs: [JobPostingUpsertInput!]!) { upsertJobPostings(inputs: $inputs) { created updated unchanged failed items { error { message } } } }`;
const COUNT = `query($q: String, $e: ID) { searchPostings(query: $q, filter: { employerId: $e }, first: 1) { totalCount } }`;

export interface BulkFigures {
  items: number;
  /** The run's externalRef prefix (the floor copies these postings). */
  refPrefix: string;
  responseMs: number;
  searchableMs: number;
  perSecond: number;
  repeatMs: number;
  partialResponseMs: number;
  partialSearchableMs: number;
}

async function untilSearchable(url: string, key: string, marker: string, employerId: string, expected: number, t0: number): Promise<number> {
  for (;;) {
    const { body } = await postGraphQL(url, key, COUNT, { q: marker, e: employerId });
    const count = (body.data as { searchPostings: { totalCount: number } }).searchPostings.totalCount;
    if (count >= expected) return performance.now() - t0;
    if (performance.now() - t0 > 300_000) throw new Error(`only ${count} of ${expected} searchable after 5 min`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The run's items: generated with the seed distributions, titles carrying the run's marker. */
export function bulkInputs(employerId: string, catalog: SeedQualification[], items: number, refPrefix: string, marker: string) {
  const generated = generatePostings(items, [{ key: 'bulk', name: 'Bulk Feed Employer', setting: 'HOSPITAL', city: null, state: null } as never], catalog, 7100);
  return generated.map(({ employerKey: _k, postedAt: _p, status: _s, ...p }, i) => ({
    ...p,
    externalRef: `${refPrefix}${i}`,
    employerId,
    title: `${p.title} ${marker}`,
    // Under the 1 MB request limit for 1,000 items.
    description: p.description.slice(0, 300),
  }));
}

export async function measureBulkUpsert(url: string, key: string, employerId: string, catalog: SeedQualification[], items = 1000): Promise<BulkFigures> {
  const run = `${Date.now().toString(36)}`;
  const marker = `feedrun${run}`;
  const refPrefix = `bulk-${run}-`;
  const inputs = bulkInputs(employerId, catalog, items, refPrefix, marker);
  const check = (r: { body: { data?: unknown } }) => {
    const res = (r.body.data as { upsertJobPostings: { failed: number; items: { error: { message: string } | null }[] } }).upsertJobPostings;
    if (res.failed > 0) throw new Error(`bulk upsert: ${res.failed} failed, e.g. ${res.items.find((x) => x.error)?.error?.message}`);
    return res;
  };

  const t0 = performance.now();
  const first = await postGraphQL(url, key, UPSERT, { inputs });
  if (process.env.BENCH_DEBUG) process.stdout.write(`response after ${ms(first.ms)}\n`);
  check(first);
  const searchableMs = await untilSearchable(url, key, marker, employerId, items, t0);

  const repeat = await postGraphQL(url, key, UPSERT, { inputs });
  check(repeat);

  const marker2 = `feedchange${run}`;
  const changed = inputs.map((x, i) => (i % 10 === 0 ? { ...x, title: `${x.title} ${marker2}` } : x));
  const t1 = performance.now();
  const partial = await postGraphQL(url, key, UPSERT, { inputs: changed });
  check(partial);
  const partialSearchableMs = await untilSearchable(url, key, marker2, employerId, Math.ceil(items / 10), t1);

  return {
    items,
    refPrefix,
    responseMs: first.ms,
    searchableMs,
    perSecond: Math.round((items / searchableMs) * 1000),
    repeatMs: repeat.ms,
    partialResponseMs: partial.ms,
    partialSearchableMs,
  };
}

export function formatBulk(f: BulkFigures): string[] {
  return [
    `  ${f.items}-item upsertJobPostings: response ${ms(f.responseMs)}, all searchable after ${ms(f.searchableMs)} = ${f.perSecond} postings/s end to end (target >= 1,000/s)`,
    `  the same call again (all unchanged, nothing written or indexed): ${ms(f.repeatMs)}`,
    `  a tenth of the items changed: response ${ms(f.partialResponseMs)}, searchable after ${ms(f.partialSearchableMs)}`,
  ];
}
