import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { Schema, Types, type Connection, type Model } from 'mongoose';
import { detectIdLookup, findByIds } from '../../../src/shared/mongo/find-by-ids.js';
import { newDbName } from '../../helpers/test-app.js';

interface Thing {
  _id: Types.ObjectId;
  n: number;
}

describe('findByIds', () => {
  let conn: Connection;
  let model: Model<Thing>;
  const ids = Array.from({ length: 5 }, () => new Types.ObjectId());

  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
    model = conn.model('Thing', new Schema<Thing>({ n: Number }));
    await model.insertMany(ids.map((_id, n) => ({ _id, n })));
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('detects the server kind (point reads on FerretDB, $in on MongoDB)', async () => {
    const expected = inject('mongoServer').startsWith('FerretDB') ? 'point-reads' : 'in';
    expect(await detectIdLookup(conn)).toBe(expected);
  });

  it.each(['in', 'point-reads'] as const)('with %s returns documents in the order asked, duplicates and misses included', async (lookup) => {
    const unknown = new Types.ObjectId();
    const asked = [ids[3], unknown, ids[0], ids[3]];
    const found = await findByIds(model, asked, lookup);
    expect(found.map((d) => d?.n)).toEqual([3, undefined, 0, 3]);
    expect(await findByIds(model, [], lookup)).toEqual([]);
  });
});
