import type { Connection, Model, Types } from 'mongoose';
import { candidateModel, type CandidateRecord } from './candidate.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';
import { conflict } from '../shared/errors.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';

export type CandidateData = Omit<CandidateRecord, '_id' | 'createdAt' | 'updatedAt'>;

/**
 * MongoDB reports a unique-index collision as code 11000; FerretDB v1 (SQLite backend)
 * reports one from findAndModify as InternalError "UNIQUE constraint failed".
 */
export class CandidateRepository {
  readonly model: Model<CandidateRecord>;

  constructor(
    conn: Connection,
    private readonly idLookup: IdLookup = 'point-reads',
  ) {
    this.model = candidateModel(conn);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async findById(id: Types.ObjectId): Promise<CandidateRecord | null> {
    return this.model.findById(id).lean<CandidateRecord>();
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]> {
    return findByIds(this.model, ids, this.idLookup);
  }

  /** The unique index on email decides races; a duplicate becomes CONFLICT naming the field. */
  async create(data: CandidateData, id?: Types.ObjectId): Promise<CandidateRecord> {
    try {
      const doc = await this.model.create(id ? { _id: id, ...data } : data);
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('input.email', 'a candidate with this email already exists');
      throw err;
    }
  }

  async update(id: Types.ObjectId, changes: Partial<CandidateData>): Promise<CandidateRecord | null> {
    try {
      return await this.model
        .findOneAndUpdate({ _id: id }, { $set: changes }, { returnDocument: 'after', runValidators: true })
        .lean<CandidateRecord>();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('input.email', 'a candidate with this email already exists');
      throw err;
    }
  }

  /** Every document's id and updatedAt (epoch ms), for search-index reconciliation. */
  async *versions(batchSize = 5000): AsyncIterable<[string, number]> {
    const cursor = this.model.collection.find({}, { projection: { _id: 1, updatedAt: 1 }, batchSize });
    for await (const d of cursor) yield [String(d._id), d.updatedAt instanceof Date ? d.updatedAt.getTime() : 0];
  }

  async count(): Promise<number> {
    return this.model.estimatedDocumentCount();
  }

  cursor(batchSize = 1000): AsyncIterable<CandidateRecord> {
    return this.model.find({}).batchSize(batchSize).lean<CandidateRecord[]>().cursor();
  }
}
