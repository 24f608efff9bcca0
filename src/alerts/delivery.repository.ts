// The durable webhook queue. `alert_deliveries` holds every event with a webhook and its state
// (what alertDeliveries shows); `alert_delivery_queue` holds only the pending ones, so claiming
// never scans the history. An attempt is claimed with a lease (findOneAndUpdate on a due,
// unleased queue entry), so two instances never send the same attempt at once; a worker that
// dies mid-attempt leaves a lease that expires, and whoever claims it next retries it.
// Every other write goes by `_id` alone, the look-up FerretDB serves from its index.
// A new event's first attempt skips the queue: the detector hands its deliveries to this
// instance's worker in memory (enqueue with sendNow), and the outcomes are written in one
// bulkWrite per batch (recordOutcomes); only a retry gets a queue entry. A crash mid-attempt
// leaves a pending delivery without one, which the orphan repair queues (at start, and for
// deliveries older than a lease every few minutes), so the first attempt is still at least once.
import type { Connection, Model, Types } from 'mongoose';
import { deliveryModel, queueModel, type DeliveryRecord, type QueueRecord } from './alert.model.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { updateByIdOp } from '../shared/mongo/update-by-id.js';

export type DeliveryOutcome =
  | { status: 'delivered'; statusCode: number }
  | { status: 'pending'; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { status: 'failed'; statusCode: number | null; error: string };

const EPOCH = new Date(0);

/** Inserts, skipping ids that exist already; returns the ids that were new. */
async function insertNew<T extends { _id: string }>(model: Model<T>, docs: readonly T[]): Promise<Set<string>> {
  const ids = new Set(docs.map((d) => d._id));
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number; errmsg?: string }[] }).writeErrors;
    if (!writeErrors && !isDuplicateKeyError(err)) throw err;
    const list = writeErrors ?? [{ index: -1, code: 11000 }];
    for (const w of list) {
      if (!isDuplicateKeyError({ code: w.code, message: w.errmsg })) throw err;
      if (w.index >= 0) ids.delete(docs[w.index]._id);
    }
    if (!writeErrors) for (const d of docs) if (!(await model.exists({ _id: d._id } as never))) ids.delete(d._id);
  }
  return ids;
}

function outcomeFields(outcome: DeliveryOutcome, at: Date): Partial<DeliveryRecord> {
  const set: Partial<DeliveryRecord> = { status: outcome.status, lastStatusCode: outcome.statusCode };
  if (outcome.status === 'pending') Object.assign(set, { lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt });
  if (outcome.status === 'failed') Object.assign(set, { lastError: outcome.error, finishedAt: at });
  if (outcome.status === 'delivered') Object.assign(set, { lastError: null, finishedAt: at });
  return set;
}

export class DeliveryRepository {
  private readonly model: Model<DeliveryRecord>;
  private readonly queue: Model<QueueRecord>;

