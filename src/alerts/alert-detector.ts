// Event detection, off the write path, at least once across a crash. The index sync records
// each change durably before it retires the change's outbox entry (alert-work.repository.ts,
// through the IndexChangeRecorder hook), then hands the applied documents over
// (apply-listener.ts) and returns at once; what arrives while a pass runs is evaluated by the
// next pass as one batch. A pass reads the work items' marks first and, for the documents it
// will clear, their current MongoDB state after them (so a change that bumps a mark meanwhile
// is never taken as evaluated), evaluates (alert-evaluator.ts: deliveries under deterministic ids, then entity
// states) and only then deletes the items (the cursor). Items that a crash, a failed pass or
// another instance left are taken by a sweep at start and every minute (alert-runtime.ts); a
// change evaluated twice queues nothing new.
import { Types } from 'mongoose';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search/search-engine.js';
import type { IndexApplyListener, IndexChangeRecorder } from '../search/index-sync/apply-listener.js';
import type { SearchDocumentSource } from '../search/index-sync/document-source.js';
import type { IndexedEntity } from '../shared/index-change-sink.js';
import { CoalescingRunner } from '../shared/coalescing-runner.js';
import { PhaseTimer } from '../shared/phase-timer.js';
import type { AlertWorkItem, AlertWorkRepository, WorkMark } from './alert-work.repository.js';
import { AlertEvaluator, candidateKey, postingKey, type AlertEvaluatorDeps } from './alert-evaluator.js';

/** Documents waiting for evaluation beyond which the index sync waits (bulk loads). */
const MAX_QUEUED_DOCUMENTS = 20_000;

export interface AlertDetectorDeps extends AlertEvaluatorDeps {
  /** Resolves once the index is loaded: nothing is evaluated against a partial index. */
  ready(): Promise<void>;
  work: AlertWorkRepository;
  documents: SearchDocumentSource;
  /** Before each pass; a no-op except under ALERT_TEST_DETECTION_DELAY_MS (crash tests). */
  pause(): Promise<void>;
  /**
   * How long hand-overs gather before a pass starts (0: after pending I/O). One pass then takes
   * the changes of several writes with one read and one write of each kind.
   */
  coalesceMs?: number;
}

/** Work items one sweep takes at most. */
const SWEEP_LIMIT = 2_000;
const SWEEP_DOCUMENTS = 5_000;

export class AlertDetector implements IndexApplyListener, IndexChangeRecorder {
  /**
   * Applied and not evaluated yet, by id: the document handed over (null: gone), or undefined
   * when the pass must read it (a swept item). A later hand-over replaces an earlier one.
   */
  private readonly pendingPostings = new Map<string, PostingSearchDocument | null | undefined>();
  private readonly pendingCandidates = new Map<string, CandidateSearchDocument | null | undefined>();
  /** Batch work items a sweep found: deleted after the pass that evaluates their documents. */
  private readonly sweptMarks: WorkMark[] = [];
  /** Batch items this instance recorded, with the documents no pass has evaluated since. */
  private readonly openBatches = new Map<string, { entity: IndexedEntity; left: Set<string> }>();
  /** One evaluation pass at a time; what arrives meanwhile is taken by the next pass, in one batch. */
  private readonly runner = new CoalescingRunner(() => this.pass());
  private readonly evaluator: AlertEvaluator;
  /** The next pass, once a hand-over asked for it. */
  private scheduled: Promise<void> | null = null;

  constructor(private readonly deps: AlertDetectorDeps) {
    this.evaluator = new AlertEvaluator(deps);
  }

  /** The durable record, before the change's outbox entry is retired (a failure keeps the entry). */
  async changesPassedOn(entity: IndexedEntity, ids: readonly string[]): Promise<void> {
    this.recorded(await this.deps.work.record(entity, ids, new Date()), entity, ids);
  }

  /** What changesPassedOn recorded (told by the main thread when detection runs in its own thread). */
  recorded(batch: string | null, entity: IndexedEntity, ids: readonly string[]): void {
    if (batch) this.openBatches.set(batch, { entity, left: new Set(ids) });
  }

