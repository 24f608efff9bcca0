// `npm run bench`: 100,000 postings and 100,000 candidates from the seed distributions, loaded
// into a real MongoDB-protocol server, served by the built API in its own process with the
// embedded engine; prints latency percentiles, reindex throughput, peak RSS, the in-process
// floor, a naive MongoDB baseline and recall@20, then throughput at 1/8/32 clients with
// /health latency and start-up time, for the engine in the main thread (SEARCH_WORKERS=0, the
// baseline) and in worker threads. Figures only: nothing here asserts a target.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { resolveMongo } from '../src/shared/mongo/local-mongo.js';
import { systemClock } from '../src/shared/clock.js';
import { catalogLookup } from '../src/search/documents/posting-document.js';
import { bulkLoad, generateBenchData } from './load-data.js';
import { startApiProcess } from './api-process.js';
import { postGraphQL, runPool } from './http-load.js';
import { exactTopPostings } from './exact-ranking.js';
import { naiveMatches } from './naive-baseline.js';
import { candidateIdOf, candidateProfileOf, measureEngine, postingIdOf, postingProfileOf } from './engine-only.js';
import { formatLatency, ms, summarize, timeMs } from './stats.js';
import { measureThroughput, type ThroughputFigures } from './throughput.js';
import { measureBrowse } from './browse-load.js';
import { formatBulk, measureBulkUpsert } from './bulk-upsert.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { measureCareer } from './career-load.js';
import { measureCareerEngine } from './career-engine-load.js';
import { measureAlertWrites } from './alerts-bench.js';

const USAGE = `npm run bench [-- --help]

Generates postings and candidates with the seed distributions, loads them into a
MongoDB-protocol server, starts the built API in its own process (embedded engine,
production mode) and prints latency percentiles, indexing and reindex throughput, peak RSS,
the in-process floor, a naive MongoDB baseline and recall@20. Asserts nothing.
About 10 minutes with the defaults on a 2-core machine.

Options (environment variables):
  BENCH_POSTINGS=100000       postings to generate
  BENCH_CANDIDATES=100000     candidates to generate
  BENCH_SAMPLES=200           requests per latency measurement
  BENCH_NAIVE_SAMPLES=3       samples of the naive MongoDB baseline (each scans all postings)
  MONGODB_URI=<uri>           use this server instead of starting a throwaway local one
  BENCH_SECONDS=15            duration of each throughput run (matchesForCandidate, closed loop)
  BENCH_CLIENTS=1,8,32        concurrent clients of the throughput runs
  BENCH_WORKERS=0,            SEARCH_WORKERS settings to compare (empty: the service default); a setting
                              ending in '/nocache' also sets PAGE_CACHE_MAX_AGE_MS=0 (e.g. '/nocache,')
  BENCH_ALERTS=100000         alerts for the posting-write comparison (bench/alerts-bench.ts)
  BENCH_ALERT_CANDIDATES=20000, BENCH_ALERT_WRITES=200   its candidates and writes per phase
  BENCH_ALERT_DENSE=true      also measure the denser alert population (~740 events per write)
  BENCH_ALERT_ROUNDS=4        interleaved blocks per phase (0 alerts, default, dense, 0 alerts, ...)
  BENCH_ALERT_PROFILE=1       event-loop delay, detection phases, --cpu-prof per phase (bench/alerts-profile.ts)
  BENCH_ONLY=alerts           run only that comparison (about 3 minutes)
  BENCH_ONLY=serving          only start-up, throughput and /health under load (no engine-alone, latency,
                              bulk or alerts sections)
  MEILI_HOST=<url>            measure the Meilisearch path instead (bench/meili-bench.ts;
                              MEILI_MASTER_KEY, BENCH_MEILI_RAW, BENCH_RECALL_SAMPLES)

Example: BENCH_POSTINGS=10000 BENCH_CANDIDATES=10000 BENCH_SAMPLES=50 npm run bench
`;
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
// With MEILI_HOST the bench measures the Meilisearch path instead (bench/meili-bench.ts).
if (process.env.MEILI_HOST) {
  await import('./meili-bench.js');
  process.exit(0);
}

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 100_000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
// Each naive query scans the postings collection: a few samples are enough to show its cost.
const NAIVE_SAMPLES = Number(process.env.BENCH_NAIVE_SAMPLES ?? 3);
// Seconds per throughput run, client counts, and SEARCH_WORKERS settings to compare ('' = default).
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const WORKER_SETTINGS = (process.env.BENCH_WORKERS ?? '0,').split(',');
const KEY = 'bench-admin-key-0123456789';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const MATCHES = `query($id: ID!) { matchesForCandidate(candidateId: $id, first: 20) { totalCount edges { node { score eligible posting { id title employer { name } } explanation { summary missing { kind } } } } } }`;
const CANDIDATES_Q = `query($id: ID!) { candidatesForPosting(postingId: $id, first: 20) { totalCount edges { node { score candidate { id name } explanation { summary } } } } }`;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