  constructor(conn: Connection) {
    this.model = deliveryModel(conn);
    this.queue = queueModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.model.createIndexes(), this.queue.createIndexes()]);
  }

  /**
   * Stores the deliveries not stored before (another instance, a re-evaluated change) and
   * returns those that were new. With `sendNow` the caller attempts them at once (no queue
   * entry, one write fewer each); otherwise they are queued for the worker's poll.
   */
  async enqueue(deliveries: readonly DeliveryRecord[], sendNow = false): Promise<DeliveryRecord[]> {
    if (deliveries.length === 0) return [];
    const fresh = await insertNew(this.model, deliveries);
    const added = deliveries.filter((d) => fresh.has(d._id));
    if (!sendNow && added.length > 0) await insertNew(this.queue, added.map((d) => ({ _id: d._id, nextAttemptAt: d.nextAttemptAt, leaseUntil: EPOCH, leaseOwner: null })));
    return added;
  }

  /** First attempts' outcomes, one bulkWrite for all; a retry gets its queue entry (after the update: a crash between leaves an orphan the repair queues). */
  async recordOutcomes(results: readonly { id: string; outcome: DeliveryOutcome }[], at: Date): Promise<void> {
    if (results.length === 0) return;
    await this.model.bulkWrite(
      results.map(({ id, outcome }) => updateByIdOp(id, { $set: outcomeFields(outcome, at), $inc: { attempts: 1 } })),
      { ordered: false },
    );
    const retries = results.flatMap(({ id, outcome }) => (outcome.status === 'pending' ? [{ _id: id, nextAttemptAt: outcome.nextAttemptAt, leaseUntil: EPOCH, leaseOwner: null }] : []));
    if (retries.length > 0) await insertNew(this.queue, retries);
  }

  /**
   * Pending deliveries without a queue entry: a crash between the two inserts of enqueue, or
   * during a first attempt sent at once. `createdBefore`: only those older than any attempt
   * still running (the periodic repair); without it, all (at start).
   */
  async requeueOrphans(createdBefore?: Date): Promise<number> {
    const filter = createdBefore ? { status: 'pending' as const, createdAt: { $lt: createdBefore } } : { status: 'pending' as const };
    const pending = await this.model.find(filter, { _id: 1, nextAttemptAt: 1 }).lean<Pick<DeliveryRecord, '_id' | 'nextAttemptAt'>[]>().exec();
    if (pending.length === 0) return 0;
    const fresh = await insertNew(this.queue, pending.map((d) => ({ _id: d._id, nextAttemptAt: d.nextAttemptAt, leaseUntil: EPOCH, leaseOwner: null })));
    return fresh.size;
  }

  /** Claims the most overdue due attempt for `owner` until `leaseUntil`; null when none is due. */
  async claim(owner: string, now: Date, leaseUntil: Date): Promise<DeliveryRecord | null> {
    for (;;) {
      const entry = await this.queue
        .findOneAndUpdate({ nextAttemptAt: { $lte: now }, leaseUntil: { $lte: now } }, { $set: { leaseOwner: owner, leaseUntil } }, { sort: { nextAttemptAt: 1 }, returnDocument: 'after' })
        .lean<QueueRecord>()
        .exec();
      if (!entry) return null;
      const delivery = await this.model.findById(entry._id).lean<DeliveryRecord>().exec();
      if (delivery?.status === 'pending') return delivery;
      // Deleted with its alert, or finished: nothing left to send.
      await this.queue.deleteOne({ _id: entry._id });
    }
  }

  /** Records an attempt's outcome if `owner` still holds the claim; false when it lost it. */
  async finishAttempt(id: string, owner: string, outcome: DeliveryOutcome, at: Date): Promise<boolean> {
    const entry = await this.queue.findById(id).lean<QueueRecord>().exec();
    if (entry?.leaseOwner !== owner) return false;
    await this.model.updateOne({ _id: id }, { $set: outcomeFields(outcome, at), $inc: { attempts: 1 } });
    if (outcome.status === 'pending') await this.queue.updateOne({ _id: id }, { $set: { nextAttemptAt: outcome.nextAttemptAt, leaseUntil: EPOCH, leaseOwner: null } });
    else await this.queue.deleteOne({ _id: id });
    return true;
  }

  /** Newest first. */
  forAlert(alertId: Types.ObjectId, limit: number): Promise<DeliveryRecord[]> {
    return this.model.find({ alertId }).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<DeliveryRecord[]>().exec();
  }

  async deleteForAlerts(alertIds: readonly Types.ObjectId[]): Promise<void> {
    if (alertIds.length > 0) await this.deleteWhere({ alertId: { $in: [...alertIds] } });
  }

  /** Erasure: every queued event that names the candidate. */
  async deleteForCandidate(candidateId: string): Promise<void> {
    await this.deleteWhere({ candidateId });
  }

  private async deleteWhere(filter: Record<string, unknown>): Promise<void> {
    const ids = (await this.model.find(filter, { _id: 1 }).lean<{ _id: string }[]>().exec()).map((d) => d._id);
    if (ids.length === 0) return;
    await this.model.deleteMany({ _id: { $in: ids } });
    await this.queue.deleteMany({ _id: { $in: ids } });
  }
}
