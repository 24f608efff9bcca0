// The floor of the bulk path: what the database alone needs to take the same 1,000 documents.
// The run's stored postings are copied (new ids) into a scratch collection with ONE raw
// `insertMany` (ordered: false), once into a bare collection and once into one carrying the
// postings collection's indexes, so the end-to-end figure can be read against what no code of
// ours could beat on this store. Figures only.
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';

export interface FloorFigures {
  bareMs: number;
  indexedMs: number;
}

export async function measureInsertFloor(conn: Connection, refPrefix: string): Promise<FloorFigures> {
  const db = conn.db!;
  const postings = db.collection('postings');
  // A scan, outside any timing: the documents exactly as the bulk path stored them.
  const stored = await postings.find({ externalRef: { $regex: `^${refPrefix}` } }).toArray();
  const indexes = (await postings.indexes()).filter((ix) => ix.name !== '_id_');
  const once = async (withIndexes: boolean): Promise<number> => {
    const scratch = db.collection(`bulk_floor_${new Types.ObjectId().toHexString()}`);
    await db.createCollection(scratch.collectionName);
    if (withIndexes) {
      await scratch.createIndexes(indexes.map(({ key, name, unique, sparse }) => ({ key, name, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) })));
    }
    const docs = stored.map((d) => ({ ...d, _id: new Types.ObjectId() }));
    const t0 = performance.now();
    await scratch.insertMany(docs, { ordered: false });
    const took = performance.now() - t0;
    await scratch.drop();
    return took;
  };
  if (stored.length === 0) throw new Error(`floor: no stored postings with references ${refPrefix}*`);
  return { bareMs: await once(false), indexedMs: await once(true) };
}
