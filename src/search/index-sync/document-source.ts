// The narrow port the index sync reads through: current search documents by id, the ids a
// catalog change touches, and every document in batches for a rebuild. The sync never sees
// repositories or records, so it cannot come to depend on the whole application.
import type { Types } from 'mongoose';
import type { IsoDate } from '../../matching/matching.types.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';

export interface SearchDocumentSource {
  /**
   * One entry per id, in order; undefined where the record no longer exists. `written`: records
   * a bulk writer just stored (by hex id), built into documents without reading them back.
   */
  postingDocuments(ids: readonly Types.ObjectId[], written?: ReadonlyMap<string, unknown>): Promise<(PostingSearchDocument | undefined)[]>;
  candidateDocuments(ids: readonly Types.ObjectId[], today: IsoDate): Promise<(CandidateSearchDocument | undefined)[]>;
  /** Postings whose documents depend on the catalog entry `code`. */
  postingIdsUsingCode(code: string): Promise<Types.ObjectId[]>;
  postingCount(): Promise<number>;
  candidateCount(): Promise<number>;
  /** Every posting, streamed in batches of `batchSize` (never all in memory). */
  postingBatches(batchSize: number): AsyncIterable<PostingSearchDocument[]>;
  candidateBatches(batchSize: number, today: IsoDate): AsyncIterable<CandidateSearchDocument[]>;
}
