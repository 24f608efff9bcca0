// `npm run bench:attacks`: the request-hardening rows of issue 12, replayed against the built
// API in its own process with the seeded demo data. For each input it prints the answer, how
// long the answer took, and the slowest `GET /health` sent while that request was running
// (what "the service stalls for everyone" measured). Then the algorithms alone, in process, at
// sizes beyond the input limits. Figures only: nothing here asserts a target.
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { startApiProcess } from './api-process.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { experienceDays, experienceGrowthAnchor } from '../src/matching/experience.js';
import { isEmailAddress } from '../src/candidates/candidate.validation.js';
import { createSchema } from '../src/api/graphql/schema.js';
import { analyzeQuery } from '../src/api/graphql/query-analysis.js';
import { epochDayToIso } from '../src/matching/dates.js';

const KEY = 'attack-bench-admin-key-0123456789';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stdout.write(`${line}\n`);
const RUNS = 5;

interface Attack {
  what: string;
  body: () => Record<string, unknown>;
  key?: string | null;
  /** Sent first (not timed), e.g. saving a profile the timed request then reads. */
  setup?: () => Promise<void>;
}

function fragmentBomb(levels: number): string {
  const parts = ['query { ...F' + levels + ' }', 'fragment F0 on Query { __typename }'];
  for (let i = 1; i <= levels; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return parts.join('\n');
}

const intervals = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: 'Shift', startDate: epochDayToIso(-20_000 + 3 * i), endDate: epochDayToIso(-20_000 + 3 * i) }));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-attacks-'));
  const api = await startApiProcess(root, {
    NODE_ENV: 'production',
    ADMIN_API_KEY: KEY,
    ALERT_SECRET_KEY: 'bench-alert-secret-key-0123456789abcdef',
    DATA_DIR: dataDir,
    SEED_ON_EMPTY: 'true',
    LOG_LEVEL: 'warn',
    MAX_BODY_BYTES: '2000000',
    RATE_LIMIT_BURST: '1000000',
  });
  try {
    const url = api.url;
    const healthUrl = url.replace(/graphql$/, 'health');
    const post = async (body: Record<string, unknown>, key: string | null) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers.authorization = `Bearer ${key}`;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => ({}))) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
      return { status: res.status, json };
    };
    // Wait for the seeded data (main.ts seeds before listening, so it is there).
    const seeds = JSON.parse(readFileSync(path.join(root, 'seeds', 'candidates.json'), 'utf8')) as { email: string }[];
    const candidateId = seedObjectId('candidate', seeds[0].email.toLowerCase()).toHexString();
    const issued = await post(
      { query: `mutation($c: ID!) { issueApiKey(input: {role: CANDIDATE, label: "attack", candidateId: $c}) { key } }`, variables: { c: candidateId } },
      KEY,
    );
    const candidateKey = (issued.json.data?.issueApiKey as { key: string } | undefined)?.key;
    if (!candidateKey) throw new Error(`could not issue a candidate key: ${JSON.stringify(issued.json)}`);
    const employerId = seedObjectId('employer', (JSON.parse(readFileSync(path.join(root, 'seeds', 'employers.json'), 'utf8')) as { key: string }[])[0].key).toHexString();

    const update = (input: Record<string, unknown>) => ({
      query: `mutation($id: ID!, $input: CandidateUpdateInput!) { updateCandidate(id: $id, input: $input) { id } }`,
      variables: { id: candidateId, input },
    });
    const aliases = (n: number) => ({
      query: `{ ${Array.from({ length: n }, (_, i) => `m${i}: matchesForCandidate(candidateId: "${candidateId}", first: 1) { totalCount }`).join(' ')} }`,
    });
    const attacks: Attack[] = [
      { what: 'CANDIDATE saves 4,000 disjoint experience intervals', key: candidateKey, body: () => update({ experience: intervals(4_000) }) },
      { what: 'CANDIDATE saves 10,000 experience intervals', key: candidateKey, body: () => update({ experience: intervals(10_000) }) },
      {
        what: 'then matchesForCandidate (100 intervals, the limit)',
        key: candidateKey,
        setup: async () => void (await post(update({ experience: intervals(100) }), candidateKey)),
        body: () => ({ query: `query($id: ID!) { matchesForCandidate(candidateId: $id, includeIneligible: true, first: 20) { totalCount } }`, variables: { id: candidateId } }),
      },
      { what: 'CANDIDATE email "a@" + "." x 64,000 + "@"', key: candidateKey, body: () => update({ email: 'a@' + '.'.repeat(64_000) + '@' }) },
      { what: 'anonymous query padded to 10,001 selections', key: null, body: () => ({ query: `{ qualifications { ${'code '.repeat(10_000)} } }` }) },
      { what: `anonymous fragment fan-out i = 22 (${fragmentBomb(22).length} bytes)`, key: null, body: () => ({ query: fragmentBomb(22) }) },
      { what: '1,000 aliases of matchesForCandidate(first: 1)', key: KEY, body: () => aliases(1_000) },
      { what: '4,000 aliases of matchesForCandidate(first: 1)', key: KEY, body: () => aliases(4_000) },
      { what: '30 aliases (the alias limit) of matchesForCandidate(first: 1)', key: KEY, body: () => aliases(30) },
      {
        what: '10-level employer { postings { employer ... } } chain',
        key: null,
        body: () => ({ query: `{ employer(id: "${employerId}") ${'{ postings { employer '.repeat(5)}{ id }${' } }'.repeat(5)} }` }),
      },
      {
        what: '3 copies of a field at each of 6 levels (1,821 selections)',
        key: null,
        body: () => {
          const rep = (n: number, x: string) => Array.from({ length: n }, () => x).join(' ');
          let inner = 'id';
          for (let l = 4; l >= 0; l--) inner = rep(3, `${l % 2 === 0 ? 'employer' : 'postings'} { ${inner} }`);
          return { query: `{ ${rep(3, `jobPosting(id: "${'0'.repeat(24)}") { ${inner} }`)} }` };
        },
      },
      { what: '10,000-qualification update', key: KEY, body: () => update({ qualifications: Array.from({ length: 10_000 }, (_, i) => ({ code: `Q${i}` })) }) },
      { what: '900,000-character summary', key: KEY, body: () => update({ summary: 's'.repeat(900_000) }) },
      { what: '{"query":"query A { __typename }","operationName":"B"}', key: null, body: () => ({ query: 'query A { __typename }', operationName: 'B' }) },
      {
        what: '51 invalid enum variables',
        key: null,
        body: () => {
          const names = Array.from({ length: 51 }, (_, i) => `v${i}`);
          return {
            query: `query(${names.map((n) => `$${n}: CareSetting!`).join(', ')}) { searchPostings(filter: {settings: [${names.map((n) => `$${n}`).join(', ')}]}) { totalCount } }`,
            variables: Object.fromEntries(names.map((n) => [n, 'NOPE'])),
          };
        },
      },
    ];

    log('Request-hardening inputs of issue 12, against the built API (production mode, seeded demo data):');
    log('');
    log(`Each input is sent once to warm the process up, then ${RUNS} times: time is the median of those; /health the slowest probe during any of them.`);
    log('');
    log(`| input | HTTP | answer | time (median) | slowest /health meanwhile |`);
    log(`|---|---|---|---|---|`);
    for (const a of attacks) {
      await a.setup?.();
      const body = a.body();
      let running = true;
      let slowestHealth = 0;
      let healthCount = 0;
      const prober = (async () => {
        while (running) {
          const t0 = performance.now();
          await fetch(healthUrl).then((r) => r.arrayBuffer());
          slowestHealth = Math.max(slowestHealth, performance.now() - t0);
          healthCount++;
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const times: number[] = [];
      let r = await post(body, a.key ?? null);
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        r = await post(body, a.key ?? null);
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      const took = times[Math.floor(times.length / 2)];
      running = false;
      await prober;
      const code = r.json.errors?.[0]?.extensions?.code ?? 'OK';
      const detail = r.json.errors?.[0]?.message ?? '';
      const answer = `${code}${detail ? `: ${detail.length > 70 ? `${detail.slice(0, 70)}…` : detail}` : ''}`;
      log(`| ${a.what} | ${r.status} | ${answer.replace(/\|/g, '\\|')} | ${took.toFixed(1)} ms | ${slowestHealth.toFixed(1)} ms (${healthCount} probes) |`);
    }
    log(`Peak RSS of the API process: ${api.peakRssMiB().toFixed(0)} MiB`);
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // The algorithms alone, at sizes the input limits no longer let through.
  log('');
  log('In process, beyond the input limits:');
  const time = (fn: () => unknown, reps = 5) => {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    return (performance.now() - t0) / reps;
  };
  for (const n of [4_000, 10_000, 100_000]) {
    const list = intervals(n);
    log(`  experience union of ${n.toLocaleString('en-US')} disjoint intervals: experienceDays ${time(() => experienceDays(list, '2026-12-01')).toFixed(2)} ms, growth anchor ${time(() => experienceGrowthAnchor(list, '2026-12-01')).toFixed(2)} ms`);
  }
  for (const n of [64_000, 1_000_000]) {
    const email = 'a@' + '.'.repeat(n) + '@';
    log(`  e-mail check of "a@" + "." x ${n.toLocaleString('en-US')} + "@": ${time(() => isEmailAddress(email)).toFixed(2)} ms`);
  }
  const schema = await createSchema();
  for (const levels of [22, 40]) {
    const doc = parse(fragmentBomb(levels));
    log(`  query analysis of the fragment fan-out i = ${levels}: ${time(() => analyzeQuery(schema, doc, undefined, {}, { listEstimate: 100 }), 20).toFixed(3)} ms (2^${levels} selections counted)`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
