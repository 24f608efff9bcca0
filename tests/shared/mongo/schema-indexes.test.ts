// ensureSchemaIndexes (src/shared/mongo/schema-indexes.ts): on a server that serves only `_id`
// look-ups from an index (FerretDB, `point-reads`) the postings collection keeps its unique
// constraint and nothing else, also when an earlier start created the others; a server with
// `$in` look-ups (MongoDB) gets every schema index.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureSchemaIndexes } from '../../../src/shared/mongo/schema-indexes.js';
import { postingModel } from '../../../src/postings/posting.model.js';
import { isDuplicateKeyError } from '../../../src/shared/mongo/duplicate-key.js';
import { newDbName } from '../../helpers/test-app.js';

describe('ensureSchemaIndexes', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });
  const names = async () => (await postingModel(conn).collection.indexes()).map((ix) => ix.name).sort();

  it('creates every schema index for servers that use them', async () => {
    await ensureSchemaIndexes(postingModel(conn), 'in');
    expect(await names()).toEqual(['_id_', ...postingModel(conn).schema.indexes().map(([fields]: [Record<string, unknown>, unknown]) => Object.entries(fields).map(([k, v]) => `${k}_${v}`).join('_'))].sort());
  });

  it('keeps only the unique constraints where no secondary index serves a query, dropping the others', async () => {
    await ensureSchemaIndexes(postingModel(conn), 'point-reads');
    expect(await names()).toEqual(['_id_', 'feedKey_1']);
    const raw = postingModel(conn).collection;
    await raw.insertOne({ feedKey: 'employer:ref-1' });
    const again = await raw.insertOne({ feedKey: 'employer:ref-1' }).catch((err: unknown) => err);
    expect(isDuplicateKeyError(again)).toBe(true);
    // Idempotent: a second start changes nothing.
    await ensureSchemaIndexes(postingModel(conn), 'point-reads');
    expect(await names()).toEqual(['_id_', 'feedKey_1']);
  });
});
