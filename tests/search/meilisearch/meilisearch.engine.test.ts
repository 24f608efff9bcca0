// The contract against a real Meilisearch. No server can run on the build machines, so without
// MEILI_HOST this file reports its suite as SKIPPED (never as passed).
import { afterAll, describe } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { runSearchEngineContract } from '../search-engine.contract.js';

const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY;
// Unique per run, so parallel runs against one server never see each other's documents.
const indexPrefix = `contract_${process.pid}_${Date.now()}_`;

describe.skipIf(!host)(host ? `Meilisearch contract (${host})` : 'Meilisearch contract (skipped: MEILI_HOST not set)', () => {
  runSearchEngineContract('meilisearch', async () => new MeilisearchEngine({ host: host!, apiKey, indexPrefix, requestTimeoutMs: 10_000 }));

  afterAll(async () => {
    const client = new Meilisearch({ host: host!, apiKey });
    for (const uid of [`${indexPrefix}postings`, `${indexPrefix}candidates`]) await client.deleteIndexIfExists(uid);
  });
});
