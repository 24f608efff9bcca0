// The floor of the bulk path: what the database alone needs to take 1,000 documents of the
// bulk call's shape. The bench's own items are built into stored postings by the service's
// builder (buildPostingData, withLocation, timestamps: the documents the bulk path inserts)
// and inserted with ONE raw `insertMany` (ordered: false), into a bare scratch collection and
// into one carrying the postings collection's indexes. Measured before the API starts, on the
// same database: reading the stored postings back and copying them while the API ran left
// FerretDB v1 unresponsive (twice, at the same point), so the floor does no reads at all.
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { SeedQualification } from '../seeds/generator.js';
import type { EmployerRecord } from '../src/employers/employer.model.js';
import { buildPostingData, feedPostingId, withLocation } from '../src/postings/posting-input.js';
import { bulkInputs } from './bulk-upsert.js';

export interface FloorFigures {
  bareMs: number;
  indexedMs: number;
}

export async function measureInsertFloor(conn: Connection, catalog: SeedQualification[], run: number, items = 1000): Promise<FloorFigures> {
  const db = conn.db!;
  const employer = { _id: new Types.ObjectId(), name: 'Bulk Feed Employer', setting: 'HOSPITAL', state: 'TX' } as unknown as EmployerRecord;
  const now = new Date();
  const inputs = bulkInputs(employer._id.toHexString(), catalog, items, `floor-${run}-`, `floorrun${run}`);
  const build = () =>
    inputs.map((input) => {
      const data = withLocation(buildPostingData(input as never, employer, now));
      return { _id: feedPostingId(`${data.feedKey}:${Math.random()}`), ...data, createdAt: now, updatedAt: now, __v: 0 };
    });
  const indexes = (await db.collection('postings').indexes()).filter((ix) => ix.name !== '_id_');
  const once = async (withIndexes: boolean): Promise<number> => {
    const name = `bulk_floor_${withIndexes ? 'indexed' : 'bare'}_${run}`;
    await db.createCollection(name);
    if (withIndexes) {
      await db.collection(name).createIndexes(indexes.map(({ key, name: n, unique, sparse }) => ({ key, name: n, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) })));
    }
    const docs = build();
    const t0 = performance.now();
    await db.collection(name).insertMany(docs, { ordered: false });
    const took = performance.now() - t0;
    await db.dropCollection(name);
    return took;
  };
  return { bareMs: await once(false), indexedMs: await once(true) };
}
