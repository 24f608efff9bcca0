// What the index sync tells others after it applied a batch to the engine: the documents it
// indexed (their current MongoDB state) and the ids that are gone from MongoDB. Called on
// every path that applies changes (the outbox drain and, with the embedded engine, each
// instance's change-log follower), after the engine write succeeded. The alerts feature
// detects its events here (src/alerts/alert-detector.ts); the sync itself knows nothing of it.
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';

export interface IndexApplyListener {
  postingsApplied(docs: readonly PostingSearchDocument[], gone: readonly string[]): Promise<void>;
  candidatesApplied(docs: readonly CandidateSearchDocument[], gone: readonly string[]): Promise<void>;
}

/**
 * The durable side of the same hand-over: told of the documents whose change is passed on,
 * awaited BEFORE their outbox entry is retired (and before any listener hears of them), once
 * per change (by the drain, or by the writer/drain appending to the change log, never by each
 * follower). A failure keeps the outbox entry, so the change is passed on again later: what it
 * records survives a crash at any point after the MongoDB write.
 */
export interface IndexChangeRecorder {
  changesPassedOn(entity: IndexedEntity, ids: readonly string[]): Promise<void>;
}
