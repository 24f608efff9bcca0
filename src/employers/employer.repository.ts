import type { Connection, Model, Types } from 'mongoose';
import { employerModel, type EmployerRecord } from './employer.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';

export type EmployerData = Omit<EmployerRecord, '_id' | 'createdAt' | 'updatedAt'>;

export class EmployerRepository {
  readonly model: Model<EmployerRecord>;

  constructor(
    conn: Connection,
    private readonly idLookup: IdLookup = 'point-reads',
  ) {
    this.model = employerModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async findById(id: Types.ObjectId): Promise<EmployerRecord | null> {
    return this.model.findById(id).lean<EmployerRecord>();
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(EmployerRecord | undefined)[]> {
    return findByIds(this.model, ids, this.idLookup);
  }

  async create(data: EmployerData, id?: Types.ObjectId): Promise<EmployerRecord> {
    const doc = await this.model.create(id ? { _id: id, ...data } : data);
    return doc.toObject();
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return (await this.model.exists({ _id: id })) !== null;
  }
}
