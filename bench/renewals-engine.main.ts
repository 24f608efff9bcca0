// What renewalsDue's matchesAtRisk and matchesForCandidate(asOf) cost in the embedded engine
// alone (no MongoDB, no HTTP): one count of eligible postings requiring a code per due
// qualification, next to the ranking of matchesForCandidate(first: 20) on today and on an asOf.
//   npx tsx bench/renewals-engine.main.ts [postings=100000] [samples=200]
import { generateCandidates, generateEmployers, generatePostings, REFERENCE_DATE, transformCatalog } from '../seeds/generator.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureEngine, candidateProfileOf } from './engine-only.js';
import { summarize } from './stats.js';
import { addMonths, renewalRuleFor, renewalStatus } from '../src/matching/renewal.js';

const postingsCount = Number(process.argv[2] ?? 100_000);
const samples = Number(process.argv[3] ?? 200);
const catalogSeeds = transformCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'seeds', 'source', 'domain-catalog.json'), 'utf8')));
const catalog = new Map(catalogSeeds.map((q) => [q.code, q] as const));
const employers = generateEmployers(500, 1);
const postings = generatePostings(postingsCount, employers, catalogSeeds, 2);
const candidates = generateCandidates(samples, catalogSeeds, 3);
const today = REFERENCE_DATE;

const { engine, indexMs } = await measureEngine({ employers, postings, candidates }, catalog, today, [], []);
console.log(`indexed ${postings.length} postings + ${candidates.length} candidates in ${(indexMs / 1000).toFixed(1)} s`);

const rank: number[] = [];
const rankAsOf: number[] = [];
const renewals: number[] = [];
let counted = 0;
const asOf = addMonths(today, 6);
for (const c of candidates) {
  const profile = candidateProfileOf(c);
  let t = performance.now();
  await engine.rankPostingsForCandidate({ candidate: profile, includeIneligible: false, catalog, today, offset: 0, limit: 20 });
  rank.push(performance.now() - t);
  t = performance.now();
  await engine.rankPostingsForCandidate({ candidate: profile, includeIneligible: false, catalog, today: asOf, offset: 0, limit: 20 });
  rankAsOf.push(performance.now() - t);
  // renewalsDue(withinDays: 180): one count per distinct due code, as the service runs them.
  const due = new Set(
    c.qualifications
      .filter((q) => {
        const r = renewalStatus({ ...q, continuingEducation: [] }, renewalRuleFor(catalog.get(q.code), q.state), today);
        return r.dueOn !== null && r.dueOn <= addMonths(today, 6);
      })
      .map((q) => q.code),
  );
  if (due.size === 0) continue;
  t = performance.now();
  await Promise.all(
    [...due].map((code) => engine.rankPostingsForCandidate({ candidate: profile, filter: { requiredCode: code }, includeIneligible: false, catalog, today, offset: 0, limit: 1 })),
  );
  renewals.push(performance.now() - t);
  counted += due.size;
}
const fmt = (name: string, s: ReturnType<typeof summarize>) => console.log(`${name.padEnd(48)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  (n=${s.n})`);
fmt('matchesForCandidate ranking (first 20), today', summarize(rank));
fmt(`matchesForCandidate ranking (first 20), asOf ${asOf}`, summarize(rankAsOf));
fmt(`renewalsDue counts, candidates with a due code (${(counted / Math.max(1, renewals.length)).toFixed(2)} codes each)`, summarize(renewals));
await engine.close();
