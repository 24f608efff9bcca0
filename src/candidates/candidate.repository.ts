import type { Connection, Model, Types } from 'mongoose';
import { collectionCount } from '../shared/mongo/collection-count.js';
import { candidateModel, type CandidateRecord } from './candidate.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';
import { ensureSchemaIndexes } from '../shared/mongo/schema-indexes.js';
import { afterCondition, type KeysetPage, type KeysetWindow } from '../shared/keyset-pagination.js';
import { conflict } from '../shared/errors.js';
import { DEGREE_LEVEL_ORDER } from '../shared/enums.js';
import { facetList } from '../matching/facets.js';
import type { CandidateFacetCounts } from '../search/search-engine.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { PageRecordCache, type PageRecordCacheOptions } from '../shared/mongo/page-record-cache.js';

export type CandidateData = Omit<CandidateRecord, '_id' | 'createdAt' | 'updatedAt'>;

/**
 * MongoDB reports a unique-index collision as code 11000; FerretDB v1 (SQLite backend)
 * reports one from findAndModify as InternalError "UNIQUE constraint failed".
 */
export class CandidateRepository {
  readonly model: Model<CandidateRecord>;

  /** Records read for ranked and searched pages; every write below evicts what it touched. */
  readonly pageCache: PageRecordCache<CandidateRecord>;

  constructor(
    conn: Connection,
    private readonly idLookup: IdLookup = 'point-reads',
    pageCache: PageRecordCacheOptions = { maxAgeMs: 0, maxEntries: 0 },
  ) {
    this.model = candidateModel(conn);
    this.pageCache = new PageRecordCache(pageCache);
  }

  async ensureIndexes(): Promise<void> {
    await ensureSchemaIndexes(this.model, this.idLookup);
  }

  async findById(id: Types.ObjectId): Promise<CandidateRecord | null> {
    return this.model.findById(id).lean<CandidateRecord>();
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]> {
    return findByIds(this.model, ids, this.idLookup);
  }

  /** For filling result pages only (a few seconds old at most; see page-record-cache.ts). */
  async findForPage(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]> {
    return this.pageCache.load(ids, (missing) => this.findByIds(missing));
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
    } finally {
      this.pageCache.evict([id]);
    }
  }

  /** true when a candidate was deleted. */
  async deleteById(id: Types.ObjectId): Promise<boolean> {
    try {
      return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
    } finally {
      this.pageCache.evict([id]);
    }
  }

  /** Every document's id and updatedAt (epoch ms), for search-index reconciliation. */
  async *versions(batchSize = 5000): AsyncIterable<[string, number]> {
    const cursor = this.model.collection.find({}, { projection: { _id: 1, updatedAt: 1 }, batchSize });
    for await (const d of cursor) yield [String(d._id), d.updatedAt instanceof Date ? d.updatedAt.getTime() : 0];
  }

  /** Every candidate, newest first (ties by id desc). */
  async listNewest(w: KeysetWindow): Promise<KeysetPage<CandidateRecord>> {
    const rows = await this.model
      .find(afterCondition('createdAt', -1, -1, w))
      .sort({ createdAt: -1, _id: -1 })
      .limit(w.limit + 1)
      .lean<CandidateRecord[]>();
    const totalCount = await collectionCount(this.model.collection);
    return { items: rows.slice(0, w.limit), hasNextPage: rows.length > w.limit, totalCount };
  }

  /**
   * Facets of the admins' full list (no filter, so nothing disjunctive to drop): counts and
   * $group aggregations FerretDB v1 runs; a qualification counts when held with no expiry or
   * one on/after today.
   */
  async facets(today: string, codes: readonly string[]): Promise<CandidateFacetCounts> {
    const states = await this.model.aggregate<{ _id: string | null; n: number }>([{ $group: { _id: '$state', n: { $sum: 1 } } }]);
    const levels = await Promise.all(
      DEGREE_LEVEL_ORDER.map((level, rank) =>
        this.model.countDocuments({ $and: [{ 'degrees.level': level }, { 'degrees.level': { $nin: DEGREE_LEVEL_ORDER.slice(rank + 1) } }] }),
      ),
    );
    // One count per (candidate, code) held current: FerretDB v1 has no $elemMatch on fields,
    // so unwind, keep current entries, and group twice (a renewed credential counts once).
    const held = await this.model.aggregate<{ _id: string; n: number }>([
      { $unwind: '$qualifications' },
      { $match: { $or: [{ 'qualifications.expiresOn': null }, { 'qualifications.expiresOn': { $gte: today } }] } },
      { $group: { _id: { c: '$_id', q: '$qualifications.code' } } },
      { $group: { _id: '$_id.q', n: { $sum: 1 } } },
    ]);
    const wanted = new Set(codes);
    return {
      states: facetList(new Map(states.filter((r) => r._id !== null).map((r) => [String(r._id), r.n]))),
      degreeLevels: facetList(new Map(DEGREE_LEVEL_ORDER.map((l, i) => [l, levels[i]]))),
      qualifications: facetList(new Map(held.filter((r) => wanted.has(r._id)).map((r) => [r._id, r.n]))),
    };
  }

  async count(): Promise<number> {
    return collectionCount(this.model.collection);
  }

  cursor(batchSize = 1000): AsyncIterable<CandidateRecord> {
    return this.model.find({}).batchSize(batchSize).lean<CandidateRecord[]>().cursor();
  }
}
