import type { Connection, Model, Types } from 'mongoose';
import { apiKeyModel, type ApiKeyRecord } from './api-key.model.js';

export class ApiKeyRepository {
  private readonly model: Model<ApiKeyRecord>;

  constructor(conn: Connection) {
    this.model = apiKeyModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async findById(id: Types.ObjectId): Promise<ApiKeyRecord | null> {
    return this.model.findById(id).lean<ApiKeyRecord>();
  }

  async create(data: ApiKeyRecord): Promise<ApiKeyRecord> {
    const doc = await this.model.create(data);
    return doc.toObject();
  }

  /** Sets revokedAt once; a second revocation keeps the first date. */
  async revoke(id: Types.ObjectId, at: Date): Promise<ApiKeyRecord | null> {
    await this.model.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } });
    return this.findById(id);
  }

  /** Every key bound to this candidate (revoked ones too), oldest first. */
  async forCandidate(candidateId: Types.ObjectId): Promise<ApiKeyRecord[]> {
    return this.model.find({ candidateId }).sort({ _id: 1 }).lean<ApiKeyRecord[]>();
  }

  /**
   * Erasure: revokes every key bound to the candidate and unlinks it (the label, free text an
   * admin typed, may name the person). Returns how many keys were bound to it.
   */
  async revokeAndUnlinkCandidate(candidateId: Types.ObjectId, at: Date, label: string): Promise<number> {
    await this.model.updateMany({ candidateId, revokedAt: null }, { $set: { revokedAt: at } });
    return (await this.model.updateMany({ candidateId }, { $set: { candidateId: null, label } })).matchedCount;
  }

  /** deleteEmployer: revokes the recruiter keys bound to the employer; returns how many were live. */
  async revokeForEmployer(employerId: Types.ObjectId, at: Date): Promise<number> {
    return (await this.model.updateMany({ employerId, revokedAt: null }, { $set: { revokedAt: at } })).modifiedCount;
  }

  /** Keys are issued by hand, so there are few; the listing is not paged. */
  async list(includeRevoked: boolean): Promise<ApiKeyRecord[]> {
    const filter = includeRevoked ? {} : { revokedAt: null };
    return this.model.find(filter).sort({ _id: 1 }).lean<ApiKeyRecord[]>();
  }
}
