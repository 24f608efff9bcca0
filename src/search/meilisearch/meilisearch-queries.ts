// The searches the exact ranking (meilisearch-exact-ranking.ts) is built from: an exhaustive
// count of a filter, a whole small tier with only the scoring fields, and the first documents
// of a filter by fit-vector similarity with only the scoring fields.
import type { Index, Meilisearch, MultiSearchParams } from 'meilisearch';
import { FIT_EMBEDDER } from './meilisearch-fit-vectors.js';
import { f32 } from './meilisearch-payloads.js';
import type { WholeTier } from './meilisearch-exact-ranking.js';

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

const fitQuery = (filter: string, size: number, vector: number[], fields: string[]) => ({
  q: null,
  filter,
  limit: size,
  vector: f32(vector),
  hybrid: { embedder: FIT_EMBEDDER, semanticRatio: 1 },
  attributesToRetrieve: fields,
});

/** The tier's first `size` documents by fit-vector similarity, scoring fields only. */
export async function fitRanked<D>(index: Index<Doc>, filter: string, size: number, vector: number[], fields: string[]): Promise<D[]> {
  const { q, ...params } = fitQuery(filter, size, vector, fields);
  const res = await index.search<Doc>(q, params);
  return res.hits as unknown as D[];
}

/**
 * The count and the first `size` documents per vector as one multi-search (Meilisearch runs
 * its queries one after the other): one HTTP request instead of one per search.
 */
export async function countAndFitRanked<D>(
  client: Meilisearch,
  indexUid: string,
  filter: string,
  size: number,
  vectors: number[][],
  fields: string[],
): Promise<{ count: number; lists: D[][] }> {
  const { results } = await client.multiSearch<MultiSearchParams, Doc>({
    queries: [{ indexUid, q: null, filter, page: 0, hitsPerPage: 1 }, ...vectors.map((v) => ({ indexUid, ...fitQuery(filter, size, v, fields) }))],
  });
  const [count, ...lists] = results;
  return { count: (count as { totalHits?: number }).totalHits ?? 0, lists: lists.map((r) => r.hits as unknown as D[]) };
}
