// Keeps the search index derived from MongoDB: drains the outbox into the engine (retrying
// with back-off while the engine is down, nothing lost; parking what the engine refuses
// permanently), and rebuilds an index from MongoDB (index-rebuild.ts).
// Draining is claimed with a short lease in MongoDB (drain-lease.ts), so with several API
// instances only one drains at a time and each document's updates reach the engine in order.
// With the embedded engine every instance holds its own index, so draining into "the" engine
// cannot work: there, every write is appended to the index change log, which each instance
// follows (change-follower.ts), and the drain only passes on outbox entries that never reached
// the log (a process that died between its write and the append).
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { SearchEngine } from '../search-engine.js';
import type { Principal } from '../../auth/principal.js';
import type { IndexBatchTicket, IndexChangeSink, IndexedEntity, WrittenBatch } from '../../shared/index-change-sink.js';
import type { SearchDocumentSource } from './document-source.js';
import { entryDocumentIds, type BatchTicket, type OutboxRepository } from './outbox.repository.js';
import { DEFAULT_INDEX_BATCH_SIZE, OutboxBatchApplier } from './outbox-batches.js';
import type { ChangeLogRepository } from './change-log.repository.js';
import type { ChangeFollower } from './change-follower.js';
import { ChangeLogSync } from './change-log-sync.js';
import { DrainLease } from './drain-lease.js';
import { CoalescingRunner } from '../../shared/coalescing-runner.js';
import type { IndexApplyListener, IndexChangeRecorder } from './apply-listener.js';
import { IndexRebuild, type ReindexProgress } from './index-rebuild.js';
import { MAX_PARKED_LISTED, parkedUpdates, type ParkedIndexUpdate } from './parked-updates.js';

const LEASE = 'search-outbox-drainer';
const BATCH = 500;
const MAX_REFRESH_ROUNDS = 400;
/** How long a mutation waits for its own change to reach the index before answering. */
const COMMIT_WAIT_MS = 750;
/** From this many ids on, record() bumps the outbox in bulk. */
const BULK_RECORD_MIN = 20;
/** applyNow: how long to wait for a drain lease another instance holds. */
const APPLY_NOW_MAX_MS = 3_000;

export interface IndexSyncOptions {
  /** Outbox entries per drained batch: one engine task per index and kind (INDEX_BATCH_SIZE). */
  batchSize?: number;
  /** Documents per batch of a rebuild (REINDEX_BATCH_SIZE). */
  reindexBatchSize?: number;
  /** Rebuild batches sent before the oldest must have been indexed. */
  reindexInFlight?: number;
}

