// The durable queue of index changes, in MongoDB. One entry per document (`_id` =
// "<entity>:<id>"), so repeated writes to a document coalesce and every look-up is by `_id`
// (the only filter FerretDB's SQLite backend serves from an index).
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import { isDuplicateKeyError } from '../../shared/mongo/duplicate-key.js';
import { updateByIdOp } from '../../shared/mongo/update-by-id.js';
import { LeaseRepository } from './lease.repository.js';

export interface OutboxEntry {
  _id: string;
  entity: IndexedEntity;
  entityId: string;
  /** Bumped by every record/committed; an entry is retired only at the seq it was read with. */
  seq: number;
  attempts: number;
  nextAttemptAt: Date;
  enqueuedAt: Date;
  /**
   * When a write last recorded this entry (absent on entries written before it existed: read
   * as enqueuedAt). A young entry whose document is missing may be a create still in flight.
   */
  recordedAt?: Date;
  /**
   * True when the last record was a before-write one whose after-write step has not run yet:
   * only then can a missing document be a create in flight (in-flight.ts). Absent: false.
   */
  inFlight?: boolean;
  lastError: string | null;
  /**
   * Set when the engine refused the document permanently (a bug, not an outage): the entry
   * is kept, with the error, but no longer retried until the document is written again.
   * Absent on entries written before parking existed; reads treat absent as null.
   */
  parkedAt?: Date | null;
  /** Who bumped the entry last (bumpTagged), so a bulk writer retires only entries still its own. */
  bumpToken?: string | null;
  /**
   * A batch entry (a feed's bulk write): the documents it stands for; `entityId` is then the
   * batch's own id. One entry per batch, because FerretDB's SQLite backend updates and deletes
   * entries one scan each: 1,000 per-document entries cost ~40 s to bump and retire (measured).
   */
  entityIds?: string[] | null;
}

/** The documents an entry stands for: its own, or a batch's. */
export function entryDocumentIds(e: Pick<OutboxEntry, 'entityId' | 'entityIds'>): string[] {
  return e.entityIds && e.entityIds.length > 0 ? e.entityIds : [e.entityId];
}

/** What retire needs: the entry's id and the seq it was read at (and, for the journal, what it stands for). */
export type RetiredEntry = Pick<OutboxEntry, '_id' | 'seq'> & Partial<Pick<OutboxEntry, 'entity' | 'entityIds'>>;

export type BatchTicket = Pick<OutboxEntry, '_id' | 'seq' | 'entity' | 'entityId' | 'entityIds'>;

/** A batch entry's writer has this long to pass it on itself before the drain does. */
const BATCH_GRACE_MS = 30_000;

/** Entries per retireAll command. */
const RETIRE_CHUNK = 1_000;

/** Parked entries wait here: far beyond any real retry time, so `due` never returns them. */
const PARKED_UNTIL = new Date('9999-01-01T00:00:00.000Z');

const entrySchema = new Schema<OutboxEntry>(
  {
    _id: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    seq: { type: Number, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    enqueuedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: false },
    inFlight: { type: Boolean, required: false },
    lastError: { type: String, default: null },
    parkedAt: { type: Date, default: null },
    bumpToken: { type: String, default: null },
    entityIds: { type: [String], default: undefined },
  },
  { collection: 'search_outbox', versionKey: false },
);
entrySchema.index({ nextAttemptAt: 1 });

export class OutboxRepository {
  private readonly entries: Model<OutboxEntry>;
  /** The drain's lease (drain-lease.ts) lives beside the queue it guards. */
  readonly leases: LeaseRepository;

