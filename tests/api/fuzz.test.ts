// A bounded fuzz run in every `npm test`: ~500 generated requests across every operation of
// the schema (seeded, so a failure reproduces), through real HTTP, with an admin key, a
// candidate key and none. `npm run fuzz` runs the same generator for longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/api/graphql/schema.js';
import { FuzzGenerator } from '../../bench/fuzz/fuzz-cases.js';
import { buildFuzzWorld, formatSummary, runFuzz } from '../../bench/fuzz/fuzz-run.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';

const COUNT = 500;
const SEED = 20_261_201;

describe('fuzz (bounded)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it(`${COUNT} generated requests: no 5xx, no INTERNAL_SERVER_ERROR, refused mutations write nothing`, async () => {
    const { world, candidateKey } = await buildFuzzWorld(t.url, ADMIN_KEY);
    const generator = new FuzzGenerator(await createSchema(), world, SEED);
    const target = { url: t.url, connection: t.app.connection, keys: { admin: ADMIN_KEY, candidate: candidateKey, anonymous: null } };
    const summary = await runFuzz(target, generator, COUNT);
    if (process.env.FUZZ_VERBOSE) console.log(formatSummary(summary, generator.operations()));
    expect(summary.failures, formatSummary(summary, generator.operations())).toEqual([]);
    expect(summary.total).toBe(COUNT);
    // Every operation was exercised, and the run was not all refusals: some requests got through.
    for (const op of generator.operations()) expect(summary.byOperation[op]?.sent, op).toBeGreaterThan(0);
    expect(summary.byCode.OK).toBeGreaterThan(COUNT / 10);
    expect(summary.byCode.BAD_USER_INPUT).toBeGreaterThan(COUNT / 10);
  }, 120_000);
});
