// One bulkWrite of more by-`_id` updates than FerretDB v1 has SQLite connections (100): as
// updateOne / replaceOne statements such a command never returns and the server stops
// answering everyone, for good (src/shared/mongo/update-by-id.ts; checked by hand: 150
// updateOne statements timed out after 15 s and the next insert on a new connection too).
// The socket timeout makes a regression fail here, though the rest of the run then fails too.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { Schema, Types, type Connection, type Model } from 'mongoose';
import { replaceByIdOp, updateByIdOp } from '../../../src/shared/mongo/update-by-id.js';
import { newDbName } from '../../helpers/test-app.js';

interface Thing {
  _id: Types.ObjectId;
  n: number;
  label?: string;
}

const MANY = 150;

describe('updateByIdOp / replaceByIdOp', () => {
  let conn: Connection;
  let model: Model<Thing>;
  const ids = Array.from({ length: MANY }, () => new Types.ObjectId());

  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName(), socketTimeoutMS: 30_000 }).asPromise();
    model = conn.model('Thing', new Schema<Thing>({ n: Number, label: String }));
    await model.insertMany(ids.map((_id, n) => ({ _id, n })));
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it(`updates ${MANY} existing documents in one command, each once, and the server answers afterwards`, async () => {
    const res = await model.collection.bulkWrite(ids.map((id) => updateByIdOp(id, { $inc: { n: 1000 } })), { ordered: false });
    expect(res.matchedCount).toBe(MANY);
    expect(res.modifiedCount).toBe(MANY);
    const docs = await model.find({}).sort({ n: 1 }).lean();
    expect(docs.map((d) => d.n)).toEqual(ids.map((_, n) => n + 1000));
  });

  it('replaces existing documents and upserts missing ones by _id in one command', async () => {
    const fresh = Array.from({ length: 5 }, () => new Types.ObjectId());
    const all = [...ids, ...fresh];
    const res = await model.bulkWrite(all.map((_id, n) => replaceByIdOp({ _id, n: 5000 + n, label: `r${n}` }, true)), { ordered: false });
    expect(res.matchedCount).toBe(MANY);
    expect(res.upsertedCount).toBe(fresh.length);
    const byId = new Map((await model.find({}).lean()).map((d) => [d._id.toHexString(), d]));
    expect(byId.size).toBe(all.length);
    all.forEach((id, n) => expect(byId.get(id.toHexString())).toMatchObject({ n: 5000 + n, label: `r${n}` }));
  });
});
