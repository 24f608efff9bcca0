// Browse-and-search latencies over HTTP (issue "Browse and search both ways"): each query
// next to a plain searchPostings measured in the same run, with the ratio of p95s (target:
// each <= 2x the plain one). Figures only: nothing here asserts a target.
import type { SeedCandidate, SeedPosting } from '../seeds/generator.js';
import { postGraphQL } from './http-load.js';
import { formatLatency, summarize, type LatencySummary } from './stats.js';

const WORDS = ['manager', 'practice', 'billing', 'director', 'revenue', 'nursing', 'clinic', 'health', 'operations', 'coding'];

const PLAIN = `query($q: String) { searchPostings(query: $q, first: 20) { totalCount edges { node { id title employer { name } } } } }`;
const FACETS = `query($q: String) { searchPostings(query: $q, first: 20) { totalCount edges { node { id title employer { name } } }
  facets { states { value count } settings { value count } employmentTypes { value count } remote { value count } salaryBands { value count } } } }`;
const NEAR = `query($zip: String) { searchPostings(filter: { near: { zip: $zip, radiusMiles: 50 } }, first: 20) {
  totalCount edges { distanceMiles node { id title employer { name } } } } }`;
const DISTANCE = `query($zip: String) { searchPostings(filter: { near: { zip: $zip, radiusMiles: 50 } }, sort: DISTANCE, first: 20) {
  totalCount edges { distanceMiles node { id title employer { name } } } } }`;
const CAND_QUAL = `query($f: CandidateFilter) { searchCandidates(filter: $f, first: 20) { totalCount edges { node { id name headline } } } }`;
const CAND_NEAR = `query($zip: String) { searchCandidates(filter: { near: { zip: $zip, radiusMiles: 50 } }, first: 20) {
  totalCount edges { distanceMiles node { id name headline } } } }`;

interface Case {
  label: string;
  query: string;
  vars: (i: number) => Record<string, unknown>;
}

export async function measureBrowse(
  url: string,
  key: string,
  data: { postings: SeedPosting[]; candidates: SeedCandidate[] },
  samples: number,
  log: (line: string) => void,
): Promise<void> {
  const zips = [...new Set(data.postings.map((p) => p.zip).filter((z): z is string => z !== null))].sort();
  const held = data.candidates.flatMap((c) => c.qualifications.map((q) => ({ code: q.code, state: q.state ?? c.state })));
  const quals = held.filter((q, i) => i % Math.max(1, Math.floor(held.length / 50)) === 0 && q.state);
  const cases: Case[] = [
    { label: 'searchPostings(query), plain', query: PLAIN, vars: (i) => ({ q: WORDS[i % WORDS.length] }) },
    { label: 'searchPostings(query) + facets', query: FACETS, vars: (i) => ({ q: WORDS[i % WORDS.length] }) },
    { label: 'searchPostings(near 50 mi)', query: NEAR, vars: (i) => ({ zip: zips[i % zips.length] }) },
    { label: 'searchPostings(near 50 mi, sort: DISTANCE)', query: DISTANCE, vars: (i) => ({ zip: zips[i % zips.length] }) },
    {
      label: 'searchCandidates(qualification + state)',
      query: CAND_QUAL,
      vars: (i) => {
        const q = quals[i % quals.length];
        return { f: { qualifications: [{ code: q.code, state: q.state }], states: [q.state] } };
      },
    },
    { label: 'searchCandidates(near 50 mi)', query: CAND_NEAR, vars: (i) => ({ zip: zips[i % zips.length] }) },
  ];
  // Warm-up, then the cases interleaved round by round so machine noise hits them alike.
  for (const c of cases) for (let i = 0; i < 10; i++) await postGraphQL(url, key, c.query, c.vars(i));
  const latencies = cases.map(() => [] as number[]);
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < cases.length; k++) latencies[k].push((await postGraphQL(url, key, cases[k].query, cases[k].vars(i))).ms);
  }
  const results: LatencySummary[] = latencies.map(summarize);
  const plain = results[0];
  log('');
  log(`Browse and search over HTTP (sequential, interleaved; target each p95 <= 2x plain searchPostings p95 = ${(2 * plain.p95).toFixed(1)} ms):`);
  cases.forEach((c, k) => log(`${formatLatency(c.label, results[k])}  p95/plain ${(results[k].p95 / plain.p95).toFixed(2)}x`));
}
