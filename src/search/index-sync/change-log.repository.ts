// The index change log: how every instance with the embedded engine (each holding its own
// index) hears of every write, since FerretDB v1 has no change streams. Writers append
// "<entity> <id> changed" after the MongoDB write; each instance follows the log with its own
// cursor and indexes the documents' current state (change-follower.ts).
//
// Layout: one document per second of wall-clock time (`_id` "s<unix seconds>"), holding the
// items appended in that second, in order ($push is atomic and only appends). Followers read
// buckets by `_id`, the one look-up FerretDB's SQLite backend serves from an index (a range
// or $in over `_id` scans the table: ~0.8 s at 20,000 documents, measured), and remember how
// many items of each bucket they have applied, so nothing is applied twice and a late writer
// (one that took its second before another writer's but committed after it) is still seen
// while its bucket is re-read.
import { Schema, type Connection, type Model, type mongo } from 'mongoose';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import { isDuplicateKeyError } from '../../shared/mongo/duplicate-key.js';

export interface ChangeItem {
  entity: IndexedEntity;
  entityId: string;
  /**
   * A bulk write's short token, when its writer handed the written documents to its own
   * instance's follower (change-follower.ts, `offer`); absent otherwise.
   */
  src?: string;
}

interface ChangeBucket {
  _id: string;
  /** The bucket's second, as a date (for trimming and the rare range read). */
  at: Date;
  items: ChangeItem[];
}

const itemSchema = new Schema<ChangeItem>(
  { entity: { type: String, required: true }, entityId: { type: String, required: true }, src: { type: String, required: false } },
  { _id: false },
);
const bucketSchema = new Schema<ChangeBucket>(
  { _id: { type: String, required: true }, at: { type: Date, required: true }, items: { type: [itemSchema], default: [] } },
  { collection: 'index_changes', versionKey: false },
);

export const secondOf = (time: Date | number): number => Math.floor((typeof time === 'number' ? time : time.getTime()) / 1000);
const bucketId = (second: number) => `s${second}`;

export class ChangeLogRepository {
  private readonly buckets: Model<ChangeBucket>;

  constructor(conn: Connection) {
    this.buckets = (conn.models.IndexChange as Model<ChangeBucket>) ?? conn.model('IndexChange', bucketSchema);
  }

  private raw(): mongo.Collection<ChangeBucket> {
    return this.buckets.collection as unknown as mongo.Collection<ChangeBucket>;
  }

  async ensureIndexes(): Promise<void> {
    await this.buckets.createIndexes();
  }

  async append(entity: IndexedEntity, entityIds: readonly string[], now: Date, src?: string): Promise<void> {
    if (entityIds.length === 0) return;
    const second = secondOf(now);
    // On the driver: mongoose's casting of a 1,000-item $push took 50-120 ms, the command 25-30
    // (measured on FerretDB); the items are built here, of the schema's shape.
    const update = {
      $push: { items: { $each: entityIds.map((entityId) => (src ? { entity, entityId, src } : { entity, entityId })) } },
      $setOnInsert: { at: new Date(second * 1000) },
    };
    try {
      await this.raw().updateOne({ _id: bucketId(second) }, update, { upsert: true });
    } catch (err) {
      // Two first writers of one second: the loser's insert collides; the bucket exists now.
      if (!isDuplicateKeyError(err)) throw err;
      await this.raw().updateOne({ _id: bucketId(second) }, update);
    }
  }

  /** The items of each second from `from` to `to` (inclusive) that has any. */
  async read(from: number, to: number, maxLookups: number): Promise<Map<number, ChangeItem[]>> {
    const found = new Map<number, ChangeItem[]>();
    if (to - from + 1 > maxLookups) {
      // Catching up after a long pause or a long rebuild: one scan beats hundreds of look-ups.
      const docs = await this.buckets
        .find({ at: { $gte: new Date(from * 1000), $lte: new Date(to * 1000) } })
        .lean<ChangeBucket[]>();
      for (const d of docs) found.set(secondOf(d.at), d.items);
      return found;
    }
    const seconds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const docs = await Promise.all(seconds.map((s) => this.buckets.findById(bucketId(s)).lean<ChangeBucket>()));
    docs.forEach((d, i) => {
      if (d) found.set(seconds[i]!, d.items);
    });
    return found;
  }

  /** Drops the buckets older than `before`; returns how many went. */
  async trim(before: Date): Promise<number> {
    return (await this.buckets.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
