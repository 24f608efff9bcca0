// `npm run fuzz [-- --count N] [-- --seed S]`: the schema-driven fuzz of tests/api/fuzz.test.ts
// for longer (10,000 requests by default), against an app started here on a throwaway local
// database. Prints a summary per operation and the first failures; exits 1 if any.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createSchema } from '../src/api/graphql/schema.js';
import { FuzzGenerator } from './fuzz/fuzz-cases.js';
import { buildFuzzWorld, formatSummary, runFuzz } from './fuzz/fuzz-run.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '20261201' } } });
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--count N] [--seed S]\n');
  process.exit(2);
}

const ADMIN_KEY = 'fuzz-admin-key-0123456789';
const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-fuzz-'));
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'development',
  PORT: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  DATA_DIR: dataDir,
  MONGODB_DB: `fuzz_${Date.now()}`,
  ADMIN_API_KEY: ADMIN_KEY,
  RATE_LIMIT_BURST: '1000000',
});
const app = await createApp(config);
let failed = false;
try {
  const url = await app.listen();
  process.stdout.write(`Fuzzing ${url} with ${count} requests (seed ${seed}) against ${app.mongoServer}\n`);
  const { world, candidateKey } = await buildFuzzWorld(url, ADMIN_KEY);
  const generator = new FuzzGenerator(await createSchema(), world, seed);
  const t0 = performance.now();
  const summary = await runFuzz(
    { url, connection: app.connection, keys: { admin: ADMIN_KEY, candidate: candidateKey, anonymous: null } },
    generator,
    count,
    (done) => {
      if (done % 1000 === 0) process.stdout.write(`  ${done} / ${count}\n`);
    },
  );
  process.stdout.write(`${formatSummary(summary, generator.operations())}\n`);
  process.stdout.write(`  ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  failed = summary.failures.length > 0;
} finally {
  await app.connection.dropDatabase().catch(() => undefined);
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
