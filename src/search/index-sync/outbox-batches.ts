// The apply step of the outbox drain: one batch of due entries becomes ONE engine write per
// index and kind (one Meilisearch task for the postings to upsert, one for those to delete,
// and the same for candidates), each awaited and checked by the engine adapter. Entries are
// retired only after every write of their batch succeeded. A batch the engine refuses
// permanently is retried entry by entry, so only the refused documents are parked.
import { Types } from 'mongoose';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { SearchEngine } from '../search-engine.js';
import { SearchRejectedError } from '../search-errors.js';
import type { SearchDocumentSource } from './document-source.js';
import { entryDocumentIds, type OutboxEntry, type OutboxRepository } from './outbox.repository.js';
import { keepInFlight, recheckTime } from './in-flight.js';
import type { IndexApplyListener, IndexChangeRecorder } from './apply-listener.js';
import { PhaseTimer } from '../../shared/phase-timer.js';

const MAX_BACKOFF_MS = 60_000;
/** Batches from this size on log their phases at debug level. */
const LOGGED_BATCH = 100;

/** Documents per drained batch (INDEX_BATCH_SIZE): one engine task per index and kind. */
export const DEFAULT_INDEX_BATCH_SIZE = 2_000;

export class OutboxBatchApplier {
  private readonly listeners: IndexApplyListener[] = [];
  private readonly recorders: IndexChangeRecorder[] = [];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly documents: SearchDocumentSource,
    private readonly engine: SearchEngine,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Told of every batch applied to the engine (after the write succeeded); its failures are logged, never the sync's. */
  addListener(listener: IndexApplyListener): void {
    this.listeners.push(listener);
  }

  /** Told durably of what the drain applies, before its entries are retired (apply-listener.ts). */
  addRecorder(recorder: IndexChangeRecorder): void {
    this.recorders.push(recorder);
  }

  /** Not caught: a failure fails the batch (or the after-write step), whose entries then stay in the outbox. */
  async record(entity: IndexedEntity, ids: readonly string[]): Promise<void> {
    for (const r of this.recorders) await r.changesPassedOn(entity, ids);
  }

  private async notify(call: (l: IndexApplyListener) => Promise<void>): Promise<void> {
    for (const l of this.listeners) await call(l).catch((err: Error) => this.logger.warn(`Index apply listener failed: ${err.message}`));
  }

  /** Indexes the current MongoDB state of each entry's document; false if the engine was unavailable. */
  async apply(entries: OutboxEntry[]): Promise<boolean> {
    let gone: Set<string>;
    try {
      gone = await this.index(entries);
    } catch (err) {
      if (err instanceof SearchRejectedError) return this.applyOneByOne(entries);
      await this.postpone(entries, err);
      return false;
    }
    // A young entry whose document is missing may be a create in flight (in-flight.ts).
    const { retire, keep } = keepInFlight(entries, gone, this.clock.now());
    await this.outbox.retireAll(retire);
    for (const e of keep) await this.outbox.recheckAt(e, recheckTime(e));
    return true;
  }

  private async applyOneByOne(entries: OutboxEntry[]): Promise<boolean> {
    for (const [i, e] of entries.entries()) {
      if (e.entityIds?.length) {
        // A refused batch: one entry per document instead, so only the refused ones get parked.
        await this.outbox.bumpBulk(e.entity, e.entityIds, this.clock.now());
        await this.outbox.retire(e);
        continue;
      }
      try {
        const gone = await this.index([e]);
        if (keepInFlight([e], gone, this.clock.now()).keep.length > 0) await this.outbox.recheckAt(e, recheckTime(e));
        else await this.outbox.retire(e);
      } catch (err) {
        if (!(err instanceof SearchRejectedError)) {
          await this.postpone(entries.slice(i), err);
          return false;
        }
        this.logger.error(`Search engine refused ${e._id}; parked, not retried until the ${e.entity} is written again: ${err.detail}`);
        await this.outbox.park(e, this.clock.now(), err.detail);
      }
    }
    return true;
  }

  /** Indexes the entries' documents; returns the outbox ids ("<entity>:<id>") whose document is gone. */
  private async index(entries: OutboxEntry[]): Promise<Set<string>> {
    const ids = (entity: IndexedEntity) => [...new Set(entries.filter((e) => e.entity === entity).flatMap(entryDocumentIds))].map((id) => new Types.ObjectId(id));
    const postings = ids('posting');
    const candidates = ids('candidate');
    const gone = new Set<string>();
    // The drain's own applies are recorded (once per change); a follower's are not (each instance applies every change).
    if (postings.length > 0) for (const id of await this.indexPostings(postings, true)) gone.add(`posting:${id}`);
    if (candidates.length > 0) for (const id of await this.indexCandidates(candidates, true)) gone.add(`candidate:${id}`);
    return gone;
  }

  /** The ids among `ids` whose document MongoDB no longer (or not yet) has. */
  async missing(entity: IndexedEntity, ids: Types.ObjectId[]): Promise<string[]> {
    const docs = entity === 'posting' ? await this.documents.postingDocuments(ids) : await this.documents.candidateDocuments(ids, this.clock.today());
    return ids.filter((_, i) => docs[i] === undefined).map((id) => id.toHexString());
  }

  private async postpone(entries: OutboxEntry[], err: unknown): Promise<void> {
    const message = (err as Error).message;
    this.logger.warn(`Search index update failed, will retry: ${message}`);
    for (const e of entries) {
      const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(e.attempts, 10));
      await this.outbox.postpone(e, new Date(this.clock.now().getTime() + backoff), message);
    }
  }

  /**
   * Upserts what MongoDB has (`written`: as handed over by its writer), deletes the rest;
   * returns the ids found gone. `recorded`: tell the change recorders (the outbox drain path).
   */
  async indexPostings(ids: Types.ObjectId[], recorded = false, written?: ReadonlyMap<string, unknown>): Promise<string[]> {
    const timer = new PhaseTimer();
    const docs = await this.documents.postingDocuments(ids, written);
    timer.lap('documents');
    const present = docs.filter((d) => d !== undefined);
    const gone = ids.filter((_, i) => docs[i] === undefined).map((id) => id.toHexString());
    if (present.length > 0) await this.engine.upsertPostings(present);
    if (gone.length > 0) await this.engine.deletePostings(gone);
    timer.lap('engine');
    if (recorded) await this.record('posting', ids.map((id) => id.toHexString()));
    await this.notify((l) => l.postingsApplied(present, gone));
    timer.lap('listeners');
    if (ids.length >= LOGGED_BATCH) timer.log(this.logger, 'indexPostings', { documents: ids.length, handed: written?.size ?? 0 });
    return gone;
  }

  async indexCandidates(ids: Types.ObjectId[], recorded = false): Promise<string[]> {
    const docs = await this.documents.candidateDocuments(ids, this.clock.today());
    const present = docs.filter((d) => d !== undefined);
    const gone = ids.filter((_, i) => docs[i] === undefined).map((id) => id.toHexString());
    if (present.length > 0) await this.engine.upsertCandidates(present);
    if (gone.length > 0) await this.engine.deleteCandidates(gone);
    if (recorded) await this.record('candidate', ids.map((id) => id.toHexString()));
    await this.notify((l) => l.candidatesApplied(present, gone));
    return gone;
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
