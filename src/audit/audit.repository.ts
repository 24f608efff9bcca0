import type { Connection, Model } from 'mongoose';
import { auditModel, type AuditRecord } from './audit.model.js';

export interface AuditFilter {
  keyId?: string;
  operation?: string;
  targetId?: string;
}

export class AuditRepository {
  private readonly model: Model<AuditRecord>;

  constructor(conn: Connection) {
    this.model = auditModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async insertMany(entries: AuditRecord[]): Promise<void> {
    await this.model.insertMany(entries);
  }

  /** Entries about a record or its keys, or made with one of its keys, oldest first (at most `limit`). */
  async about(targetId: string, keyIds: readonly string[], limit: number): Promise<AuditRecord[]> {
    const keys = [...keyIds];
    const query = keys.length > 0 ? { $or: [{ targetId }, { targetId: { $in: keys } }, { keyId: { $in: keys } }] } : { targetId };
    return this.model.find(query).sort({ _id: 1 }).limit(limit).lean<AuditRecord[]>();
  }

  /** Erasure: entries keep operation, time and outcome; the erased record's id is replaced. */
  async replaceTarget(targetId: string, replacement: string): Promise<number> {
    return (await this.model.updateMany({ targetId }, { $set: { targetId: replacement } })).modifiedCount;
  }

  /** Newest first. The filter values are plain strings (typed by the schema), never operators. */
  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditRecord[]; total: number }> {
    const query: Record<string, string> = {};
    if (filter.keyId !== undefined) query.keyId = filter.keyId;
    if (filter.operation !== undefined) query.operation = filter.operation;
    if (filter.targetId !== undefined) query.targetId = filter.targetId;
    const [rows, total] = await Promise.all([
      this.model.find(query).sort({ _id: -1 }).skip(offset).limit(limit).lean<AuditRecord[]>(),
      this.model.countDocuments(query),
    ]);
    return { rows, total };
  }
}
