import type { Types } from 'mongoose';

export type IndexedEntity = 'posting' | 'candidate';

/**
 * What a service tells the search index about a write, in two steps around the MongoDB write:
 * - `record` BEFORE the write: a durable outbox entry, so a write that succeeds can never be
 *   missing from the outbox, even if the process dies right after it (FerretDB v1 has no
 *   transactions to make both one write). An entry whose write then fails is harmless: the
 *   drainer always indexes the document's current state in MongoDB.
 * - `committed` AFTER the write: bumps the entry's sequence number, so a drainer that read
 *   the document before the write cannot retire the entry, and drains right away. It never
 *   throws: the write has succeeded and the recorded entry will be retried anyway.
 * - `stateSpecificChanged` after a catalog entry's `stateSpecific` flag flipped: search
 *   documents flatten a state-specific licence with the posting's state, so every posting
 *   that uses the code is queued for re-indexing.
 *
 * It lives in shared/ so producers (postings, candidates, qualifications) and the index sync
 * that implements it see it without a feature importing the search folder.
 */
export interface IndexChangeSink {
  record(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void>;
  committed(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void>;
  stateSpecificChanged(code: string): Promise<void>;
  /**
   * Instead of `committed`, for a deletion that must not linger (erasure): applies the change
   * before it returns. True when the index has it; false when it stays queued durably (engine
   * down). Never throws.
   */
  applyNow(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<boolean>;
  /**
   * `record` / `committed` for a bulk write (a feed): ONE outbox entry for the whole batch
   * instead of one per document, and one engine call for it. The ticket goes from the first
   * call to the second.
   */
  recordBatch(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<IndexBatchTicket>;
  /**
   * `written`: the batch's documents exactly as the writer stored them, so this instance's
   * index can take them without reading them back. Only a hint: the index still reads MongoDB
   * for any of them another write touched around this one (see change-follower.ts).
   */
  committedBatch(ticket: IndexBatchTicket, written?: WrittenBatch): Promise<void>;
}

/** What a bulk writer stored (see committedBatch). */
export interface WrittenBatch {
  /** The stored documents (records of the ticket's entity), each as it is in MongoDB now. */
  readonly records: readonly { readonly _id: Types.ObjectId }[];
  /** Wall-clock ms (Date.now) before the writer read the state it compared against. */
  readonly since: number;
}

/** Opaque to producers: what recordBatch returns and committedBatch takes. */
export interface IndexBatchTicket {
  readonly _id: string;
}

