// The Meilisearch part of `npm run bench` (run when MEILI_HOST is set, or `npm run bench:meili`).
// Same generated data as the embedded bench. Prints, measured in this one run:
//   - the 600 seed documents indexed through the service (seeding as `npm start` does it);
//   - the service's rebuild (IndexSyncService.reindex from MongoDB, as `npm run reindex`)
//     against Meilisearch's own rate for the same posting documents sent all at once;
//   - rankPostingsForCandidate / rankCandidatesForPosting (limit 20) latency on Meilisearch and
//     on the embedded engine over the same documents and samples;
//   - recall@20 of Meilisearch's ranked lists against exact scoring (bench/exact-ranking.ts),
//     both directions, and a paging check (no repeats or skips over the first pages).
// Figures only: nothing here asserts a target.
import 'reflect-metadata';
import mongoose from 'mongoose';
import { Meilisearch } from 'meilisearch';
import { createApp } from '../src/app.js';
import { storedLocation } from '../src/geo/geo-input.js';
import { loadConfig } from '../src/config.js';
import { resolveMongo } from '../src/shared/mongo/local-mongo.js';
import { systemClock } from '../src/shared/clock.js';
import { catalogLookup } from '../src/search/documents/posting-document.js';
import { readSeedFiles } from '../src/seeding/seed-files.js';
import { loadSeeds } from '../src/seeding/seed-loader.js';
import { DEFAULT_EXACT_TIER, DEFAULT_RANK_WINDOWS, MeilisearchEngine, postingPayload } from '../src/search/meilisearch/meilisearch.engine.js';
import { MeilisearchTasks } from '../src/search/meilisearch/meilisearch-tasks.js';
import type { RankedPage, SearchEngine } from '../src/search/search-engine.js';
import { bulkLoad, generateBenchData } from './load-data.js';
import { exactTopCandidates, exactTopPostings } from './exact-ranking.js';
import { candidateProfileOf, measureEngine, postingIdOf, postingProfileOf } from './engine-only.js';
import { formatLatency, ms, summarize } from './stats.js';
import { measureCareerEngine } from './career-engine-load.js';
import { cpuBetween, cpuSnapshot } from './proc-cpu.js';
import { batchTimeline, describeTimeline } from './meili-batches.js';

if (!process.env.MEILI_HOST) {
  process.stdout.write('Set MEILI_HOST (and MEILI_MASTER_KEY) to the Meilisearch server to measure.\n');
  process.exit(1);
}
const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY;
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 100_000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const RECALL_SAMPLES = Number(process.env.BENCH_RECALL_SAMPLES ?? SAMPLES);
/** Postings sent to a scratch index in one go for Meilisearch's own rate (0: skip). */
const RAW = Number(process.env.BENCH_MEILI_RAW ?? POSTINGS);
const RUN = `bench_${Date.now()}_`;
/** Meilisearch's process id (optional): its CPU seconds per phase are printed (bench/proc-cpu.ts). */
const MEILI_PID = process.env.BENCH_MEILI_PID ? Number(process.env.BENCH_MEILI_PID) : undefined;
const numbers = (v: string | undefined) => (v ?? '').split(',').filter((x) => x.trim() !== '').map(Number).filter((n) => n >= 0);
/** Extra rank windows to measure over the same index (MEILI_RANK_WINDOW's trade-off). */
const WINDOWS = numbers(process.env.BENCH_MEILI_WINDOWS).filter((n) => n > 0);
/** Extra whole-tier limits to measure over the same index (MEILI_EXACT_TIER; 0 = the vector windows only). */
const EXACT_TIERS = numbers(process.env.BENCH_MEILI_EXACT_TIERS);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function appConfig(dbName: string, prefix: string, mongoUri: string) {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    ADMIN_API_KEY: 'bench-admin-key-0123456789',
    ALERT_SECRET_KEY: 'bench-alert-secret-key-0123456789abcdef',
    MEILI_HOST: host,
    ...(apiKey ? { MEILI_MASTER_KEY: apiKey } : {}),
    MEILI_INDEX_PREFIX: prefix,
    PORT: '0',
    ...(process.env.MEILI_RANK_WINDOW ? { MEILI_RANK_WINDOW: process.env.MEILI_RANK_WINDOW } : {}),
    ...(process.env.MEILI_EXACT_TIER ? { MEILI_EXACT_TIER: process.env.MEILI_EXACT_TIER } : {}),
  });
}

