// The number of documents in a whole collection, from the server's collection statistics.
// FerretDB v1 answers `count` (what estimatedDocumentCount sends) by reading and decoding every
// document: 13 s for 50,000 postings and 17 s for 100,000 on this machine, which a rebuild
// waited for before its first batch and a list page waited for each time. `$collStats` with
// `count` reads the collection's metadata there (0.4 s for 50,000) and on MongoDB alike (one
// row per shard, summed). A server without it falls back to estimatedDocumentCount.
import type { mongo } from 'mongoose';

export async function collectionCount(collection: mongo.Collection): Promise<number> {
  try {
    const rows = await collection.aggregate<{ count?: number }>([{ $collStats: { count: {} } }]).toArray();
    if (rows.length > 0 && rows.every((r) => typeof r.count === 'number')) return rows.reduce((sum, r) => sum + r.count!, 0);
  } catch {
    // Older servers and some compatible ones do not have $collStats: the usual count below.
  }
  return collection.estimatedDocumentCount();
}
