// What the index sync tells others after it applied a batch to the engine: the documents it
// indexed (their current MongoDB state) and the ids that are gone from MongoDB. Called on
// every path that applies changes (the outbox drain and, with the embedded engine, each
// instance's change-log follower), after the engine write succeeded. The alerts feature
// detects its events here (src/alerts/alert-detector.ts); the sync itself knows nothing of it.
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';

export interface IndexApplyListener {
  postingsApplied(docs: readonly PostingSearchDocument[], gone: readonly string[]): Promise<void>;
  candidatesApplied(docs: readonly CandidateSearchDocument[], gone: readonly string[]): Promise<void>;
}
