// indexedVersions on Meilisearch: every stored document's id and version, read page by page
// with only those two fields (stand-in server).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeilisearchEngine } from '../../../src/search/meilisearch/meilisearch.engine.js';
import { FakeMeilisearch } from './fake-meilisearch.js';

describe('Meilisearch indexedVersions', () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    fake = new FakeMeilisearch();
    engine = new MeilisearchEngine({ host: await fake.start(), apiKey: 'k', indexPrefix: 't_', requestTimeoutMs: 2_000, taskTimeoutMs: 2_000 });
  });
  afterEach(async () => {
    await engine.close();
    await fake.stop();
  });

  it('pages through every document asking for id and version only; a document without a version reads 0', async () => {
    const docs = Array.from({ length: 2345 }, (_, i) => ({ id: `c${i}`, version: 1000 + i, skills: ['x'] }));
    docs[7] = { id: 'c7', skills: [] } as never;
    fake.documents.set('t_candidates', docs);
    const versions = await engine.indexedVersions('candidate');
    expect(versions).toHaveLength(2345);
    expect(versions[0]).toEqual(['c0', 1000]);
    expect(versions[7]).toEqual(['c7', 0]);
    expect(versions[2344]).toEqual(['c2344', 3344]);
    const reads = fake.requests.filter((r) => r.method === 'GET' && r.path === '/indexes/t_candidates/documents');
    expect(reads).toHaveLength(3);
    expect(reads.map((r) => new URLSearchParams(r.query).get('fields'))).toEqual(['id,version', 'id,version', 'id,version']);
    expect(await engine.indexedVersions('posting')).toEqual([]);
  });
});