// Alerts: createJobPosting with 0 vs BENCH_ALERTS alerts, on its own smaller database.
if (process.env.BENCH_ONLY === 'alerts') {
  const m = await resolveMongo({ uri: process.env.MONGODB_URI || undefined, log });
  await measureAlertWrites({ root, mongoUri: m.uri, log });
  await m.stop();
  process.exit(0);
}

const gen = timeMs(() => generateBenchData(POSTINGS, CANDIDATES, 500));
const data = gen.value;
log(`Generated ${POSTINGS} postings, ${CANDIDATES} candidates, ${data.employers.length} employers in ${ms(gen.ms)}`);

const SERVING_ONLY = process.env.BENCH_ONLY === 'serving';

// 1. The engine alone, in process.
if (!SERVING_ONLY) {
  const catalog = catalogLookup(data.catalog);
  const sampleC = data.candidates.filter((_, i) => i % Math.max(1, Math.floor(CANDIDATES / SAMPLES)) === 0).slice(0, SAMPLES);
  const open = data.postings.filter((p) => p.status === 'OPEN');
  const sampleP = open.filter((_, i) => i % Math.max(1, Math.floor(open.length / SAMPLES)) === 0).slice(0, SAMPLES);
  const rssBefore = process.memoryUsage().rss;
  const e = await measureEngine(data, catalog, systemClock.today(), sampleC, sampleP);
  const rssAfter = process.memoryUsage().rss;
  log('');
  log('Embedded engine alone (in process; no MongoDB, HTTP or GraphQL):');
  log(`  indexing ${POSTINGS + CANDIDATES} documents: ${ms(e.indexMs)} = ${e.indexDocsPerSecond} documents/s (target >= 5,000); RSS grew ${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB`);
  log(formatLatency('  rankPostingsForCandidate(limit 20)', e.rankPostings));
  log(formatLatency('  rankCandidatesForPosting(limit 20)', e.rankCandidates));
  await measureCareerEngine(e.engine, 'embedded', { candidates: sampleC, postings: sampleP }, catalog, systemClock.today(), log);
  await e.engine.close();
}
global.gc?.();

// 2. MongoDB and the API in its own process.
const mongo = await resolveMongo({ uri: process.env.MONGODB_URI || undefined, log });
const dbName = `bench_${Date.now()}`;
const conn = await mongoose.createConnection(mongo.uri, { dbName }).asPromise();
log(`MongoDB-protocol server: ${mongo.server}`);
const load = performance.now();
await bulkLoad(conn, data);
log(`Loaded into MongoDB in ${ms(performance.now() - load)}`);

// One data folder for every API start: the first builds the index from MongoDB (cold) and
// leaves a snapshot, the later ones load it (warm).
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hm-bench-data-'));
const apiEnv = (setting: string): Record<string, string> => {
  const [workers, variant] = setting.split('/');
  return {
    DATA_DIR: dataDir,
    MONGODB_URI: mongo.uri,
    MONGODB_DB: dbName,
    ADMIN_API_KEY: KEY,
    ALERT_SECRET_KEY: 'bench-alert-secret-key-0123456789abcdef',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    RATE_LIMIT_PER_MINUTE: '10000000',
    RATE_LIMIT_BURST: '100000',
    ...(workers === '' ? {} : { SEARCH_WORKERS: workers }),
    ...(variant === 'nocache' ? { PAGE_CACHE_MAX_AGE_MS: '0' } : {}),
  };
};
const loadIds = data.candidates.filter((_, i) => i % 7 === 0).map(candidateIdOf);
const bulkLines: string[] = [];
const serving: { label: string; start: string; startMs: number; startRssMiB: number; rssMiB: number; runs: ThroughputFigures[] }[] = [];

/** Resolves once the API logged a line matching `re` (or after `timeoutMs`). */
async function logged(api: Awaited<ReturnType<typeof startApiProcess>>, re: RegExp, timeoutMs: number): Promise<string | undefined> {
  const t0 = performance.now();
  for (;;) {
    const line = api.logLines.find((l) => re.test(l));
    if (line || performance.now() - t0 > timeoutMs) return line;
    await new Promise((r) => setTimeout(r, 250));
  }
}

