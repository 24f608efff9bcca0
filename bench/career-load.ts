// Career and market latencies over HTTP (issue "Career and market intelligence"): nextSteps
// and talentSupply next to matchesForCandidate(first: 20) measured in the same run, with the
// ratio of p95s (target: each <= 3x matchesForCandidate's). Figures only: nothing here asserts.
import { postGraphQL } from './http-load.js';
import { formatLatency, summarize } from './stats.js';

const MATCHES = `query($id: ID!) { matchesForCandidate(candidateId: $id, first: 20) { totalCount edges { node { score eligible posting { id title employer { name } } explanation { summary missing { kind } } } } } }`;
const STEPS = `query($id: ID!) { nextSteps(candidateId: $id) { kind code state degreeLevel degreeField years unlocks medianSalary detail } }`;
const SUPPLY = `query($id: ID!) { talentSupply(postingId: $id) { eligible relaxations { kind code change addedCandidates detail } } }`;

export async function measureCareer(
  url: string,
  key: string,
  ids: { candidates: readonly string[]; postings: readonly string[] },
  log: (line: string) => void,
): Promise<void> {
  const cases = [
    { label: 'matchesForCandidate(first: 20)', query: MATCHES, ids: ids.candidates },
    { label: 'nextSteps(first: 5)', query: STEPS, ids: ids.candidates },
    { label: 'talentSupply', query: SUPPLY, ids: ids.postings },
  ];
  for (const c of cases) for (let i = 0; i < 10; i++) await postGraphQL(url, key, c.query, { id: c.ids[i % c.ids.length] });
  // Interleaved round by round so machine noise hits the three alike.
  const latencies = cases.map(() => [] as number[]);
  const rounds = Math.min(ids.candidates.length, ids.postings.length);
  let unlocks = 0;
  let relaxations = 0;
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < cases.length; k++) {
      const r = await postGraphQL(url, key, cases[k].query, { id: cases[k].ids[i] });
      latencies[k].push(r.ms);
      const data = r.body.data as { nextSteps?: { unlocks: number }[]; talentSupply?: { relaxations: unknown[] } };
      unlocks += data.nextSteps?.reduce((s, x) => s + x.unlocks, 0) ?? 0;
      relaxations += data.talentSupply?.relaxations.length ?? 0;
    }
  }
  const results = latencies.map(summarize);
  const base = results[0];
  log('');
  log(`Career and market over HTTP (sequential, interleaved; target each p95 <= 3x matchesForCandidate p95 = ${(3 * base.p95).toFixed(1)} ms):`);
  cases.forEach((c, k) => log(`${formatLatency(c.label, results[k])}  p95/matches ${(results[k].p95 / base.p95).toFixed(2)}x`));
  log(`  (answers: ${(unlocks / Math.max(1, rounds)).toFixed(1)} postings unlocked by the first 5 steps, ${(relaxations / Math.max(1, rounds)).toFixed(1)} relaxations per posting, on average)`);
}
