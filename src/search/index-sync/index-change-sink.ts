import type { Types } from 'mongoose';

export type IndexedEntity = 'posting' | 'candidate';

/**
 * What a service tells the index about a write. `record` is called BEFORE the MongoDB write
 * and stores a durable outbox entry; the drainer always indexes the document's current state
 * in MongoDB, so an entry whose write then failed is harmless, and a write that succeeded
 * can never be missing from the outbox (no transactions needed, which FerretDB v1 lacks).
 */
export interface IndexChangeSink {
  record(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void>;
  /** Asks the drainer to run now rather than at its next poll. */
  flushSoon(): void;
}

export const noIndexing: IndexChangeSink = {
  record: async () => undefined,
  flushSoon: () => undefined,
};