  constructor(conn: Connection) {
    this.entries = (conn.models.SearchOutbox as Model<OutboxEntry>) ?? conn.model('SearchOutbox', entrySchema);
    this.leases = new LeaseRepository(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.entries.createIndexes();
  }

  /** `inFlight`: recorded before its MongoDB write (IndexChangeSink.record); false after it or without one. */
  async bump(entity: IndexedEntity, entityIds: readonly string[], now: Date, inFlight = false): Promise<void> {
    if (entityIds.length === 0) return;
    await this.entries.bulkWrite(
      // By `_id` as multi statements: hundreds of updateOne of existing entries stall FerretDB v1 (update-by-id.ts).
      entityIds.map((entityId) =>
        updateByIdOp(`${entity}:${entityId}`, {
          $inc: { seq: 1 },
          // A new write may have fixed what the engine refused: it unparks the entry.
          $set: { entity, entityId, nextAttemptAt: now, recordedAt: now, inFlight, parkedAt: null },
          $setOnInsert: { attempts: 0, enqueuedAt: now, lastError: null },
        }, true),
      ),
      { ordered: false },
    );
  }

  /**
   * Like `bump` after a write, one entry at a time, returning each entry's new sequence number, so a caller
   * that has passed the change on itself can retire exactly that entry (and no later one).
   */
  async bumpEach(entity: IndexedEntity, entityIds: readonly string[], now: Date): Promise<Pick<OutboxEntry, '_id' | 'seq'>[]> {
    return Promise.all(
      entityIds.map(async (entityId) => {
        const _id = `${entity}:${entityId}`;
        const run = () =>
          this.entries
            .findOneAndUpdate(
              { _id },
              {
                $inc: { seq: 1 },
                $set: { entity, entityId, nextAttemptAt: now, recordedAt: now, inFlight: false, parkedAt: null },
                $setOnInsert: { attempts: 0, enqueuedAt: now, lastError: null },
              },
              // No projection: FerretDB v1's findAndModify does not implement `fields`.
              { upsert: true, returnDocument: 'after' },
            )
            .lean<Pick<OutboxEntry, '_id' | 'seq'>>();
        // Two first writers of one entry: the loser's insert collides; the entry exists now.
        const doc = await run().catch((err: unknown) => (isDuplicateKeyError(err) ? run() : Promise.reject(err)));
        return { _id, seq: doc!.seq };
      }),
    );
  }

  /**
   * `bump` for a batch (a feed's bulk write) in a few commands instead of one per entry: one
   * updateMany for the entries that exist, one insertMany for the others (an update or upsert
   * by _id scans the whole collection on FerretDB's SQLite backend, so 1,000 single bumps of
   * a 1,000-entry outbox took ~20 s, measured). Each entry gets `bumpToken`.
   */
  async bumpBulk(entity: IndexedEntity, entityIds: readonly string[], now: Date, bumpToken: string | null = null): Promise<void> {
    if (entityIds.length === 0) return;
    const keys = entityIds.map((id) => `${entity}:${id}`);
    const set = { nextAttemptAt: now, parkedAt: null, bumpToken };
    const updated = await this.entries.updateMany({ _id: { $in: keys } }, { $inc: { seq: 1 }, $set: set });
    if (updated.matchedCount === keys.length) return;
    const present = new Set((await this.byIds(entity, entityIds)).map((e) => e._id));
    const missing = entityIds.filter((id) => !present.has(`${entity}:${id}`));
    try {
      await this.entries.insertMany(
        missing.map((entityId) => ({ _id: `${entity}:${entityId}`, entity, entityId, seq: 1, attempts: 0, enqueuedAt: now, lastError: null, ...set })),
        { ordered: false },
      );
    } catch (err) {
      // Another writer inserted some of them meanwhile: bump those one by one.
      const failed = (err as { writeErrors?: { index: number }[] }).writeErrors;
      if (!failed) throw err;
      await this.bump(entity, failed.map((w) => missing[w.index]), now);
    }
  }

  /**
   * bumpBulk, returning the entries (with their new sequence numbers) that no one bumped again
   * since: each bulk bump writes its own token, so an entry another writer touched meanwhile
   * carries that writer's token and is not returned (that writer retires it, or the drain).
   */
  async bumpTagged(entity: IndexedEntity, entityIds: readonly string[], now: Date): Promise<Pick<OutboxEntry, '_id' | 'seq'>[]> {
    if (entityIds.length === 0) return [];
    const bumpToken = randomUUID();
    await this.bumpBulk(entity, entityIds, now, bumpToken);
    const rows = await this.byIds(entity, entityIds);
    return rows.filter((r) => r.bumpToken === bumpToken).map((r) => ({ _id: r._id, seq: r.seq }));
  }

  /**
   * One entry for a whole batch of documents (see `entityIds`). Due only after `graceMs`: the
   * writer retires or bumps it itself right after its write, so the drain takes it only when
   * the writer died in between (and does not read 1,000 documents while they are written).
   */
  async recordBatch(entity: IndexedEntity, entityIds: readonly string[], now: Date, graceMs = BATCH_GRACE_MS): Promise<BatchTicket> {
    const batchId = `batch-${randomUUID()}`;
    const nextAttemptAt = new Date(now.getTime() + graceMs);
    const entry = { _id: `${entity}:${batchId}`, entity, entityId: batchId, entityIds: [...entityIds], seq: 1, attempts: 0, nextAttemptAt, enqueuedAt: now, lastError: null, parkedAt: null };
    await this.entries.create(entry);
    return entry;
  }

  /**
   * After the batch's write: a newer sequence number, so a drainer that read the entry before
   * the write cannot retire it. Null when a drain retired it meanwhile (record it anew then).
   */
  async bumpBatch(ticket: BatchTicket, now: Date): Promise<BatchTicket | null> {
    // No upsert: a batch entry that is gone must be recorded again with its ids, not as a bare id.
    const doc = await this.entries
      .findOneAndUpdate({ _id: ticket._id }, { $inc: { seq: 1 }, $set: { nextAttemptAt: now, parkedAt: null } }, { returnDocument: 'after' })
      .lean<OutboxEntry>();
    return doc ? { ...ticket, seq: doc.seq } : null;
  }

  /** The entries of these documents that are still queued (one query). */
  async byIds(entity: IndexedEntity, entityIds: readonly string[]): Promise<OutboxEntry[]> {
    if (entityIds.length === 0) return [];
    return this.entries.find({ _id: { $in: entityIds.map((id) => `${entity}:${id}`) } }).lean<OutboxEntry[]>();
  }

  /** Entries due now, oldest first. The outbox is short in steady state, so a scan is cheap. */
  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    return this.entries.find({ nextAttemptAt: { $lte: now } }).sort({ enqueuedAt: 1, _id: 1 }).limit(limit).lean<OutboxEntry[]>();
  }

