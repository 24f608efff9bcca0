// ensureSchemaIndexes (src/shared/mongo/schema-indexes.ts): on a server that serves only `_id`
// look-ups from an index (FerretDB, `point-reads`) the postings collection keeps its unique
// constraint and nothing else, also when an earlier start created the others; a server with
// `$in` look-ups (MongoDB) gets every schema index.
import { describe, expect, it } from 'vitest';
import { ensureSchemaIndexes } from '../../../src/shared/mongo/schema-indexes.js';
import { postingModel } from '../../../src/postings/posting.model.js';
import { isDuplicateKeyError } from '../../../src/shared/mongo/duplicate-key.js';
import { scratchDatabase } from '../../helpers/scratch-database.js';

describe('ensureSchemaIndexes', () => {
  const db = scratchDatabase();
  const names = async () => (await postingModel(db.conn).collection.indexes()).map((ix) => ix.name).sort();

  it('creates every schema index for servers that use them', async () => {
    await ensureSchemaIndexes(postingModel(db.conn), 'in');
    expect(await names()).toEqual(['_id_', ...postingModel(db.conn).schema.indexes().map(([fields]: [Record<string, unknown>, unknown]) => Object.entries(fields).map(([k, v]) => `${k}_${v}`).join('_'))].sort());
  });

  it('keeps only the unique constraints where no secondary index serves a query, dropping the others', async () => {
    await ensureSchemaIndexes(postingModel(db.conn), 'point-reads');
    expect(await names()).toEqual(['_id_', 'feedKey_1']);
    const raw = postingModel(db.conn).collection;
    await raw.insertOne({ feedKey: 'employer:ref-1' });
    const again = await raw.insertOne({ feedKey: 'employer:ref-1' }).catch((err: unknown) => err);
    expect(isDuplicateKeyError(again)).toBe(true);
    // Idempotent: a second start changes nothing.
    await ensureSchemaIndexes(postingModel(db.conn), 'point-reads');
    expect(await names()).toEqual(['_id_', 'feedKey_1']);
  });
});
