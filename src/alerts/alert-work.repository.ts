// The durable half of event detection (at least once across a crash): one small item per
// posting or candidate whose change the index sync passed on and the detector has not
// finished evaluating. The index sync writes it before it retires the change's outbox entry
// (a crash before this write leaves the outbox entry, which is applied again); the detector
// deletes it only after it queued the change's deliveries and stored the entity states, so
// its writes go deliveries -> states -> this "cursor". A restart evaluates what is left; a
// change evaluated twice queues nothing new (event ids are deterministic).
// `seq` grows with each change of the entity: an item is deleted only at the seq the
// detector read before it evaluated, so a newer change that landed meanwhile stays queued.
// A feed's batch is one item naming its documents (per-document writes add up on FerretDB:
// 1,000 outbox entries took ~40 s to bump and retire, outbox.repository.ts), never bumped:
// the recording instance clears it once a pass evaluated all of its documents (alert-detector.ts).
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { IndexedEntity } from '../shared/index-change-sink.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { updateByIdOp } from '../shared/mongo/update-by-id.js';

export interface AlertWorkItem {
  _id: string;
  entity: IndexedEntity;
  entityId: string;
  /** A batch item: the documents it stands for. */
  entityIds?: string[];
  seq: number;
  at: Date;
}

export type WorkMark = Pick<AlertWorkItem, '_id' | 'seq'>;

const workSchema = new Schema<AlertWorkItem>(
  {
    _id: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    entityIds: { type: [String], default: undefined },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'alert_work', strict: 'throw', versionKey: false },
);

/** From this many documents on, one batch item instead of one item each. */
const BATCH_ITEM_MIN = 20;

export const workKey = (entity: IndexedEntity, id: string): string => `${entity}:${id}`;

export class AlertWorkRepository {
  private readonly model: Model<AlertWorkItem>;

  constructor(conn: Connection) {
    this.model = (conn.models.AlertWork as Model<AlertWorkItem>) ?? conn.model('AlertWork', workSchema);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** One round trip: an upsert per document (by `_id` alone, served by FerretDB's index), or one batch item (its id returned). */
  async record(entity: IndexedEntity, ids: readonly string[], at: Date): Promise<string | null> {
    if (ids.length === 0) return null;
    if (ids.length >= BATCH_ITEM_MIN) {
      const _id = `${entity}:batch:${randomUUID()}`;
      await this.model.collection.insertOne({ _id, entity, entityId: _id, entityIds: [...ids], seq: 1, at } as never);
      return _id;
    }
    const write = () =>
      this.model.bulkWrite(
        ids.map((entityId) => updateByIdOp(workKey(entity, entityId), { $set: { entity, entityId, at }, $inc: { seq: 1 } }, true)),
        { ordered: false },
      );
    try {
      await write();
    } catch (err) {
      // Two first writers of one item: the loser's insert collides; the item exists now.
      if (!isDuplicateKeyError(err) && !(err as { writeErrors?: unknown[] }).writeErrors) throw err;
      await write();
    }
    return null;
  }

  /** The items (with their seq) of these keys that exist. */
  async marks(keys: readonly string[]): Promise<WorkMark[]> {
    if (keys.length === 0) return [];
    // The collection holds only what is not evaluated yet: small, so a scan is cheap.
    return this.model.find({ _id: { $in: [...keys] } }, { _id: 1, seq: 1 }).lean<WorkMark[]>().exec();
  }

  /** Items written before `before`: what a crashed (or failed) pass left. */
  olderThan(before: Date, limit: number): Promise<AlertWorkItem[]> {
    return this.model.find({ at: { $lt: before } }).sort({ at: 1 }).limit(limit).lean<AlertWorkItem[]>().exec();
  }

  /** The cursor step: evaluated, so gone (unless a newer change bumped the item meanwhile). */
  async done(marks: readonly WorkMark[]): Promise<void> {
    if (marks.length === 0) return;
    await this.model.bulkWrite(
      marks.map((m) => ({ deleteOne: { filter: { _id: m._id, seq: m.seq } } })),
      { ordered: false },
    );
  }

  count(): Promise<number> {
    return this.model.countDocuments({}).exec();
  }
}
