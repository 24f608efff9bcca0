// The rebuild's batch size follows the engine: big batches for Meilisearch (one task each,
// auto-batched), small ones for the embedded engine (its peak memory; index-rebuild.ts).
import { describe, expect, it } from 'vitest';
import { EMBEDDED_BATCH, IndexRebuild } from '../../../src/search/index-sync/index-rebuild.js';
import type { SearchDocumentSource } from '../../../src/search/index-sync/document-source.js';
import type { SearchEngine } from '../../../src/search/search-engine.js';
import { fixedClock } from '../../../src/shared/clock.js';

function recordingSource(asked: number[]): SearchDocumentSource {
  // No documents: only the batch size asked for matters here.
  const none = (batchSize: number): AsyncIterable<never[]> => {
    asked.push(batchSize);
    return (async function* () {})();
  };
  return { postingCount: async () => 0, candidateCount: async () => 0, postingBatches: none, candidateBatches: none } as unknown as SearchDocumentSource;
}

function engineOfKind(kind: SearchEngine['kind']): SearchEngine {
  return { kind, reset: async () => undefined } as unknown as SearchEngine;
}

describe('IndexRebuild batch size', () => {
  const clock = fixedClock('2026-01-15');

  it('reads in batches of EMBEDDED_BATCH for the embedded engine and 5,000 for Meilisearch', async () => {
    const embedded: number[] = [];
    const meili: number[] = [];
    await new IndexRebuild(recordingSource(embedded), engineOfKind('embedded'), clock, null).run();
    await new IndexRebuild(recordingSource(meili), engineOfKind('meilisearch'), clock, null).run();
    expect(EMBEDDED_BATCH).toBeLessThan(5_000);
    expect(embedded).toEqual([EMBEDDED_BATCH, EMBEDDED_BATCH]);
    expect(meili).toEqual([5_000, 5_000]);
  });

  it('uses REINDEX_BATCH_SIZE when it is set, whatever the engine', async () => {
    const asked: number[] = [];
    await new IndexRebuild(recordingSource(asked), engineOfKind('embedded'), clock, null, { batchSize: 2_000 }).run();
    expect(asked).toEqual([2_000, 2_000]);
  });
});
