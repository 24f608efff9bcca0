// The Meilisearch adapter's browse-and-search round trips (request building and reading are
// in meilisearch-browse.ts): each is one request, a multi-search where several queries are needed.
import type { Index, Meilisearch } from 'meilisearch';
import { isoToEpochDay } from '../../matching/dates.js';
import type { CandidateFacetCounts, CandidateFacetsQuery, IdPage, PostingFacetCounts, PostingFacetsQuery, SearchCandidatesQuery } from '../search-engine.js';
import {
  CANDIDATE_ORDER_FIELDS,
  candidateFacetQueries,
  candidateFilterString,
  candidateYearStreams,
  hitDistances,
  mergeByYears,
  postingFacetQueries,
  readCandidateFacets,
  readPostingFacets,
} from './meilisearch-browse.js';

type Doc = Record<string, unknown>;

/** Words present (letters or digits): relevance decides; else the engine's default order. */
export function hasWords(text: string | null | undefined): text is string {
  return !!text && /[\p{L}\p{N}]/u.test(text);
}

export async function askPostingFacets(client: Meilisearch, indexUid: string, q: PostingFacetsQuery): Promise<PostingFacetCounts> {
  const { results } = await client.multiSearch({ queries: postingFacetQueries(indexUid, q.text?.trim() || null, q.filter) });
  return readPostingFacets(results);
}

export async function askSearchCandidates(
  client: Meilisearch,
  index: Index<Doc>,
  q: SearchCandidatesQuery,
  { offset, limit }: { offset: number; limit: number },
): Promise<IdPage> {
  const day = isoToEpochDay(q.today);
  const text = q.text?.trim() || null;
  const near = q.filter?.near ?? null;
  const filter = candidateFilterString(q.filter, day);
  let hits: Doc[];
  let total: number;
  if (hasWords(text)) {
    const res = await index.search(text, { filter, sort: ['id:asc'], page: 1, hitsPerPage: offset + limit, attributesToRetrieve: CANDIDATE_ORDER_FIELDS });
    hits = res.hits.slice(offset);
    total = res.totalHits;
  } else {
    const { results } = await client.multiSearch({ queries: candidateYearStreams(index.uid, filter, offset + limit) });
    hits = mergeByYears(results.map((r) => r.hits), day).slice(offset, offset + limit);
    total = results.reduce((sum, r) => sum + (r.totalHits ?? 0), 0);
  }
  return { ids: hits.map((h) => String(h.id)), total, ...(near ? { distancesMiles: hitDistances(hits, near) } : {}) };
}

export async function askCandidateFacets(client: Meilisearch, indexUid: string, q: CandidateFacetsQuery): Promise<CandidateFacetCounts> {
  const queries = candidateFacetQueries(indexUid, q.text?.trim() || null, q.filter, isoToEpochDay(q.today), q.qualificationCodes);
  const { results } = await client.multiSearch({ queries });
  return readCandidateFacets(results, q.qualificationCodes);
}