  postingsApplied(docs: readonly PostingSearchDocument[], gone: readonly string[]): Promise<void> {
    for (const d of docs) this.pendingPostings.set(d.id, d);
    for (const id of gone) this.pendingPostings.set(id, null);
    return this.schedule();
  }

  candidatesApplied(docs: readonly CandidateSearchDocument[], gone: readonly string[]): Promise<void> {
    for (const d of docs) this.pendingCandidates.set(d.id, d);
    for (const id of gone) this.pendingCandidates.set(id, null);
    return this.schedule();
  }

  /**
   * Takes the work items older than `ageMs` (all at start): changes a crash, a failed pass or
   * another instance left unevaluated. Returns how many items it took.
   */
  async sweep(ageMs: number): Promise<number> {
    const found = await this.deps.work.olderThan(new Date(Date.now() - ageMs), SWEEP_LIMIT);
    // Bounded by documents too: a batch item names up to thousands.
    const items: AlertWorkItem[] = [];
    let documents = 0;
    for (const item of found) {
      if (documents >= SWEEP_DOCUMENTS) break;
      items.push(item);
      documents += item.entityIds?.length ?? 1;
    }
    for (const item of items) {
      this.openBatches.delete(item._id);
      const ids = item.entityIds?.length ? item.entityIds : [item.entityId];
      const pending: Map<string, unknown> = item.entity === 'posting' ? this.pendingPostings : this.pendingCandidates;
      // Read again by the pass, whatever was handed over meanwhile.
      for (const id of ids) pending.set(id, undefined);
      if (item.entityIds?.length) this.sweptMarks.push({ _id: item._id, seq: item.seq });
    }
    if (items.length > 0) {
      this.deps.logger.info(`Alerts: ${items.length} unevaluated change(s) taken up from the work queue`);
      await this.runner.run().catch(() => undefined);
    }
    return items.length;
  }

  /** Resolves once everything handed over so far has been evaluated (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pendingPostings.size + this.pendingCandidates.size + this.sweptMarks.length > 0) await this.runner.run().catch(() => undefined);
    await this.runner.idle();
  }

  private async schedule(): Promise<void> {
    // After pending I/O (the write that handed these over answers first), or after the
    // coalescing window; one timer for every hand-over meanwhile.
    const run = (this.scheduled ??= new Promise<void>((resolve) => (this.deps.coalesceMs ? setTimeout(resolve, this.deps.coalesceMs) : setImmediate(resolve)))
      .then(() => {
        this.scheduled = null;
        return this.runner.run();
      })
      .catch(() => undefined));
    // Backpressure for bulk loads only; a single write never waits here.
    if (this.pendingPostings.size + this.pendingCandidates.size > MAX_QUEUED_DOCUMENTS) await run;
  }

  /**
   * Candidates first: a posting evaluated in the same pass then sees their new states. A batch
   * that fails keeps its work items (the sweep retries them).
   */
  private async pass(): Promise<void> {
    await this.deps.ready();
    await this.deps.pause();
    while (this.pendingPostings.size + this.pendingCandidates.size + this.sweptMarks.length > 0) {
      const timer = new PhaseTimer();
      const candidates = take(this.pendingCandidates);
      const postings = take(this.pendingPostings);
      const swept = this.sweptMarks.splice(0);
      await this.deps.gate.quiet();
      const marks = await this.deps.work.marks([...[...candidates.keys()].map(candidateKey), ...[...postings.keys()].map(postingKey)]).catch((err: Error) => {
        this.deps.logger.warn(`Alert work items not read (the sweep takes them): ${err.message}`);
        return [];
      });
      timer.lap('marks');
      // Documents whose item this pass clears are read again, after the items were read.
      const marked = new Set(marks.map((m) => m._id));
      const batched = { posting: this.batchedIds('posting'), candidate: this.batchedIds('candidate') };
      const today = this.deps.clock.today();
      const candidatesOk = await this.guard(candidates.size, async () => {
        const clears = (id: string) => marked.has(candidateKey(id)) || batched.candidate.has(id);
        const { docs, gone } = await current(candidates, clears, (ids) => this.quietly(() => this.deps.documents.candidateDocuments(ids, today)));
        timer.lap('documents');
        await this.evaluator.candidates(docs, gone, timer);
      });
      const postingsOk = await this.guard(postings.size, async () => {
        const clears = (id: string) => marked.has(postingKey(id)) || batched.posting.has(id);
        const { docs, gone } = await current(postings, clears, (ids) => this.quietly(() => this.deps.documents.postingDocuments(ids)));
        timer.lap('documents');
        await this.evaluator.postings(docs, gone, timer);
      });
      const evaluated = [...(candidatesOk ? this.settleBatches('candidate', batched.candidate, candidates) : []), ...(postingsOk ? this.settleBatches('posting', batched.posting, postings) : [])];
      const done = [...marks, ...swept, ...evaluated].filter((m) => (m._id.startsWith('candidate:') ? candidatesOk : postingsOk));
      await this.deps.gate.quiet();
      await this.deps.work.done(done).catch((err: Error) => this.deps.logger.warn(`Alert work items not cleared (re-evaluated later, nothing new raised): ${err.message}`));
      timer.lap('workDone');
      timer.log(this.deps.logger, 'alertPass', { postings: postings.size, candidates: candidates.size });
    }
  }

