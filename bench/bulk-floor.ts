// The floor of the bulk path: what the database alone needs to take the same 1,000 documents.
// The run's stored postings are copied (new ids) into scratch collections with ONE raw
// `insertMany` (ordered: false), one bare and one carrying the postings collection's indexes,
// so the end-to-end figure can be read against what no code of ours could beat on this store.
// The scratch collections are created before the API starts and dropped after it stopped:
// creating one on FerretDB v1 while the API wrote and polled left the server unresponsive.
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';

export interface FloorFigures {
  bareMs: number;
  indexedMs: number;
}

export class InsertFloor {
  private readonly names: { bare: string; indexed: string }[] = [];
  private next = 0;

  constructor(private readonly conn: Connection) {}

  /** Creates `runs` pairs of scratch collections (call before the API starts). */
  async prepare(runs: number): Promise<void> {
    const db = this.conn.db!;
    const indexes = (await db.collection('postings').indexes()).filter((ix) => ix.name !== '_id_');
    for (let i = 0; i < runs; i++) {
      const pair = { bare: `bulk_floor_bare_${i}`, indexed: `bulk_floor_indexed_${i}` };
      await db.createCollection(pair.bare);
      await db.createCollection(pair.indexed);
      await db.collection(pair.indexed).createIndexes(indexes.map(({ key, name, unique, sparse }) => ({ key, name, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) })));
      this.names.push(pair);
    }
  }

  /** One run's floor: the postings whose externalRef starts with `refPrefix`, inserted into the next pair. */
  async measure(refPrefix: string): Promise<FloorFigures> {
    const db = this.conn.db!;
    const pair = this.names[this.next++];
    if (!pair) throw new Error('floor: no scratch collections left (prepare more runs)');
    // A scan, outside any timing: the documents exactly as the bulk path stored them.
    const stored = await db.collection('postings').find({ externalRef: { $regex: `^${refPrefix}` } }).toArray();
    if (stored.length === 0) throw new Error(`floor: no stored postings with references ${refPrefix}*`);
    const once = async (name: string): Promise<number> => {
      const docs = stored.map((d) => ({ ...d, _id: new Types.ObjectId() }));
      const t0 = performance.now();
      await db.collection(name).insertMany(docs, { ordered: false });
      return performance.now() - t0;
    };
    return { bareMs: await once(pair.bare), indexedMs: await once(pair.indexed) };
  }

  /** Drops the scratch collections (after the API stopped). */
  async drop(): Promise<void> {
    for (const pair of this.names) for (const name of [pair.bare, pair.indexed]) await this.conn.db!.dropCollection(name).catch(() => undefined);
  }
}
