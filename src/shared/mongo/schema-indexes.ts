import type { Model } from 'mongoose';
import type { IdLookup } from './find-by-ids.js';

/**
 * Creates a model's schema indexes where they serve queries. FerretDB's SQLite backend (the
 * `point-reads` servers, find-by-ids.ts) answers only a single `_id` equality from an index:
 * there a secondary index serves no query and only slows every insert (the postings' four
 * non-unique ones cost ~80 ms of ~350 ms per 1,000 inserts into 100,000 postings, measured).
 * So there only the unique indexes, which are constraints, are created, and non-unique ones an
 * earlier start made are dropped. A real MongoDB gets them all.
 */
export async function ensureSchemaIndexes<T>(model: Model<T>, idLookup: IdLookup): Promise<void> {
  if (idLookup === 'in') {
    await model.createIndexes();
    return;
  }
  for (const [fields, options] of model.schema.indexes()) {
    if (options?.unique) await model.collection.createIndex(fields as Record<string, 1 | -1>, options as Record<string, unknown>);
  }
  // Every caller's schema has a unique index, so the collection exists by now.
  for (const ix of await model.collection.indexes()) {
    if (ix.name && ix.name !== '_id_' && !ix.unique) await model.collection.dropIndex(ix.name);
  }
}