  private async quietly<T>(read: () => Promise<T>): Promise<T> {
    await this.deps.gate.quiet();
    return read();
  }

  /** The documents of this instance's open batch items, as the pass starts (re-read: the item was recorded before). */
  private batchedIds(entity: IndexedEntity): Set<string> {
    const ids = new Set<string>();
    for (const b of this.openBatches.values()) if (b.entity === entity) for (const id of b.left) ids.add(id);
    return ids;
  }

  /** Batch items whose every document has now been evaluated (from a read after the item was recorded). */
  private settleBatches(entity: IndexedEntity, batched: ReadonlySet<string>, evaluated: ReadonlyMap<string, unknown>): WorkMark[] {
    const settled: WorkMark[] = [];
    for (const [_id, b] of this.openBatches) {
      if (b.entity !== entity) continue;
      for (const id of evaluated.keys()) if (batched.has(id)) b.left.delete(id);
      if (b.left.size === 0) {
        settled.push({ _id, seq: 1 });
        this.openBatches.delete(_id);
      }
    }
    return settled;
  }

  private async guard(size: number, work: () => Promise<void>): Promise<boolean> {
    if (size === 0) return true;
    try {
      await work();
      return true;
    } catch (err) {
      this.deps.logger.warn(`Alert detection failed for a batch of ${size} documents: ${(err as Error).message}`);
      return false;
    }
  }
}

function take<T>(pending: Map<string, T>): Map<string, T> {
  const batch = new Map(pending);
  pending.clear();
  return batch;
}

/**
 * The documents to evaluate: read from MongoDB (after the marks were read) for every id whose
 * work item the pass will delete, and for swept ids; the handed-over one otherwise (a feed's
 * batch: no per-document item, no second read of 1,000 documents).
 */
async function current<T>(
  batch: ReadonlyMap<string, T | null | undefined>,
  marked: (id: string) => boolean,
  read: (ids: Types.ObjectId[]) => Promise<(T | undefined)[]>,
): Promise<{ docs: T[]; gone: string[] }> {
  const reread = [...batch].filter(([id, d]) => d === undefined || marked(id)).map(([id]) => id);
  const found = reread.length > 0 ? await read(reread.map((id) => new Types.ObjectId(id))) : [];
  const latest = new Map(reread.map((id, i) => [id, found[i] ?? null]));
  const docs: T[] = [];
  const gone: string[] = [];
  for (const [id, handed] of batch) {
    const d = latest.has(id) ? latest.get(id) : handed;
    if (d) docs.push(d);
    else gone.push(id);
  }
  return { docs, gone };
}
