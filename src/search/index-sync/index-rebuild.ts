// The full rebuild of a search index from MongoDB (`npm run reindex`, the embedded engine's
// first start, a worker pool that lost every replica): every posting and candidate streamed in
// batches into an emptied engine, a few batches in flight. Apart from the index sync's outbox
// and change-log work, which it shares nothing with but the change follower's starting point.
import type { Clock } from '../../shared/clock.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { SearchEngine } from '../search-engine.js';
import type { SearchDocumentSource } from './document-source.js';
import type { ChangeFollower } from './change-follower.js';
import { memoryMark } from '../../shared/memory-trace.js';

export interface ReindexProgress {
  entity: IndexedEntity;
  done: number;
  total: number;
}

/** Meilisearch: one task per batch, several of them auto-batched into one indexing run. */
const BATCH = 5_000;
/**
 * The embedded engine (pooled or in this thread): small batches, each gone before the young
 * generation is next collected. With 5,000 every batch outlived a few scavenges and was promoted,
 * and the main thread's old space grew to ~4x its live size between full collections (~400 MiB
 * at 100,000 + 100,000: the cold build's peak RSS was 1,070-1,146 MiB, README "Performance").
 * The cursor reads the same batches: reading 5,000 per round trip and sending 500 measured
 * ~150 MiB worse (the decoded round trip is promoted in its turn) and no faster.
 */
export const EMBEDDED_BATCH = 500;

export interface IndexRebuildOptions {
  /** Documents per batch (REINDEX_BATCH_SIZE); default BATCH, or EMBEDDED_BATCH for the embedded engine. */
  batchSize?: number;
  /** Batches sent before the oldest must have been indexed. */
  inFlight?: number;
}

export class IndexRebuild {
  private readonly batchSize: number;
  private readonly inFlight: number;

  constructor(
    private readonly documents: SearchDocumentSource,
    private readonly engine: SearchEngine,
    private readonly clock: Clock,
    /** The embedded engine's change-log follower, when there is one. */
    private readonly follower: ChangeFollower | null,
    options: IndexRebuildOptions = {},
  ) {
    this.batchSize = options.batchSize ?? (engine.kind === 'embedded' ? EMBEDDED_BATCH : BATCH);
    // Six queued tasks let Meilisearch auto-batch several of them into one indexing run.
    this.inFlight = options.inFlight ?? 6;
  }

  /**
   * Rebuilds the engine's indexes from MongoDB, streaming in batches (never all in memory).
   * Returns the number of documents indexed.
   */
  async run(onProgress: (p: ReindexProgress) => void = () => undefined, batchSize = this.batchSize): Promise<number> {
    // Before reading MongoDB: a write that lands while the rebuild streams is applied after it.
    this.follower?.startFrom(Date.now());
    await this.engine.reset();
    const today = this.clock.today();

    // One collection after the other: streaming both at once read ~20% faster from FerretDB
    // but raised the API's peak memory by ~450 MiB at 100,000 + 100,000 documents. Within a
    // collection a few batches are in flight: the engine (Meilisearch, or a pooled engine's
    // workers) indexes one while the next is read.
    memoryMark('rebuild: postings');
    const postingTotal = await this.documents.postingCount();
    const postings = await pipelined(this.documents.postingBatches(batchSize), (b) => this.engine.upsertPostings(b), this.inFlight, (done) =>
      onProgress({ entity: 'posting', done, total: postingTotal }),
    );
    memoryMark('rebuild: candidates');
    const candidateTotal = await this.documents.candidateCount();
    const candidates = await pipelined(
      this.documents.candidateBatches(batchSize, today),
      (b) => this.engine.upsertCandidates(b),
      this.inFlight,
      (done) => onProgress({ entity: 'candidate', done, total: candidateTotal }),
    );
    memoryMark('rebuild: done');
    return postings + candidates;
  }
}

/**
 * Feeds `batches` to `write` with up to `inFlight` writes outstanding, so the engine indexes
 * one batch while the next is read from MongoDB and sent; completion order is reported in
 * batch order. Used by the rebuild (`npm run reindex`). The next batch is read while older
 * writes are awaited (one batch ahead), so a freed slot is filled at once instead of after a
 * MongoDB read: otherwise Meilisearch could finish its queued tasks and wait for the reader.
 */
export async function pipelined<T>(
  batches: AsyncIterable<T[]>,
  write: (batch: T[]) => Promise<void>,
  inFlight: number,
  onDone: (count: number) => void,
): Promise<number> {
  const pending: { done: Promise<void>; size: number }[] = [];
  let total = 0;
  const settleOldest = async () => {
    const oldest = pending.shift()!;
    await oldest.done;
    total += oldest.size;
    onDone(total);
  };
  const source = batches[Symbol.asyncIterator]();
  let next = source.next();
  try {
    for (let read = await next; !read.done; read = await next) {
      next = source.next();
      // A failed read ahead is re-thrown when awaited, never unhandled meanwhile.
      next.catch(() => undefined);
      const batch = read.value;
      if (batch.length === 0) continue;
      const done = write(batch);
      // Never an unhandled rejection while older writes are awaited; re-thrown when settled.
      done.catch(() => undefined);
      pending.push({ done, size: batch.length });
      while (pending.length >= Math.max(1, inFlight)) await settleOldest();
    }
    while (pending.length > 0) await settleOldest();
  } finally {
    await Promise.allSettled([...pending.map((p) => p.done), next]);
    await source.return?.();
  }
  return total;
}
