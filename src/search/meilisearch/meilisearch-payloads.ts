// Document bodies as sent to Meilisearch: the search document plus the geo field, sort keys
// and the fit vector the ranking searches with.
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';
import { FIT_EMBEDDER } from './meilisearch-fit-vectors.js';
import { candidateDocumentFitVector } from './meilisearch-fit-inputs.js';
import { geoField, meiliPostingDocument } from './meilisearch-browse.js';

type Doc = Record<string, unknown>;

/** Vector components as float32 keeps them (shorter JSON, same stored values). */
export const f32 = (v: number[]) => v.map((x) => Math.fround(x));

/** A posting document as sent to Meilisearch: geo field, sort key and fit vector (meilisearch-browse.ts). */
export const postingPayload = (d: PostingSearchDocument): Doc => meiliPostingDocument(d);

export function candidatePayload(d: CandidateSearchDocument): Doc {
  return { ...d, ...geoField(d), _vectors: { [FIT_EMBEDDER]: f32(candidateDocumentFitVector(d)) } };
}