for (const workers of WORKER_SETTINGS) {
  const [count, variant] = workers.split('/');
  const label = `${count === '' ? 'SEARCH_WORKERS default' : `SEARCH_WORKERS=${count}`}${variant === 'nocache' ? ', PAGE_CACHE_MAX_AGE_MS=0' : ''}`;
  const t0 = performance.now();
  const api = await startApiProcess(root, apiEnv(workers));
  await postGraphQL(api.url, KEY, MATCHES, { id: loadIds[0] });
  const startMs = performance.now() - t0;
  const startRssMiB = api.peakRssMiB();
  const start = api.logLines.some((l) => l.includes('loaded from its snapshot')) ? 'warm, from the snapshot' : 'cold, from MongoDB';
  try {
    // A cold start writes its first snapshot in the background: measure after it.
    if (start.startsWith('cold')) await logged(api, /Search snapshot (written|not written)/, 600_000);
    // A warm start reconciles with MongoDB in the background (reading every id and updatedAt):
    // measure steady state, after it.
    else {
      const t1 = performance.now();
      const line = await logged(api, /Search index reconciled/, 600_000);
      log(`${label}: background reconciliation ${line ? `done ${ms(performance.now() - t1)} after the first answer: ${line.replace(/.*reconciled: /, '').slice(0, 120)}` : 'not finished within 10 min'}`);
    }
    log(`${label}: started (${start}) in ${ms(startMs)}, peak RSS ${startRssMiB.toFixed(0)} MiB`);
    if (!SERVING_ONLY && workers === WORKER_SETTINGS[WORKER_SETTINGS.length - 1]) {
      await latencySection(api).catch((err: Error) => log(`latency section failed: ${err.message}\n${api.logLines.slice(-10).join('\n')}`));
    }
    const runs: ThroughputFigures[] = [];
    for (const clients of CLIENTS) {
      const r = await measureThroughput(api.url, KEY, MATCHES, (i) => ({ id: loadIds[i % loadIds.length] }), clients, SECONDS * 1000);
      log(`  ${label}, ${clients} clients: ${r.perSecond.toFixed(1)} req/s, p95 ${ms(r.latency.p95)}, /health p99 ${ms(r.health.p99)}${r.errors ? `, ${r.errors} errors` : ''}`);
      runs.push(r);
    }
    serving.push({ label, start, startMs, startRssMiB, rssMiB: api.peakRssMiB(), runs });
    if (!SERVING_ONLY && workers === WORKER_SETTINGS[WORKER_SETTINGS.length - 1]) {
      // Feeds: a 1,000-item bulk upsert until searchable (bench/bulk-upsert.ts).
      const bulk = await measureBulkUpsert(api.url, KEY, seedObjectId('employer', data.employers[0].key).toHexString(), data.catalog);
      bulkLines.push(`Bulk upsert (${label}, ${POSTINGS} postings in the database):`, ...formatBulk(bulk));
    }
    if (api.child.exitCode !== null) log(`API exited with ${api.child.exitCode}:\n${api.logLines.slice(-10).join('\n')}`);
  } finally {
    await api.stop();
  }
}

log('');
log(`Serving matchesForCandidate(first: 20) over HTTP, ${SECONDS} s per run, closed-loop clients; /health probed every 100 ms meanwhile:`);
for (const s of serving) {
  log(`  ${s.label}: start-up (${s.start}) to first answer ${ms(s.startMs)} (target <= 30 s); peak RSS ${s.startRssMiB.toFixed(0)} MiB at start, ${s.rssMiB.toFixed(0)} MiB overall (target <= 1024)`);
  const one = s.runs.find((r) => r.clients === 1);
  for (const r of s.runs) {
    const speedup = one ? ` = ${(r.perSecond / one.perSecond).toFixed(2)}x 1 client` : '';
    log(`    ${String(r.clients).padStart(2)} clients: ${r.perSecond.toFixed(1)} req/s${speedup}; p50 ${ms(r.latency.p50)} p95 ${ms(r.latency.p95)} p99 ${ms(r.latency.p99)}${r.errors ? `; ${r.errors} errors` : ''}; /health p50 ${ms(r.health.p50)} p99 ${ms(r.health.p99)}`);
  }
  const eight = s.runs.find((r) => r.clients === 8);
  if (one && eight) {
    log(`    targets: 8-client throughput ${(eight.perSecond / one.perSecond).toFixed(2)}x (>= 1.6x); 8-client p95 / 1-client p95 ${(eight.latency.p95 / one.latency.p95).toFixed(2)} (<= 2); /health p99 at 8 clients ${ms(eight.health.p99)} (<= 100 ms)`);
  }
}
for (const line of bulkLines) log(line);
await conn.dropDatabase().catch(() => undefined);
await conn.close();
if (!SERVING_ONLY) await measureAlertWrites({ root, mongoUri: mongo.uri, log }).catch((err: Error) => log(`alerts bench failed: ${err.message}`));
await mongo.stop();
rmSync(dataDir, { recursive: true, force: true });