export class IndexSyncService implements IndexChangeSink {
  private readonly owner = randomUUID();
  private readonly runner = new CoalescingRunner(() => this.drainOnce());
  private timer: NodeJS.Timeout | null = null;
  private refreshedOn: string | null = null;
  private readonly applier: OutboxBatchApplier;
  private readonly batchSize: number;
  private readonly rebuild: IndexRebuild;
  /** > 0 while bulk loads run: their writes are queued and drained in big batches. */
  private bulkLoads = 0;
  private readonly lease: DrainLease;
  /** Embedded engine only: the change log, and its follower into this instance's own index. */
  private readonly logSync: ChangeLogSync | null;
  private readonly follower: ChangeFollower | null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly documents: SearchDocumentSource,
    private readonly engine: SearchEngine,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Given with an engine each instance holds for itself (the embedded one). */
    changeLog?: ChangeLogRepository,
    options: IndexSyncOptions = {},
  ) {
    this.applier = new OutboxBatchApplier(outbox, documents, engine, clock, logger);
    this.batchSize = options.batchSize ?? DEFAULT_INDEX_BATCH_SIZE;
    this.lease = new DrainLease(outbox, LEASE, this.owner, logger);
    const local = {
      index: (entity: IndexedEntity, ids: Types.ObjectId[], written?: ReadonlyMap<string, unknown>) =>
        entity === 'posting' ? this.applier.indexPostings(ids, false, written) : this.applier.indexCandidates(ids),
      missing: (entity: IndexedEntity, ids: Types.ObjectId[]) => this.applier.missing(entity, ids),
      rebuild: () => this.reindex().then(() => undefined),
    };
    // Recorders hear of a change where it goes into the log (once), not where each follower applies it.
    this.logSync = changeLog ? new ChangeLogSync(outbox, changeLog, clock, logger, local, (entity, ids) => this.applier.record(entity, ids)) : null;
    this.follower = this.logSync?.follower ?? null;
    this.rebuild = new IndexRebuild(documents, engine, clock, this.follower, { batchSize: options.reindexBatchSize, inFlight: options.reindexInFlight });
  }

  /** Told of every batch of documents applied to this instance's engine (apply-listener.ts). */
  addApplyListener(listener: IndexApplyListener): void {
    this.applier.addListener(listener);
  }

  /** Told durably, once per change, before the change's outbox entry is retired (apply-listener.ts). */
  addChangeRecorder(recorder: IndexChangeRecorder): void {
    this.applier.addRecorder(recorder);
  }

  /**
   * Runs a bulk load (seeding, imports): its writes are recorded in the outbox without waiting
   * for the index, and drained in the background in batches of up to `batchSize` documents
   * (one engine task each) instead of one task per write; the last batch is drained before
   * this resolves.
   */
  async bulk<T>(work: () => Promise<T>): Promise<T> {
    this.bulkLoads++;
    try {
      return await work();
    } finally {
      this.bulkLoads--;
      await this.drain().catch((err: Error) => this.logger.warn(`Index update deferred to the outbox poll: ${err.message}`));
    }
  }

  /** Before a write: its entry is in flight until the after-write step (in-flight.ts). */
  async record(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void> {
    const hex = ids.map((id) => id.toHexString());
    // A feed's batch: a few commands for all of it (outbox.repository.ts, bumpBulk).
    if (hex.length > BULK_RECORD_MIN) await this.outbox.bumpBulk(entity, hex, this.clock.now());
    else await this.outbox.bump(entity, hex, this.clock.now(), true);
  }

  /** Queues documents whose MongoDB state is settled (after a write, or re-indexing with none). */
  private async queue(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void> {
    await this.outbox.bump(entity, ids.map((id) => id.toHexString()), this.clock.now(), false);
  }

  async committed(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void> {
    try {
      if (this.logSync) {
        await this.logSync.publish(entity, ids);
        await Promise.race([this.logSync.follower.poll(), new Promise((r) => setTimeout(r, COMMIT_WAIT_MS).unref())]);
        return;
      }
      await this.queue(entity, ids);
      if (this.bulkLoads > 0) {
        void this.drain().catch(() => undefined);
        return;
      }
      const drained = this.drain();
      await Promise.race([drained, new Promise((r) => setTimeout(r, COMMIT_WAIT_MS).unref())]);
    } catch (err) {
      this.logger.warn(`Index update deferred to the outbox poll: ${(err as Error).message}`);
    }
  }

  /**
   * For erasure (DESIGN §9): the change recorded before the write is applied before this
   * returns, not within COMMIT_WAIT_MS. True when the index has it; false when the engine
   * could not take it (then it stays queued durably: the outbox entry, or the change log, and
   * the drainer indexes the document's current MongoDB state, so a deleted document can never
   * come back from a late update). Bounded: another instance holding the drain lease gets
   * APPLY_NOW_MAX_MS to take the entry.
   */
  async applyNow(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<boolean> {
    const hex = ids.map((id) => id.toHexString());
    try {
      if (this.logSync) {
        await this.logSync.publish(entity, ids);
        await this.logSync.follower.poll();
        return hex.every((id) => !this.logSync!.follower.waiting(entity, id));
      }
      // After the caller's write: settled, not in flight (a deletion's entry must not wait out the grace).
      await this.queue(entity, ids);
      const deadline = Date.now() + APPLY_NOW_MAX_MS;
      for (;;) {
        await this.drain();
        const left = await this.outbox.byIds(entity, hex);
        if (left.length === 0) return true;
        // Postponed by a failed drain (the engine is down): queued, retried by the poll.
        if (left.some((e) => e.attempts > 0 && e.nextAttemptAt.getTime() > this.clock.now().getTime()) || Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch (err) {
      this.logger.warn(`Index update deferred to the outbox poll: ${(err as Error).message}`);
      return false;
    }
  }

  async recordBatch(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<BatchTicket> {
    return this.outbox.recordBatch(entity, ids.map((id) => id.toHexString()), this.clock.now());
  }

  /** `written` is used with the embedded engine (the change log); the drain reads MongoDB. */
  async committedBatch(ticketArg: IndexBatchTicket, written?: WrittenBatch): Promise<void> {
    const ticket = ticketArg as BatchTicket;
    try {
      if (this.logSync) {
        // Handed documents are indexed by then; the others (read from MongoDB) come with a poll.
        if ((await this.logSync.publishBatch(ticket, written)) > 0) await Promise.race([this.logSync.follower.poll(), new Promise((r) => setTimeout(r, COMMIT_WAIT_MS).unref())]);
        return;
      }
      // Gone already: a drain took it, maybe having read the documents before the write.
      if (!(await this.outbox.bumpBatch(ticket, this.clock.now()))) await this.outbox.recordBatch(ticket.entity, entryDocumentIds(ticket), this.clock.now());
      if (this.bulkLoads > 0) {
        void this.drain().catch(() => undefined);
        return;
      }
      await Promise.race([this.drain(), new Promise((r) => setTimeout(r, COMMIT_WAIT_MS).unref())]);
    } catch (err) {
      this.logger.warn(`Index update deferred to the outbox poll: ${(err as Error).message}`);
    }
  }

  /** Queues every posting that uses `code` for re-indexing (its tokens depend on the catalog). */
  async stateSpecificChanged(code: string): Promise<void> {
    const ids = await this.documents.postingIdsUsingCode(code);
    for (let i = 0; i < ids.length; i += BATCH) await this.queue('posting', ids.slice(i, i + BATCH));
    await this.drain();
  }

  /**
   * Polls the outbox so entries postponed while the engine was down are retried, and once a
   * day queues candidates whose indexed experience anchor went stale.
   */
  start(pollMs: number, changeLogPollMs?: number): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), pollMs);
    this.timer.unref();
    this.follower?.start(changeLogPollMs);
  }

  private async tick(): Promise<void> {
    if (this.refreshedOn !== this.clock.today()) await this.refreshStaleCandidates();
    await this.drain();
  }

  /** Re-indexes candidates whose search document's experience anchor no longer covers today. */
  async refreshStaleCandidates(): Promise<number> {
    const today = this.clock.today();
    let queued = 0;
    // Bounded: a document that stayed stale after re-indexing must not loop forever.
    for (let round = 0; round < MAX_REFRESH_ROUNDS; round++) {
      const ids = await this.engine.staleCandidateIds(today, BATCH);
      if (ids.length === 0) break;
      await this.queue('candidate', ids.map((id) => new Types.ObjectId(id)));
      queued += ids.length;
      await this.drain();
      // A drain that could not reach the engine leaves them stale: try again on a later tick.
      if (ids.length < BATCH || (await this.outbox.pendingCount()) > 0) break;
    }
    this.refreshedOn = today;
    return queued;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.follower?.stop();
    await this.runner.idle();
    await this.lease.release().catch(() => undefined);
  }

  /** Outbox entries not yet applied, plus changes this instance heard of but could not index yet. */
  async pendingCount(): Promise<number> {
    return (await this.outbox.pendingCount()) + (this.follower?.backlog() ?? 0);
  }

  async parkedCount(): Promise<number> {
    return this.outbox.parkedCount();
  }

  /** Admins: the entries the engine refused permanently (parked-updates.ts). */
  parkedUpdates(actor: Principal, limit = MAX_PARKED_LISTED): Promise<ParkedIndexUpdate[]> {
    return parkedUpdates(this.outbox, actor, limit);
  }

  /** Index changes still to apply, the age of the oldest, and parked ones, for /metrics. */
  async outboxStats(): Promise<{ depth: number; oldestAgeSeconds: number; parked: number }> {
    const [depth, oldest, parked] = await Promise.all([this.outbox.pendingCount(), this.outbox.oldestEnqueuedAt(), this.outbox.parkedCount()]);
    return { depth, parked, oldestAgeSeconds: oldest ? Math.max(0, (this.clock.now().getTime() - oldest.getTime()) / 1000) : 0 };
  }

  /** Runs one drain at a time in this process; a request during a run triggers one more run. */
  drain(): Promise<void> {
    return this.runner.run();
  }

  private async drainOnce(): Promise<void> {
    await this.lease.whileHeld(async (held) => {
      while (held()) {
        const entries = await this.outbox.due(this.clock.now(), this.batchSize);
        if (entries.length === 0) return;
        const ok = this.logSync ? await this.logSync.passOn(entries) : await this.applier.apply(entries);
        if (!ok || entries.length < this.batchSize) return;
      }
    });
    // With or without the lease: this instance's own index catches up with the log.
    await this.follower?.poll();
  }

  /** Rebuilds the engine's indexes from MongoDB (index-rebuild.ts); returns the number of documents indexed. */
  reindex(onProgress?: (p: ReindexProgress) => void, batchSize?: number): Promise<number> {
    return this.rebuild.run(onProgress, batchSize);
  }
}
