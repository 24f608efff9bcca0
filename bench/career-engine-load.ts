// Career steps and candidate counts at the engine (no HTTP), next to
// rankPostingsForCandidate(limit 20) on the same engine and samples: the Meilisearch bench
// prints it (bench/meili-bench.ts), where the engine call is what differs from the embedded path.
import type { CatalogQualification, IsoDate } from '../src/matching/matching.types.js';
import { postingRequirementSet, relaxationsOf } from '../src/matching/talent-supply.js';
import { requirementFilter } from '../src/search/documents/requirement-filter.js';
import type { SearchEngine } from '../src/search/search-engine.js';
import type { SeedCandidate, SeedPosting } from '../seeds/generator.js';
import { candidateProfileOf, postingProfileOf } from './engine-only.js';
import { formatLatency, summarize } from './stats.js';

export async function measureCareerEngine(
  engine: SearchEngine,
  label: string,
  samples: { candidates: readonly SeedCandidate[]; postings: readonly SeedPosting[] },
  catalog: ReadonlyMap<string, CatalogQualification>,
  today: IsoDate,
  log: (line: string) => void,
): Promise<void> {
  const rounds = Math.min(samples.candidates.length, samples.postings.length);
  const calls: [string, (i: number) => Promise<unknown>][] = [
    ['rankPostingsForCandidate(limit 20)', (i) => engine.rankPostingsForCandidate({ candidate: candidateProfileOf(samples.candidates[i]), includeIneligible: false, catalog, today, offset: 0, limit: 20 })],
    ['careerSteps (nextSteps)', (i) => engine.careerSteps({ candidate: candidateProfileOf(samples.candidates[i]), filter: null, catalog, today })],
    [
      'countCandidates (talentSupply)',
      (i) => {
        const req = postingRequirementSet(postingProfileOf(samples.postings[i]), catalog);
        return engine.countCandidates({ filters: [req, ...relaxationsOf(req).map((r) => r.requirements)].map(requirementFilter), today });
      },
    ],
  ];
  for (const [, call] of calls) for (let i = 0; i < Math.min(5, rounds); i++) await call(i);
  const latencies = calls.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < calls.length; k++) {
      const t0 = performance.now();
      await calls[k][1](i);
      latencies[k].push(performance.now() - t0);
    }
  }
  const results = latencies.map(summarize);
  log(`  ${label}, career and market (engine call, interleaved; target each p95 <= 3x the ranking's):`);
  calls.forEach(([name], k) => log(`${formatLatency(`    ${name}`, results[k])}  p95/ranking ${(results[k].p95 / results[0].p95).toFixed(2)}x`));
}