async function latencySection(api: Awaited<ReturnType<typeof startApiProcess>>): Promise<void> {
  const built = api.logLines.map((l) => /Embedded search index built from MongoDB: (\d+) documents in (\d+) ms/.exec(l)).find(Boolean);
  if (built) {
    const docs = Number(built[1]);
    const took = Number(built[2]);
    log(`Reindex at start-up: ${docs} documents in ${ms(took)} = ${Math.round((docs / took) * 1000)} documents/s (target >= 5,000)`);
  }

  const openPostings = data.postings.filter((p) => p.status === 'OPEN');
  const step = (n: number, total: number) => Math.max(1, Math.floor(total / n));
  const candidateIds = data.candidates.filter((_, i) => i % step(SAMPLES, CANDIDATES) === 0).slice(0, SAMPLES).map(candidateIdOf);
  const postingIds = openPostings.filter((_, i) => i % step(SAMPLES, openPostings.length) === 0).slice(0, SAMPLES).map(postingIdOf);

  for (const id of candidateIds.slice(0, 20)) await postGraphQL(api.url, KEY, MATCHES, { id });
  for (const id of postingIds.slice(0, 20)) await postGraphQL(api.url, KEY, CANDIDATES_Q, { id });

  const results: Record<string, ReturnType<typeof summarize>> = {};
  const seqM: number[] = [];
  for (const id of candidateIds) seqM.push((await postGraphQL(api.url, KEY, MATCHES, { id })).ms);
  results.matchesSeq = summarize(seqM);
  const seqC: number[] = [];
  for (const id of postingIds) seqC.push((await postGraphQL(api.url, KEY, CANDIDATES_Q, { id })).ms);
  results.candidatesSeq = summarize(seqC);
  results.matchesConc = summarize(await runPool(candidateIds.map((id) => async () => (await postGraphQL(api.url, KEY, MATCHES, { id })).ms), 8));
  results.candidatesConc = summarize(await runPool(postingIds.map((id) => async () => (await postGraphQL(api.url, KEY, CANDIDATES_Q, { id })).ms), 8));

  log('');
  log(`HTTP latency at ${POSTINGS} postings / ${CANDIDATES} candidates (embedded engine; target p95 <= 25 ms):`);
  log(formatLatency('matchesForCandidate(first: 20), sequential', results.matchesSeq));
  log(formatLatency('candidatesForPosting(first: 20), sequential', results.candidatesSeq));
  log(formatLatency('matchesForCandidate(first: 20), 8 concurrent', results.matchesConc));
  log(formatLatency('candidatesForPosting(first: 20), 8 concurrent', results.candidatesConc));

  await measureBrowse(api.url, KEY, data, SAMPLES, log);
  await measureCareer(api.url, KEY, { candidates: candidateIds, postings: postingIds }, log);

  // Floor and recall: exact scoring of every open posting in this process.
  const catalog = catalogLookup(data.catalog);
  const today = systemClock.today();
  const postingProfiles = openPostings.map(postingProfileOf);
  const byId = new Map(data.candidates.map((c) => [candidateIdOf(c), c]));
  const profileOf = (id: string) => candidateProfileOf(byId.get(id)!);
  const recallSample = candidateIds.slice(0, 50);
  const floor: number[] = [];
  let hit = 0;
  let possible = 0;
  for (const id of recallSample) {
    const exact = timeMs(() => exactTopPostings(profileOf(id), postingProfiles, catalog, today));
    floor.push(exact.ms);
    const served = (await postGraphQL(api.url, KEY, MATCHES, { id })).body.data as { matchesForCandidate: { edges: { node: { posting: { id: string } } }[] } };
    const servedIds = new Set(served.matchesForCandidate.edges.map((e) => e.node.posting.id));
    hit += exact.value.ids.filter((x) => servedIds.has(x)).length;
    possible += exact.value.ids.length;
  }
  const floorS = summarize(floor);
  log('');
  log(formatLatency('floor: exact in-process scoring, all open postings', floorS));

  const naive: number[] = [];
  for (const id of recallSample.slice(0, NAIVE_SAMPLES)) {
    const t0 = performance.now();
    await naiveMatches(conn, profileOf(id), catalog, today);
    naive.push(performance.now() - t0);
  }
  const naiveS = summarize(naive);
  log(formatLatency('naive: MongoDB query for eligible postings + app scoring', naiveS));
  log('');
  log(`Ratios: API p50 / floor p50 = ${(results.matchesSeq.p50 / floorS.p50).toFixed(2)}; naive p50 / API p50 = ${(naiveS.p50 / results.matchesSeq.p50).toFixed(1)}x`);
  log(`recall@20 of the served ranking vs exact scoring over the whole eligible set: ${((100 * hit) / Math.max(1, possible)).toFixed(2)}% (${hit}/${possible}; target >= 99%)`);
  log(`Peak RSS of the API process so far: ${api.peakRssMiB().toFixed(0)} MiB (target <= 1024 MiB)`);
}
