// collectionCount reads the collection's statistics (src/shared/mongo/collection-count.ts):
// it must agree with a real count after inserts and deletes, and be 0 for a collection that
// does not exist yet.
import { describe, expect, it } from 'vitest';
import { collectionCount } from '../../../src/shared/mongo/collection-count.js';
import { scratchDatabase } from '../../helpers/scratch-database.js';

describe('collectionCount', () => {
  const db = scratchDatabase();

  it('counts what a scan counts, after inserts and after deletes', async () => {
    const things = db.conn.collection('things');
    await things.insertMany(Array.from({ length: 1_234 }, (_, n) => ({ n })));
    expect(await collectionCount(things)).toBe(1_234);
    await things.deleteMany({ n: { $lt: 200 } });
    expect(await collectionCount(things)).toBe(await things.countDocuments({}));
    expect(await collectionCount(things)).toBe(1_034);
  });

  it('takes the statistics path on this server (not the fallback count that decodes every document)', async () => {
    const rows = await db.conn.collection('things').aggregate<{ count: number }>([{ $collStats: { count: {} } }]).toArray();
    expect(rows.map((r) => r.count)).toEqual([1_034]);
  });

  it('is 0 for a collection nobody wrote to', async () => {
    expect(await collectionCount(db.conn.collection('never_written'))).toBe(0);
  });
});
