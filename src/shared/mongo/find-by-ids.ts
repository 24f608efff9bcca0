import type { Connection, Model, Types } from 'mongoose';

/**
 * How to load a handful of documents by _id. A real MongoDB answers one `$in` from its _id
 * index. FerretDB's SQLite backend only uses the index for a single `_id` equality (an `$in`
 * scans the collection), so there each id is its own point read, run concurrently.
 */
export type IdLookup = 'in' | 'point-reads';

/** Asks the server what it is: FerretDB says so in buildInfo. */
export async function detectIdLookup(conn: Connection): Promise<IdLookup> {
  const info = (await conn.db?.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: unknown } | undefined;
  return info?.ferretdbVersion ? 'point-reads' : 'in';
}

/** Loads documents by _id, in the order asked, missing ones as undefined. */
export async function findByIds<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  ids: readonly Types.ObjectId[],
  lookup: IdLookup,
): Promise<(T | undefined)[]> {
  const unique = [...new Map(ids.map((id) => [id.toHexString(), id])).values()];
  if (unique.length === 0) return [];
  const found =
    lookup === 'in'
      ? await model.find({ _id: { $in: unique } }).lean<T[]>()
      : (await Promise.all(unique.map((id) => model.findById(id).lean<T>().exec()))).filter((d): d is NonNullable<typeof d> => d !== null);
  const byId = new Map(found.map((doc) => [doc._id.toHexString(), doc]));
  return ids.map((id) => byId.get(id.toHexString()));
}
