// Named leases in MongoDB (one document each, claimed by one atomic write): which process
// drains the index outbox (drain-lease.ts), with enough about the holder to tell whether it
// still runs.
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from '../../shared/mongo/duplicate-key.js';

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

const leaseSchema = new Schema<LeaseRecord>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    holder: { type: { instance: String, pid: Number, hostname: String, startedAt: Date }, _id: false, required: false },
  },
  { collection: 'search_leases', versionKey: false },
);

export class LeaseRepository {
  private readonly model: Model<LeaseRecord>;

  constructor(conn: Connection) {
    this.model = (conn.models.SearchLease as Model<LeaseRecord>) ?? conn.model('SearchLease', leaseSchema);
  }

  /**
   * Claims the named lease for `owner` until `until` if it is free, expired or already ours.
   * Works across processes: the lease is one document and the claim one atomic write.
   */
  async claim(name: string, owner: string, now: Date, until: Date, holder?: LeaseHolder): Promise<boolean> {
    try {
      const res = await this.model.findOneAndUpdate(
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
  async release(name: string, owner: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: name, owner })).deletedCount === 1;
  }

  async find(name: string): Promise<LeaseRecord | null> {
    return this.model.findById(name).lean<LeaseRecord>();
  }
}
