import type { Connection, Model, Types } from 'mongoose';
import { postingModel, type PostingRecord } from './posting.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';
import { afterCondition, type KeysetPage, type KeysetWindow } from '../shared/keyset-pagination.js';
import { allOf } from '../shared/mongo/filters.js';
import type { PostingStatus } from '../shared/enums.js';
import { conflict } from '../shared/errors.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { PageRecordCache, type PageRecordCacheOptions } from '../shared/mongo/page-record-cache.js';

export type PostingData = Omit<PostingRecord, '_id' | 'createdAt' | 'updatedAt'>;

export type BulkPostingOp =
  | { kind: 'insert'; id: Types.ObjectId; data: PostingData }
  | { kind: 'update'; id: Types.ObjectId; changes: Partial<PostingData> };

export class PostingRepository {
  readonly model: Model<PostingRecord>;

  /** Records read for ranked and searched pages; every write below evicts what it touched. */
  readonly pageCache: PageRecordCache<PostingRecord>;

  constructor(
    conn: Connection,
    private readonly idLookup: IdLookup = 'point-reads',
    pageCache: PageRecordCacheOptions = { maxAgeMs: 0, maxEntries: 0 },
  ) {
    this.model = postingModel(conn);
    this.pageCache = new PageRecordCache(pageCache);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async findById(id: Types.ObjectId): Promise<PostingRecord | null> {
    return this.model.findById(id).lean<PostingRecord>();
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(PostingRecord | undefined)[]> {
    return findByIds(this.model, ids, this.idLookup);
  }

  /** For filling result pages only (a few seconds old at most; see page-record-cache.ts). */
  async findForPage(ids: readonly Types.ObjectId[]): Promise<(PostingRecord | undefined)[]> {
    return this.pageCache.load(ids, (missing) => this.findByIds(missing));
  }

  async findByEmployers(employerIds: readonly Types.ObjectId[], status?: PostingStatus): Promise<PostingRecord[]> {
    const filter: Record<string, unknown> = { employerId: { $in: employerIds } };
    if (status) filter.status = status;
    return this.model.find(filter).sort({ postedAt: -1, _id: 1 }).lean<PostingRecord[]>();
  }

  /** Postings of any status, newest first (ties by id asc), optionally of one employer / status. */
  async list(employerId: Types.ObjectId | null, status: PostingStatus | null, w: KeysetWindow): Promise<KeysetPage<PostingRecord>> {
    const base = listFilter(employerId, status);
    const rows = await this.model
      .find(allOf(base, afterCondition('postedAt', -1, 1, w)))
      .sort({ postedAt: -1, _id: 1 })
      .limit(w.limit + 1)
      .lean<PostingRecord[]>();
    const totalCount = await this.model.countDocuments(base);
    return { items: rows.slice(0, w.limit), hasNextPage: rows.length > w.limit, totalCount };
  }

  /** Counts per value of one field over a list's postings (a simple $group FerretDB v1 runs). */
  async countBy(employerId: Types.ObjectId | null, status: PostingStatus | null, field: string, extra: Record<string, unknown> = {}): Promise<Map<unknown, number>> {
    const rows = await this.model.aggregate<{ _id: unknown; n: number }>([
      { $match: allOf(listFilter(employerId, status), extra) },
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id, r.n]));
  }

  async create(data: PostingData, id?: Types.ObjectId): Promise<PostingRecord> {
    try {
      const doc = await this.model.create(id ? { _id: id, ...data } : data);
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('input.externalRef', 'another posting of this employer has this externalRef');
      throw err;
    }
  }

  /**
   * The postings of these employers carrying one of these references (one query: the
   * externalRef index on MongoDB; a scan on FerretDB's SQLite backend). Callers pair them up
   * by (employer, reference).
   */
  async findByRefs(employerIds: readonly Types.ObjectId[], refs: readonly string[]): Promise<PostingRecord[]> {
    if (employerIds.length === 0 || refs.length === 0) return [];
    return this.model.find({ externalRef: { $in: refs }, employerId: { $in: employerIds } }).lean<PostingRecord[]>();
  }

  /**
   * Inserts and updates in one unordered bulk write (timestamps and casting by mongoose).
   * Returns the positions (in `ops`) that failed, with the error of each.
   */
  async bulkUpsert(ops: readonly BulkPostingOp[]): Promise<Map<number, unknown>> {
    try {
      return await this.bulkWriteOps(ops);
    } finally {
      this.pageCache.evict(ops.map((op) => op.id));
    }
  }

  private async bulkWriteOps(ops: readonly BulkPostingOp[]): Promise<Map<number, unknown>> {
    const failed = new Map<number, unknown>();
    const at = (kind: BulkPostingOp['kind']) => ops.flatMap((op, i) => (op.kind === kind ? [i] : []));
    // Inserts in one command; updates UPDATE_CHUNK at a time: FerretDB v1 stalled for minutes
    // on one update command of 100 statements (50 took 0.3 s; measured on 1,000 postings).
    const groups = [at('insert'), ...chunks(at('update'), UPDATE_CHUNK)].filter((g) => g.length > 0);
    for (const group of groups) {
      const writes = group.map((i) => {
        const op = ops[i];
        return op.kind === 'insert'
          ? { insertOne: { document: { _id: op.id, ...op.data } } }
          : { updateOne: { filter: { _id: op.id }, update: { $set: op.changes } } };
      });
      try {
        await this.model.bulkWrite(writes as never, { ordered: false });
      } catch (err) {
        const writeErrors = (err as { writeErrors?: { index: number; err?: unknown }[] }).writeErrors;
        if (!writeErrors) throw err;
        for (const w of writeErrors) failed.set(group[w.index], w.err ?? w);
      }
    }
    return failed;
  }

  /** true when a posting was deleted. */
  async deleteById(id: Types.ObjectId): Promise<boolean> {
    try {
      return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
    } finally {
      this.pageCache.evict([id]);
    }
  }

  /** Whether the employer has any posting (open or closed). */
  async existsForEmployer(employerId: Types.ObjectId): Promise<boolean> {
    return (await this.model.exists({ employerId })) !== null;
  }

  async update(id: Types.ObjectId, changes: Partial<PostingData>): Promise<PostingRecord | null> {
    try {
      return await this.model
        .findOneAndUpdate({ _id: id }, { $set: changes }, { returnDocument: 'after', runValidators: true })
        .lean<PostingRecord>();
    } finally {
      this.pageCache.evict([id]);
    }
  }

  /** Streams every posting for a reindex in natural order (no sort: the server can stream), without holding them all. */
  cursor(batchSize = 1000): AsyncIterable<PostingRecord> {
    return this.model.find({}).batchSize(batchSize).lean<PostingRecord[]>().cursor();
  }

  /** Postings that require or prefer a qualification code (a rare, admin-triggered scan). */
  async idsUsingCode(code: string): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ $or: [{ requiredQualificationCodes: code }, { preferredQualificationCodes: code }] }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    return rows.map((r) => r._id);
  }

  /** Every document's id and updatedAt (epoch ms), for search-index reconciliation. */
  async *versions(batchSize = 5000): AsyncIterable<[string, number]> {
    const cursor = this.model.collection.find({}, { projection: { _id: 1, updatedAt: 1 }, batchSize });
    for await (const d of cursor) yield [String(d._id), d.updatedAt instanceof Date ? d.updatedAt.getTime() : 0];
  }

  async count(): Promise<number> {
    return this.model.estimatedDocumentCount();
  }
}

const UPDATE_CHUNK = 50;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function listFilter(employerId: Types.ObjectId | null, status: PostingStatus | null): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (employerId) f.employerId = employerId;
  if (status) f.status = status;
  return f;
}
