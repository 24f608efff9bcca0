// The durable webhook queue. An attempt is claimed with a lease (findOneAndUpdate on a due,
// unleased delivery), so two instances never send the same attempt at once; a worker that dies
// mid-attempt leaves a lease that expires, and the delivery is retried by whoever claims it next.
import type { Connection, Model, Types } from 'mongoose';
import { deliveryModel, type DeliveryRecord } from './alert.model.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';

export type DeliveryOutcome =
  | { status: 'delivered'; statusCode: number }
  | { status: 'pending'; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { status: 'failed'; statusCode: number | null; error: string };

export class DeliveryRepository {
  private readonly model: Model<DeliveryRecord>;

  constructor(conn: Connection) {
    this.model = deliveryModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** False when the event was queued already (another instance, or a re-applied change). */
  async enqueue(d: DeliveryRecord): Promise<boolean> {
    try {
      await this.model.create(d);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Claims the most overdue pending attempt for `owner` until `leaseUntil`, or null when none is due. */
  claim(owner: string, now: Date, leaseUntil: Date): Promise<DeliveryRecord | null> {
    return this.model
      .findOneAndUpdate(
        { status: 'pending', nextAttemptAt: { $lte: now }, leaseUntil: { $lte: now } },
        { $set: { leaseOwner: owner, leaseUntil } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean<DeliveryRecord>()
      .exec();
  }

  /** Records an attempt's outcome if `owner` still holds the claim; false when it lost it. */
  async finishAttempt(id: string, owner: string, outcome: DeliveryOutcome, at: Date): Promise<boolean> {
    const set: Partial<DeliveryRecord> = { status: outcome.status, lastStatusCode: outcome.statusCode, leaseOwner: null, leaseUntil: new Date(0) };
    if (outcome.status === 'pending') Object.assign(set, { lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt });
    if (outcome.status === 'failed') Object.assign(set, { lastError: outcome.error, finishedAt: at });
    if (outcome.status === 'delivered') Object.assign(set, { lastError: null, finishedAt: at });
    const res = await this.model.updateOne({ _id: id, leaseOwner: owner }, { $set: set, $inc: { attempts: 1 } });
    return res.modifiedCount === 1;
  }

  /** Newest first. */
  forAlert(alertId: Types.ObjectId, limit: number): Promise<DeliveryRecord[]> {
    return this.model.find({ alertId }).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<DeliveryRecord[]>().exec();
  }

  async deleteForAlerts(alertIds: readonly Types.ObjectId[]): Promise<void> {
    if (alertIds.length > 0) await this.model.deleteMany({ alertId: { $in: [...alertIds] } });
  }

  /** Erasure: every queued event that names the candidate. */
  async deleteForCandidate(candidateId: string): Promise<void> {
    await this.model.deleteMany({ candidateId });
  }

  async nextDueAt(): Promise<Date | null> {
    const next = await this.model.findOne({ status: 'pending' }, { nextAttemptAt: 1 }).sort({ nextAttemptAt: 1 }).lean<{ nextAttemptAt: Date }>().exec();
    return next?.nextAttemptAt ?? null;
  }
}