async function deleteIndexes(prefix: string): Promise<void> {
  const client = new Meilisearch({ host, apiKey });
  for (const uid of [`${prefix}postings`, `${prefix}candidates`]) await client.deleteIndexIfExists(uid).catch(() => undefined);
}

const mongo = await resolveMongo({ uri: process.env.MONGODB_URI || undefined, log: () => undefined });
log(`Meilisearch at ${host}; MongoDB-protocol server: ${mongo.server}`);
try {
  // 1. The 600 seed documents, through the services as `npm start` seeds an empty database.
  {
    const prefix = `${RUN}seed_`;
    const app = await createApp(appConfig(`${RUN}seed`, prefix, mongo.uri), { prepareSearch: false });
    try {
      await app.services.search.reset();
      const t0 = performance.now();
      const report = await app.services.indexSync.bulk(() => loadSeeds(app.services, app.repositories, readSeedFiles()));
      const took = performance.now() - t0;
      const docs = report.postings.created + report.candidates.created;
      log(`Seed data: ${docs} documents written and indexed in ${(took / 1000).toFixed(1)} s (target <= 30 s; pending index updates ${await app.services.indexSync.pendingCount()})`);
    } finally {
      await app.connection.dropDatabase().catch(() => undefined);
      await app.close();
      await deleteIndexes(prefix);
    }
  }

  // 2. Generated data: MongoDB, the service's rebuild, Meilisearch's own rate.
  const data = generateBenchData(POSTINGS, CANDIDATES, 500);
  const catalog = catalogLookup(data.catalog);
  const today = systemClock.today();
  const dbName = `${RUN}data`;
  const conn = await mongoose.createConnection(mongo.uri, { dbName }).asPromise();
  const prefix = `${RUN}`;
  const app = await createApp(appConfig(dbName, prefix, mongo.uri), { prepareSearch: false });
  try {
    await bulkLoad(conn, data);
    log(`Generated and loaded ${POSTINGS} postings and ${CANDIDATES} candidates into MongoDB`);
    const phase: Record<string, { start: number; end: number; done: number }> = {};
    let firstRawAt = NaN;
    const cpu0 = cpuSnapshot(MEILI_PID);
    let cpuPostings = cpu0;
    const t0 = performance.now();
    const wall0 = Date.now();
    let postingsEndWall = wall0;
    const count = await app.services.indexSync.reindex(({ entity, done }) => {
      const now = performance.now();
      if (entity === 'posting') {
        cpuPostings = cpuSnapshot(MEILI_PID);
        postingsEndWall = Date.now();
      }
      phase[entity] ??= { start: now, end: now, done: 0 };
      phase[entity].end = now;
      phase[entity].done = done;
      if (entity === 'posting' && done >= RAW && Number.isNaN(firstRawAt)) firstRawAt = (now - t0) / 1000;
    });
    const took = performance.now() - t0;
    const postingPhase = phase.posting ? (phase.posting.end - t0) / 1000 : NaN;
    log(`Service reindex (npm run reindex's code path): ${count} documents in ${(took / 1000).toFixed(1)} s = ${Math.round(count / (took / 1000))} documents/s`);
    log(`  postings phase: ${phase.posting?.done ?? 0} in ${postingPhase.toFixed(1)} s = ${Math.round((phase.posting?.done ?? 0) / postingPhase)} documents/s (MongoDB read, documents built, 5,000 per task, 6 in flight)`);
    // Compared with the postings phase's rate. "Done" is reported per settled write, and
    // Meilisearch merges queued writes into one batch, so the time at which the first RAW
    // were done also indexed the rest of their batch (at 20,000 + 20,000 the first 10,000
    // read as 88 documents/s inside a 176/s phase): only the whole phase is comparable.
    const serviceRate = (phase.posting?.done ?? 0) / postingPhase;
    log(`  postings phase ${cpuBetween(cpu0, cpuPostings)}`);
    const meiliAdmin = new Meilisearch({ host, apiKey });
    log(`  postings phase: ${describeTimeline(await batchTimeline(meiliAdmin, `${prefix}postings`, wall0, postingsEndWall))}`);
    if (RAW > 0) log(`  first ${RAW} postings reported done after ${firstRawAt.toFixed(1)} s (with the rest of their merged batch)`);

    if (RAW > 0) {
      // Meilisearch's own rate: the same posting payloads, built beforehand, enqueued all at
      // once (in 5,000-document requests under the payload limit; Meilisearch auto-batches
      // queued additions), timed from the first request until the last task succeeded.
      const rawPrefix = `${RUN}raw_`;
      const raw = new MeilisearchEngine({ host, apiKey, indexPrefix: rawPrefix });
      await raw.reset();
      const names = new Map(data.employers.map((e) => [e.key, e.name]));
      const { buildPostingDocument } = await import('../src/search/documents/posting-document.js');
      const { seedObjectId } = await import('../src/seeding/seed-ids.js');
      const payloads = data.postings.slice(0, RAW).map((p) =>
        postingPayload(
          buildPostingDocument(
            { ...postingProfileOf(p), ...p, ...storedLocation(p), id: postingIdOf(p), employerId: seedObjectId('employer', p.employerKey).toHexString(), employerName: names.get(p.employerKey) ?? '', postedAt: new Date(p.postedAt) },
            catalog,
          ),
        ),
      );
      const client = new Meilisearch({ host, apiKey, timeout: 600_000 });
      // The baseline must index what the service indexes: compare one document as the service stored it.
      {
        const stored = await client.index(`${prefix}postings`).getDocument(String(payloads[0].id));
        // The service's documents carry the record's version; the generated ones get it too.
        for (const d of payloads) (d as Record<string, unknown>).version = (stored as Record<string, unknown>).version;
        const { _vectors: _v, ...mine } = payloads[0] as Record<string, unknown>;
        const differing = Object.keys({ ...mine, ...stored }).filter((k) => k !== '_vectors' && JSON.stringify(mine[k]) !== JSON.stringify((stored as Record<string, unknown>)[k]));
        log(`  baseline documents vs the service's: ${differing.length === 0 ? 'same fields and values' : `differ in ${differing.join(', ')}`}`);
      }
      const index = client.index(`${rawPrefix}postings`);
      const rawCpu0 = cpuSnapshot(MEILI_PID);
      const r0 = performance.now();
      const rawWall0 = Date.now();
      const tasks = [];
      for (let i = 0; i < payloads.length; i += 5000) tasks.push(await index.addDocuments(payloads.slice(i, i + 5000), { primaryKey: 'id' }));
      const last = await new MeilisearchTasks(client, 3_600_000).waitFor(tasks.at(-1)!.taskUid);
      const rawS = (performance.now() - r0) / 1000;
      const rawRate = payloads.length / rawS;
      const rawCpu = cpuSnapshot(MEILI_PID);
      log(`Meilisearch's own rate, same ${payloads.length} posting documents enqueued at once: ${rawS.toFixed(1)} s = ${Math.round(rawRate)} documents/s (last task ${last.status})`);
      log(`  ${cpuBetween(rawCpu0, rawCpu)}`);
      log(`  baseline: ${describeTimeline(await batchTimeline(client, `${rawPrefix}postings`, rawWall0, Date.now()))}`);
      log(`  service postings phase (${phase.posting?.done ?? 0}) / Meilisearch's own rate (same documents, first ${payloads.length}): ${((100 * serviceRate) / rawRate).toFixed(0)}% (target >= 80%)${payloads.length < (phase.posting?.done ?? 0) ? '; the baseline indexed fewer documents into a smaller index (set BENCH_MEILI_RAW to the posting count for the same work)' : ''}`);
      const perDoc = (cpu: number, n: number) => `${((1000 * cpu) / Math.max(1, n)).toFixed(2)} ms`;
      log(`  Meilisearch CPU per posting: service phase ${perDoc(cpuPostings.meili - cpu0.meili, phase.posting?.done ?? 0)}, baseline ${perDoc(rawCpu.meili - rawCpu0.meili, payloads.length)}`);
      await deleteIndexes(rawPrefix);
    }

    // 3. Ranking: the same samples on Meilisearch and on the embedded engine.
    const open = data.postings.filter((p) => p.status === 'OPEN');
    const sampleC = data.candidates.filter((_, i) => i % Math.max(1, Math.floor(CANDIDATES / SAMPLES)) === 0).slice(0, SAMPLES);
    const sampleP = open.filter((_, i) => i % Math.max(1, Math.floor(open.length / SAMPLES)) === 0).slice(0, SAMPLES);
    const embedded = await measureEngine(data, catalog, today, sampleC, sampleP);
    // The exact reference, computed once: every open posting / discoverable candidate scored.
    const postingProfiles = open.map(postingProfileOf);
    const discoverable = data.candidates.filter((c) => c.discoverable).map(candidateProfileOf);
    const exactP = sampleC.slice(0, RECALL_SAMPLES).map((c) => exactTopPostings(candidateProfileOf(c), postingProfiles, catalog, today));
    const exactC = sampleP.slice(0, RECALL_SAMPLES).map((p) => exactTopCandidates(postingProfileOf(p), discoverable, catalog, today));
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)}% (${a}/${b})`;
    const recall = (exact: { ids: string[] }[], served: string[][]) => {
      let hit = 0;
      let possible = 0;
      exact.forEach(({ ids }, i) => {
        const got = new Set(served[i]);
        hit += ids.filter((id) => got.has(id)).length;
        possible += ids.length;
      });
      return pct(hit, possible);
    };
    log('');
    log(`Ranking at ${POSTINGS} postings / ${CANDIDATES} candidates, limit 20 (engine call, in process; same samples):`);
    log(formatLatency('  embedded  rankPostingsForCandidate (alone)', embedded.rankPostings));
    log(formatLatency('  embedded  rankCandidatesForPosting (alone)', embedded.rankCandidates));
    const served = app.config.search;
    const quantiles = (a: number[]) => [0.5, 0.9, 1].map((f) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(f * a.length))]).join(' / ');
    const tierLimit = served.exactTier ?? DEFAULT_EXACT_TIER;
    const small = (a: number[]) => `${a.filter((n) => n <= tierLimit).length} of ${a.length}`;
    log(`  eligible tier sizes p50 / p90 / max: postings for a candidate ${quantiles(exactP.map((e) => e.eligibleCount))}; candidates for a posting ${quantiles(exactC.map((e) => e.eligibleCount))}`);
    log(`  queries whose eligible tier is ranked whole (<= ${tierLimit}): postings ${small(exactP.map((e) => e.eligibleCount))}, candidates ${small(exactC.map((e) => e.eligibleCount))}`);
    const variants: { label: string; engine: SearchEngine }[] = [
      { label: `rank window ${served.rankWindow ?? `${DEFAULT_RANK_WINDOWS.postings} (postings) / ${DEFAULT_RANK_WINDOWS.candidates} (candidates)`}, whole tiers up to ${tierLimit}`, engine: app.services.search },
      ...WINDOWS.map((w) => ({ label: `rank window ${w}, whole tiers up to ${tierLimit}`, engine: new MeilisearchEngine({ host, apiKey, indexPrefix: prefix, rankWindow: w, exactTier: tierLimit }) })),
      ...EXACT_TIERS.map((t) => ({ label: `default windows, whole tiers up to ${t}${t === 0 ? ' (vector windows only)' : ''}`, engine: new MeilisearchEngine({ host, apiKey, indexPrefix: prefix, rankWindow: served.rankWindow, exactTier: t }) })),
    ];
    // Interleaved, sample by sample (the embedded engine first, then every Meilisearch
    // variant), so every engine sees the same load: the machine's load changes within a run.
    const engines = [{ label: 'embedded engine (interleaved, the p95 baseline)', engine: embedded.engine as SearchEngine }, ...variants];
    const rankP = (e: SearchEngine, c: (typeof sampleC)[number]) =>
      e.rankPostingsForCandidate({ candidate: candidateProfileOf(c), includeIneligible: false, catalog, today, offset: 0, limit: 20 });
    const rankC = (e: SearchEngine, p: (typeof sampleP)[number]) =>
      e.rankCandidatesForPosting({ posting: postingProfileOf(p), includeIneligible: false, catalog, today, offset: 0, limit: 20 });
    for (const { engine } of engines) for (const c of sampleC.slice(0, 5)) await rankP(engine, c);
    const timed = async <S>(samples: S[], rank: (e: SearchEngine, s: S) => Promise<RankedPage>) => {
      const times = engines.map(() => [] as number[]);
      const ids = engines.map(() => [] as string[][]);
      for (let i = 0; i < samples.length; i++) {
        for (let k = 0; k < engines.length; k++) {
          const t = performance.now();
          ids[k][i] = (await rank(engines[k].engine, samples[i])).hits.map((h) => h.id);
          times[k].push(performance.now() - t);
        }
      }
      return { latency: times.map(summarize), ids };
    };
    const byP = await timed(sampleC, rankP);
    const byC = await timed(sampleP, rankC);
    await embedded.engine.close();
    engines.forEach(({ label }, k) => {
      log(`  ${label}:`);
      log(formatLatency('    rankPostingsForCandidate', byP.latency[k]));
      log(formatLatency('    rankCandidatesForPosting', byC.latency[k]));
      if (k === 0) return;
      log(`    p95 meili / embedded (interleaved): postings ${(byP.latency[k].p95 / byP.latency[0].p95).toFixed(2)}x, candidates ${(byC.latency[k].p95 / byC.latency[0].p95).toFixed(2)}x (target <= 3x)`);
      log(`    recall@20 vs exact scoring: postings for a candidate ${recall(exactP, byP.ids[k])}; candidates for a posting ${recall(exactC, byC.ids[k])} (target >= 99%)`);
    });
    const meili: SearchEngine = app.services.search;
    // BENCH_SKIP_CAREER=1 leaves it out when a run must fit a time slot.
    if (process.env.BENCH_SKIP_CAREER !== '1') await measureCareerEngine(meili, 'Meilisearch', { candidates: sampleC, postings: sampleP }, catalog, today, log);

    // 5. Paging: the first 10 pages of 20 for a few candidates, against one 200-long request,
    // on the served configuration and on the vector windows alone (when measured: exact tier 0).
    const windowsOnly = variants.find((v) => v.label.includes('(vector windows only)'));
    for (const [name, pager] of [['served', meili], ...(windowsOnly ? [['vector windows only', windowsOnly.engine] as const] : [])] as const) {
      let repeats = 0;
      let mismatches = 0;
      for (const c of sampleC.slice(0, 5)) {
        const q = { candidate: candidateProfileOf(c), includeIneligible: false, catalog, today };
        const whole = (await pager.rankPostingsForCandidate({ ...q, offset: 0, limit: 200 })).hits.map((h) => h.id);
        const paged: string[] = [];
        for (let o = 0; o < 200; o += 20) paged.push(...(await pager.rankPostingsForCandidate({ ...q, offset: o, limit: 20 })).hits.map((h) => h.id));
        repeats += paged.length - new Set(paged).size;
        mismatches += paged.filter((id, i) => whole[i] !== id).length;
      }
      log(`Paging, ${name} (5 candidates, 10 pages of 20 vs one request of 200): ${repeats} repeats, ${mismatches} positions differing`);
    }
    log(`Samples: ${sampleC.length} candidates, ${sampleP.length} postings; rank window ${served.rankWindow ?? 'default'}, whole tiers up to ${tierLimit}; elapsed ${ms(performance.now() - t0)}`);
  } finally {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    await app.close();
    await deleteIndexes(prefix);
  }
} finally {
  await mongo.stop();
}
