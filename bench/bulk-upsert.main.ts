// `npm run bench:bulk`: the bulk path alone, quickly. Starts a throwaway local MongoDB-protocol
// server (or uses MONGODB_URI), loads the catalog, one employer and BENCH_POSTINGS other
// postings, starts the built API (embedded engine; Meilisearch with MEILI_HOST and
// MEILI_MASTER_KEY / MEILI_API_KEY) and prints bench/bulk-upsert.ts's figures.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { resolveMongo } from '../src/shared/mongo/local-mongo.js';
import { bulkLoad, generateBenchData } from './load-data.js';
import { startApiProcess } from './api-process.js';
import { postGraphQL } from './http-load.js';
import { formatBulk, measureBulkUpsert } from './bulk-upsert.js';
import { measureInsertFloor, type FloorFigures } from './bulk-floor.js';
import { ms } from './stats.js';

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 10_000);
const RUNS = Number(process.env.BENCH_BULK_RUNS ?? 3);
const KEY = 'bench-admin-key-0123456789';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stdout.write(`${line}\n`);
/** A request line shortened to what the figures need. */
function debugLine(line: string): string {
  if (!line.includes('"msg":"request"')) return line;
  const r = JSON.parse(line) as { time: string; operationType?: string; durationMs: number; responseBytes?: number; stagesMs?: Record<string, number> };
  const stages = r.stagesMs ? `; stages at ${Object.entries(r.stagesMs).map(([k, v]) => `${k} ${v}`).join(', ')} ms` : '';
  return `${r.time} request ${r.operationType ?? ''} ${r.durationMs} ms (${r.responseBytes ?? 0} bytes out)${stages}`;
}

const data = generateBenchData(POSTINGS, 0, 50);
const mongo = await resolveMongo({ uri: process.env.MONGODB_URI || undefined, log });
const dbName = `bench_bulk_${Date.now()}`;
const conn = await mongoose.createConnection(mongo.uri, { dbName }).asPromise();
await bulkLoad(conn, data);
// The floor, one per run, on the same database before the API starts (bench/bulk-floor.ts).
const floors: FloorFigures[] = [];
for (let run = 0; run < RUNS; run++) floors.push(await measureInsertFloor(conn, data.catalog, run));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hm-bench-bulk-'));
const meili = process.env.MEILI_HOST ? `Meilisearch at ${process.env.MEILI_HOST}` : 'embedded engine';
log(`MongoDB-protocol server: ${mongo.server}; ${POSTINGS} postings loaded; ${meili}`);
const api = await startApiProcess(root, {
  DATA_DIR: dataDir,
  MONGODB_URI: mongo.uri,
  MONGODB_DB: dbName,
  ADMIN_API_KEY: KEY,
  SEED: 'none',
  // BENCH_DEBUG: the API logs each bulk call's phases at debug level; printed per run below.
  LOG_LEVEL: process.env.LOG_LEVEL ?? (process.env.BENCH_DEBUG ? 'debug' : 'warn'),
  NODE_ENV: 'production',
  // Required in production since alerts; the bench sends no webhooks.
  ALERT_SECRET_KEY: 'bench-alert-secret-key-0123456789abcdef',
  RATE_LIMIT_PER_MINUTE: '10000000',
  RATE_LIMIT_BURST: '100000',
  ...(process.env.MEILI_HOST ? { MEILI_INDEX_PREFIX: `bulkbench${Date.now().toString(36)}` } : {}),
});
try {
  const created = await postGraphQL(api.url, KEY, 'mutation { createEmployer(input: { name: "Bulk Feed Employer", setting: HOSPITAL, state: "TX" }) { id } }', {});
  const employerId = (created.body.data as { createEmployer: { id: string } }).createEmployer.id;
  for (let run = 1; run <= RUNS; run++) {
    log(`Run ${run} of ${RUNS}:`);
    const seen = api.logLines.length;
    const figures = await measureBulkUpsert(api.url, KEY, employerId, data.catalog);
    for (const line of formatBulk(figures)) log(line);
    // The same database, measured before the API started: one raw insertMany of 1,000 such documents.
    const floor = floors[run - 1]!;
    log(`  floor, one raw insertMany of ${figures.items} documents of this shape: ${ms(floor.bareMs)} into a bare collection, ${ms(floor.indexedMs)} with the postings indexes`);
    log(`  end to end / floor: ${(figures.searchableMs / floor.bareMs).toFixed(2)}x bare, ${(figures.searchableMs / floor.indexedMs).toFixed(2)}x indexed`);
    // The API's phase lines, and each request's duration as the API measured it.
    if (process.env.BENCH_DEBUG) for (const line of api.logLines.slice(seen).filter((l) => l.includes('"phases"') || l.includes('"msg":"request"'))) log(`  ${debugLine(line)}`);
  }
} catch (err) {
  log(`Failed: ${(err as Error).message}\n${api.logLines.slice(-20).join('\n')}`);
  process.exitCode = 1;
} finally {
  await api.stop();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  await mongo.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
