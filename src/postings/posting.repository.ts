import type { Connection, Model, Types } from 'mongoose';
import { collectionCount } from '../shared/mongo/collection-count.js';
import { postingModel, type PostingRecord } from './posting.model.js';
import { findByIds, type IdLookup } from '../shared/mongo/find-by-ids.js';
import { ensureSchemaIndexes } from '../shared/mongo/schema-indexes.js';
import { afterCondition, type KeysetPage, type KeysetWindow } from '../shared/keyset-pagination.js';
import { allOf } from '../shared/mongo/filters.js';
import type { PostingStatus } from '../shared/enums.js';
import { conflict } from '../shared/errors.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import { PageRecordCache, type PageRecordCacheOptions } from '../shared/mongo/page-record-cache.js';
import { updateByIdOp } from '../shared/mongo/update-by-id.js';

export type PostingData = Omit<PostingRecord, '_id' | 'createdAt' | 'updatedAt'>;

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
    await ensureSchemaIndexes(this.model, this.idLookup);
    await this.backfillFeedKeys();
  }

  /**
   * Once per database: postings stored with an externalRef before feedKey existed get theirs,
   * so a bulk upsert's insert collides with them on the unique index (it looks references up
   * by derived `_id` and never scans for them; posting-bulk-writer.ts). A marker document keeps
   * this to one scan per database. Two such postings with one reference: the first keeps it.
   */
  private async backfillFeedKeys(): Promise<void> {
    const markers = this.model.db.collection<{ _id: string; at: Date }>('schema_migrations');
    if (await markers.findOne({ _id: FEED_KEY_MIGRATION })) return;
    const rows = await this.model.collection
      .find({ externalRef: { $type: 'string' }, feedKey: { $exists: false } }, { projection: { _id: 1, employerId: 1, externalRef: 1 } })
      .toArray();
    for (let from = 0; from < rows.length; from += UPDATE_CHUNK) {
      const writes = rows.slice(from, from + UPDATE_CHUNK).map((r) => updateByIdOp(r._id, { $set: { feedKey: `${String(r.employerId)}:${String(r.externalRef)}` } }));
      await this.model.collection.bulkWrite(writes, { ordered: false }).catch((err: unknown) => {
        for (const e of writeFailures(err, (i) => i).values()) if (!isDuplicateKeyError(e)) throw err;
      });
    }
    await markers.updateOne({ _id: FEED_KEY_MIGRATION }, { $set: { at: new Date() } }, { upsert: true });
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
   * Inserts complete records (built and validated by the caller: defaults, timestamps and
   * `__v` set) in ONE unordered insertMany on the driver, skipping mongoose's per-document
   * hydration and casting. Returns the positions that failed, with the error of each.
   */
  async insertPrepared(records: readonly PostingRecord[]): Promise<Map<number, unknown>> {
    if (records.length === 0) return new Map();
    try {
      await this.model.collection.insertMany(records as PostingRecord[], { ordered: false });
      return new Map();
    } catch (err) {
      return writeFailures(err, (i) => i);
    } finally {
      this.pageCache.evict(records.map((r) => r._id));
    }
  }

  /**
   * `$set`s of pre-validated changes, each with `updatedAt`, UPDATE_CHUNK per command on the
   * driver (no mongoose casting). Returns the positions (in `ops`) that failed.
   */
  async updatePrepared(ops: readonly { id: Types.ObjectId; changes: Partial<PostingData> }[], updatedAt: Date): Promise<Map<number, unknown>> {
    const failed = new Map<number, unknown>();
    // Multi statements by `_id` (update-by-id.ts): updateOne statements stall FerretDB v1 from
    // ~100 per command on. Chunked so one failed command costs a chunk, not the batch.
    for (let from = 0; from < ops.length; from += UPDATE_CHUNK) {
      const chunk = ops.slice(from, from + UPDATE_CHUNK);
      const writes = chunk.map((op) => updateByIdOp(op.id, { $set: { ...op.changes, updatedAt } }));
      try {
        await this.model.collection.bulkWrite(writes, { ordered: false });
      } catch (err) {
        for (const [i, e] of writeFailures(err, (i) => from + i)) failed.set(i, e);
      } finally {
        this.pageCache.evict(chunk.map((op) => op.id));
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
    return collectionCount(this.model.collection);
  }
}

const UPDATE_CHUNK = 50;
const FEED_KEY_MIGRATION = 'posting-feed-keys';

/** A bulk command's per-statement failures by position (the driver gives one error or a list). */
function writeFailures(err: unknown, position: (index: number) => number): Map<number, unknown> {
  const listed = (err as { writeErrors?: unknown }).writeErrors;
  if (!listed) throw err;
  const errors = (Array.isArray(listed) ? listed : [listed]) as { index: number }[];
  return new Map(errors.map((w) => [position(w.index), w]));
}

function listFilter(employerId: Types.ObjectId | null, status: PostingStatus | null): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (employerId) f.employerId = employerId;
  if (status) f.status = status;
  return f;
}
