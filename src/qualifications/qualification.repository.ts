import type { Connection, Model } from 'mongoose';
import { qualificationModel, type QualificationRecord } from './qualification.model.js';
import type { QualificationKind } from '../shared/enums.js';

export type QualificationData = Omit<QualificationRecord, '_id' | 'createdAt' | 'updatedAt'>;

export class QualificationRepository {
  readonly model: Model<QualificationRecord>;

  constructor(conn: Connection) {
    this.model = qualificationModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** The catalog is a few dozen rows: reading it whole is the cheapest lookup. */
  async findAll(kind?: QualificationKind): Promise<QualificationRecord[]> {
    const filter = kind ? { kind } : {};
    return this.model.find(filter).sort({ code: 1 }).lean<QualificationRecord[]>();
  }

  /** Sets renewalByState on the entry only where the field is absent (never over an edit). */
  async setRenewalByStateWhereAbsent(code: string, rows: QualificationData['renewalByState']): Promise<boolean> {
    const res = await this.model.updateOne({ code, renewalByState: { $exists: false } }, { $set: { renewalByState: rows } });
    return res.modifiedCount > 0;
  }

  async upsertByCode(data: QualificationData): Promise<QualificationRecord> {
    const doc = await this.model
      .findOneAndUpdate({ code: data.code }, { $set: data }, { upsert: true, returnDocument: 'after', runValidators: true })
      .lean<QualificationRecord>();
    if (!doc) throw new Error(`upsert of qualification ${data.code} returned nothing`);
    return doc;
  }
}
