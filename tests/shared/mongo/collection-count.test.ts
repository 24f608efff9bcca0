// collectionCount reads the collection's statistics (src/shared/mongo/collection-count.ts):
// it must agree with a real count after inserts and deletes, and be 0 for a collection that
// does not exist yet.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { collectionCount } from '../../../src/shared/mongo/collection-count.js';
import { newDbName } from '../../helpers/test-app.js';

describe('collectionCount', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('counts what a scan counts, after inserts and after deletes', async () => {
    const things = conn.collection('things');
    await things.insertMany(Array.from({ length: 1_234 }, (_, n) => ({ n })));
    expect(await collectionCount(things)).toBe(1_234);
    await things.deleteMany({ n: { $lt: 200 } });
    expect(await collectionCount(things)).toBe(await things.countDocuments({}));
    expect(await collectionCount(things)).toBe(1_034);
  });

  it('takes the statistics path on this server (not the fallback count that decodes every document)', async () => {
    const rows = await conn.collection('things').aggregate<{ count: number }>([{ $collStats: { count: {} } }]).toArray();
    expect(rows.map((r) => r.count)).toEqual([1_034]);
  });

  it('is 0 for a collection nobody wrote to', async () => {
    expect(await collectionCount(conn.collection('never_written'))).toBe(0);
  });
});
