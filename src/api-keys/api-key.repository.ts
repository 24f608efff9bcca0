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

  /** Keys are issued by hand, so there are few; the listing is not paged. */
  async list(includeRevoked: boolean): Promise<ApiKeyRecord[]> {
    const filter = includeRevoked ? {} : { revokedAt: null };
    return this.model.find(filter).sort({ _id: 1 }).lean<ApiKeyRecord[]>();
  }
}
