// The searches the exact ranking (meilisearch-exact-ranking.ts) is built from: an exhaustive
// count of a filter, a whole small tier with only the scoring fields, and the first documents
// of a filter by fit-vector similarity with only the scoring fields.
import type { Index } from 'meilisearch';
import { FIT_EMBEDDER } from './meilisearch-fit-vectors.js';
import { f32 } from './meilisearch-payloads.js';
import type { RankedDocs, WholeTier } from './meilisearch-exact-ranking.js';

type Doc = Record<string, unknown>;

/** Documented: with `page: 0` Meilisearch returns no documents but exhaustive totalHits. */
export async function countHits(index: Index<Doc>, filter: string): Promise<number> {
  const res = await index.search(null, { filter, page: 0, hitsPerPage: 1 });
  return res.totalHits;
}

/**
 * The filter's exhaustive count and its first `limit` documents, scoring fields only: a
 * placeholder search (no words, no sort, no vector), so Meilisearch only evaluates the filter
 * and reads the documents. With page/hitsPerPage totalHits is exact (up to maxTotalHits).
 */
export async function wholeTier<D>(index: Index<Doc>, filter: string, limit: number, fields: string[]): Promise<WholeTier<D>> {
  const res = await index.search(null, { filter, page: 1, hitsPerPage: limit, attributesToRetrieve: fields });
  return { total: res.totalHits, docs: res.hits as unknown as D[] };
}

/**
 * The tier's first `size` documents by fit-vector similarity, scoring fields only, and the
 * tier's exact size: with page/hitsPerPage a semantic-only search (semanticRatio 1) reports
 * the filtered set's size as totalHits, the same figure as countHits (checked on the bench's
 * 100,000 postings), so no count request is needed beside it.
 */
export async function fitRanked<D>(index: Index<Doc>, filter: string, size: number, vector: number[], fields: string[]): Promise<RankedDocs<D>> {
  const res = await index.search(null, {
    filter,
    page: 1,
    hitsPerPage: size,
    vector: f32(vector),
    hybrid: { embedder: FIT_EMBEDDER, semanticRatio: 1 },
    attributesToRetrieve: fields,
  });
  return { docs: res.hits as unknown as D[], total: res.totalHits ?? 0 };
}
