// The durable queue of index changes, in MongoDB. One entry per document (`_id` =
// "<entity>:<id>"), so repeated writes to a document coalesce and every look-up is by `_id`
// (the only filter FerretDB's SQLite backend serves from an index).
import { Schema, type Connection, type Model } from 'mongoose';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import { isDuplicateKeyError } from '../../shared/mongo/duplicate-key.js';

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
}

/** Parked entries wait here: far beyond any real retry time, so `due` never returns them. */
const PARKED_UNTIL = new Date('9999-01-01T00:00:00.000Z');

/** Who holds a lease: enough to tell, on the same host, whether the holder still runs. */
export interface LeaseHolder {
  instance: string;
  pid: number;
  hostname: string;
  startedAt: Date;
}

export interface LeaseRecord {
  _id: string;
  owner: string;
  leaseUntil: Date;
  /** Absent on leases written before holders were recorded. */
  holder?: LeaseHolder;
}

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
  },
  { collection: 'search_outbox', versionKey: false },
);
entrySchema.index({ nextAttemptAt: 1 });

const leaseSchema = new Schema<LeaseRecord>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    holder: { type: { instance: String, pid: Number, hostname: String, startedAt: Date }, _id: false, required: false },
  },
  { collection: 'search_leases', versionKey: false },
);

export class OutboxRepository {
  private readonly entries: Model<OutboxEntry>;
  private readonly leases: Model<LeaseRecord>;

  constructor(conn: Connection) {
    this.entries = (conn.models.SearchOutbox as Model<OutboxEntry>) ?? conn.model('SearchOutbox', entrySchema);
    this.leases = (conn.models.SearchLease as Model<LeaseRecord>) ?? conn.model('SearchLease', leaseSchema);
  }

  async ensureIndexes(): Promise<void> {
    await this.entries.createIndexes();
  }

  /** `inFlight`: recorded before its MongoDB write (IndexChangeSink.record); false after it or without one. */
  async bump(entity: IndexedEntity, entityIds: readonly string[], now: Date, inFlight = false): Promise<void> {
    if (entityIds.length === 0) return;
    await this.entries.bulkWrite(
      entityIds.map((entityId) => ({
        updateOne: {
          filter: { _id: `${entity}:${entityId}` },
          update: {
            $inc: { seq: 1 },
            // A new write may have fixed what the engine refused: it unparks the entry.
            $set: { entity, entityId, nextAttemptAt: now, recordedAt: now, inFlight, parkedAt: null },
            $setOnInsert: { attempts: 0, enqueuedAt: now, lastError: null },
          },
          upsert: true,
        },
      })),
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
  async retire(entry: Pick<OutboxEntry, '_id' | 'seq'>): Promise<void> {
    await this.entries.deleteOne({ _id: entry._id, seq: entry.seq });
  }

  /** retire() for a whole batch in one round trip. */
  async retireAll(entries: readonly Pick<OutboxEntry, '_id' | 'seq'>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.entries.bulkWrite(
      entries.map((e) => ({ deleteOne: { filter: { _id: e._id, seq: e.seq } } })),
      { ordered: false },
    );
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

  /**
   * Claims the named lease for `owner` until `until` if it is free, expired or already ours.
   * Works across processes: the lease is one document and the claim one atomic write.
   */
  async claimLease(name: string, owner: string, now: Date, until: Date, holder?: LeaseHolder): Promise<boolean> {
    try {
      const res = await this.leases.findOneAndUpdate(
        { _id: name, $or: [{ leaseUntil: { $lt: now } }, { owner }] },
        { $set: holder ? { owner, leaseUntil: until, holder } : { owner, leaseUntil: until } },
        { upsert: true, returnDocument: 'after' },
      );
      return res?.owner === owner;
    } catch (err) {
      // The upsert collides with a live lease held by someone else.
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Frees the lease if `owner` still holds it; true when it did. */
  async releaseLease(name: string, owner: string): Promise<boolean> {
    return (await this.leases.deleteOne({ _id: name, owner })).deletedCount === 1;
  }

  async lease(name: string): Promise<LeaseRecord | null> {
    return this.leases.findById(name).lean<LeaseRecord>();
  }
}
