import type { Connection, Model, Types } from 'mongoose';
import { employerModel, type EmployerRecord } from './employer.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';
import { afterCondition, type KeysetPage, type KeysetWindow } from '../shared/keyset-pagination.js';
import { allOf, literalPattern } from '../shared/mongo/filters.js';

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

  /** By name A-Z (ties by id); `nameContains` matches anywhere in the name, any case. */
  async list(nameContains: string | null, w: KeysetWindow): Promise<KeysetPage<EmployerRecord>> {
    const base = nameContains ? { name: { $regex: literalPattern(nameContains), $options: 'i' } } : {};
    const rows = await this.model
      .find(allOf(base, afterCondition('name', 1, 1, w)))
      .sort({ name: 1, _id: 1 })
      .limit(w.limit + 1)
      .lean<EmployerRecord[]>();
    const totalCount = await this.model.countDocuments(base);
    return { items: rows.slice(0, w.limit), hasNextPage: rows.length > w.limit, totalCount };
  }

  async deleteById(id: Types.ObjectId): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return (await this.model.exists({ _id: id })) !== null;
  }
}