  /** Entries still to be applied (parked ones are not: they wait for a fix, not for the engine). */
  async pendingCount(): Promise<number> {
    return (await this.entries.countDocuments({})) - (await this.parkedCount());
  }

  async parkedCount(): Promise<number> {
    return this.entries.countDocuments({ nextAttemptAt: PARKED_UNTIL });
  }

  /** Parked entries, longest parked first. */
  async parked(limit: number): Promise<OutboxEntry[]> {
    return this.entries.find({ nextAttemptAt: PARKED_UNTIL }).sort({ parkedAt: 1, _id: 1 }).limit(limit).lean<OutboxEntry[]>();
  }

  /** When the oldest change still to apply was recorded (null: none; parked ones not counted), for /metrics. */
  async oldestEnqueuedAt(): Promise<Date | null> {
    const oldest = await this.entries.findOne({ nextAttemptAt: { $lt: PARKED_UNTIL } }, { enqueuedAt: 1 }).sort({ enqueuedAt: 1 }).lean<Pick<OutboxEntry, 'enqueuedAt'>>();
    return oldest?.enqueuedAt ?? null;
  }

  /** Removes the entry only if nobody recorded a newer change since it was read. */
  async retire(entry: RetiredEntry): Promise<void> {
    await this.entries.deleteOne({ _id: entry._id, seq: entry.seq });
  }

  /**
   * retire() for a whole batch in one command: one deleteMany over an $or of (_id, seq), which
   * MongoDB serves from the _id index per branch and FerretDB with one scan (a deleteOne each
   * would scan once per entry there).
   */
  async retireAll(entries: readonly RetiredEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += RETIRE_CHUNK) {
      const chunk = entries.slice(i, i + RETIRE_CHUNK);
      await this.entries.deleteMany({ $or: chunk.map((e) => ({ _id: e._id, seq: e.seq })) });
    }
  }

  /**
   * Looks at the entry again at `at` (no attempt counted, no error): unless someone recorded a
   * newer change since it was read, which is then due as recorded.
   */
  async recheckAt(entry: Pick<OutboxEntry, '_id' | 'seq'>, at: Date): Promise<void> {
    await this.entries.updateOne({ _id: entry._id, seq: entry.seq }, { $set: { nextAttemptAt: at } });
  }

  async postpone(entry: OutboxEntry, retryAt: Date, error: string): Promise<void> {
    await this.entries.updateOne(
      { _id: entry._id },
      { $inc: { attempts: 1 }, $set: { nextAttemptAt: retryAt, lastError: error.slice(0, 500) } },
    );
  }

  /** Parks the entry unless someone recorded a newer change since it was read (that one is retried). */
  async park(entry: Pick<OutboxEntry, '_id' | 'seq'>, at: Date, error: string): Promise<void> {
    await this.entries.updateOne(
      { _id: entry._id, seq: entry.seq },
      { $inc: { attempts: 1 }, $set: { nextAttemptAt: PARKED_UNTIL, parkedAt: at, lastError: error.slice(0, 500) } },
    );
  }
}
