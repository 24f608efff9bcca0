import { Types, type Connection, type Model } from 'mongoose';
import { alertChangeModel, alertModel, entityStateModel, type AlertChangeRecord, type AlertRecord, type EntityStateRecord } from './alert.model.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { replaceByIdOp } from '../shared/mongo/update-by-id.js';

const STREAM_BATCH = 1_000;
const STATE_WRITE_BATCH = 1_000;

export class AlertRepository {
  private readonly alerts: Model<AlertRecord>;
  private readonly stateModel: Model<EntityStateRecord>;
  private readonly changes: Model<AlertChangeRecord>;

  constructor(conn: Connection) {
    this.alerts = alertModel(conn);
    this.changes = alertChangeModel(conn);
    this.stateModel = entityStateModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.alerts.createIndexes(), this.stateModel.createIndexes(), this.changes.createIndexes()]);
  }

  async create(a: AlertRecord): Promise<void> {
    await this.alerts.create(a);
  }

  findById(id: Types.ObjectId): Promise<AlertRecord | null> {
    return this.alerts.findById(id).lean<AlertRecord>().exec();
  }

  /** The owner's alerts (every alert for `ownerKeyId` null), oldest first. */
  list(ownerKeyId: string | null, limit: number): Promise<AlertRecord[]> {
    return this.alerts
      .find(ownerKeyId === null ? {} : { ownerKeyId })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<AlertRecord[]>()
      .exec();
  }

  countOwned(ownerKeyId: string): Promise<number> {
    return this.alerts.countDocuments({ ownerKeyId }).exec();
  }

  /** Every alert, streamed (start-up load of the in-memory index). */
  async *all(): AsyncIterable<AlertRecord> {
    yield* this.alerts.find({}).sort({ _id: 1 }).lean<AlertRecord[]>().cursor({ batchSize: STREAM_BATCH });
  }

  /**
   * Notes that an alert was created, deleted or deactivated, in a document per second read by
   * `_id` (the look-up FerretDB serves from its index; a range over alerts would scan them all).
   */
  async noteChange(id: Types.ObjectId, at: Date): Promise<void> {
    const second = Math.floor(at.getTime() / 1000);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.changes.updateOne({ _id: second }, { $addToSet: { ids: id.toHexString() } }, { upsert: true });
        return;
      } catch (err) {
        // Two instances upserting the same second: the second one now finds the document.
        if (!isDuplicateKeyError(err) || attempt > 0) throw err;
      }
    }
  }

  /** Ids noted in the seconds [from, to]. */
  async changedBetween(from: Date, to: Date): Promise<string[]> {
    const first = Math.floor(from.getTime() / 1000);
    const last = Math.floor(to.getTime() / 1000);
    const seconds = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    const found = await Promise.all(seconds.map((sec) => this.changes.findById(sec).lean<AlertChangeRecord>().exec()));
    return [...new Set(found.flatMap((r) => r?.ids ?? []))];
  }

  /** The change notes are a short-lived log: older seconds go. */
  async pruneChanges(before: Date): Promise<void> {
    await this.changes.deleteMany({ _id: { $lt: Math.floor(before.getTime() / 1000) } });
  }

  async delete(id: Types.ObjectId): Promise<boolean> {
    return (await this.alerts.deleteOne({ _id: id })).deletedCount === 1;
  }

  /** The alerts bound to a candidate (its data-rights export). */
  async boundToCandidate(candidateId: Types.ObjectId): Promise<AlertRecord[]> {
    return this.alerts.find({ candidateId }).lean<AlertRecord[]>().exec();
  }

  /** Deletes the alerts bound to a candidate or posting that is gone; returns their ids. */
  async deleteBoundTo(field: 'candidateId' | 'postingId', id: Types.ObjectId): Promise<Types.ObjectId[]> {
    const found = await this.alerts.find({ [field]: id }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec();
    if (found.length > 0) await this.alerts.deleteMany({ _id: { $in: found.map((f) => f._id) } });
    return found.map((f) => f._id);
  }

  async recordDelivered(id: Types.ObjectId): Promise<void> {
    // By _id alone (FerretDB serves nothing else from an index): a write per delivery.
    await this.alerts.updateOne({ _id: id }, { $set: { consecutiveFailures: 0 } });
  }

  /** Counts a failed delivery; turns the alert inactive at `maxFailures` in a row. True when it did. */
  async recordFailed(id: Types.ObjectId, maxFailures: number, at: Date): Promise<boolean> {
    const after = await this.alerts
      .findOneAndUpdate({ _id: id }, { $inc: { consecutiveFailures: 1 }, $set: { updatedAt: at } }, { returnDocument: 'after' })
      .lean<AlertRecord>()
      .exec();
    if (!after || !after.active || after.consecutiveFailures < maxFailures) return false;
    await this.alerts.updateOne({ _id: id }, { $set: { active: false, updatedAt: at } });
    return true;
  }

  // ---------------------------------------------------------------- entity states

  /** The last states seen of these entities ("posting:<id>" keys), one point read each. */
  async states(keys: readonly string[]): Promise<Map<string, EntityStateRecord>> {
    const found = await Promise.all(keys.map((k) => this.stateModel.findById(k).lean<EntityStateRecord>().exec()));
    return new Map(found.filter((r): r is EntityStateRecord => r !== null).map((r) => [r._id, r]));
  }

  /**
   * Stores each state, replacing the previous one, in one round trip. By `_id` alone: FerretDB
   * serves only a bare `_id` equality from its index (a version guard in the filter made every
   * write scan the collection). Two instances writing the same entity race harmlessly: both
   * wrote a state of the current MongoDB document, and event ids dedupe what they raise.
   */
  async saveStates(records: readonly EntityStateRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += STATE_WRITE_BATCH) {
      await this.stateModel.bulkWrite(
        // Not replaceOne: 100 matched replaceOne statements in one command stall FerretDB v1 (update-by-id.ts).
        records.slice(i, i + STATE_WRITE_BATCH).map((r) => replaceByIdOp({ _id: r._id, version: r.version, state: r.state }, true)),
        { ordered: false },
      );
    }
  }

  async deleteStates(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await Promise.all(keys.map((k) => this.stateModel.deleteOne({ _id: k })));
  }
}
