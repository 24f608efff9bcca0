// The embedded engine off the main thread: N worker threads, each holding a FULL replica of the
// index, so ranking never blocks the event loop (GraphQL, /health) and both cores rank at once.
//
// - Reads (queries) go to the ready worker with the fewest requests in flight.
// - Writes (upsert/delete/reset) are broadcast to every live worker in the order they were
//   called; a worker handles its messages one at a time (serve-engine.ts), so every replica
//   applies the same writes in the same order, and a query posted after a write sees it.
// - A worker that dies is replaced: the new one copies the state of a live replica over a
//   MessageChannel between the two (nothing crosses the main thread); both requests are posted
//   in the same tick, so later writes reach the copy behind the import. Queries meanwhile go to
//   the other workers. With no live replica left, `rebuild` (the app: a reindex from MongoDB)
//   refills a fresh worker, and queries answer SearchUnavailableError until it is done.
//
// Port methods are forwarded by name: a new SearchEngine method is one line below (`read` or
// `broadcast`), the worker needs no change. Arguments and results must be structured-cloneable.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type {
  CandidateFacetCounts,
  CandidateFacetsQuery,
  PostingFacetCounts,
  PostingFacetsQuery,
  SearchCandidatesQuery,
  CandidateSearchDocument,
  IdPage,
  PostingSearchDocument,
  RankCandidatesQuery,
  RankPostingsQuery,
  RankedPage,
  SearchEngine,
  SearchHealth,
  SearchPostingsQuery,
} from '../search-engine.js';
import type { IsoDate } from '../../matching/matching.types.js';
import type { CandidateCountsQuery, CareerStepsQuery } from '../career-queries.js';
import type { StepCount } from '../../matching/career-steps.js';
import type { Logger } from '../../shared/logger.js';
import { SearchRejectedError, SearchUnavailableError } from '../search-errors.js';
import { EXPORT_TO, IMPORT_FROM, type EngineResponse, type WireError } from './engine-protocol.js';
import { engineWorkerEntry, type WorkerEntry } from './worker-entry.js';
import type { SnapshotMeta, SnapshottingEngine } from '../embedded/embedded-snapshot.js';

export interface PooledEngineOptions {
  workers: number;
  logger?: Logger;
  /** Worker script (tests use one that can be told to crash); default: engine.worker. */
  entry?: WorkerEntry;
  /** Refills the pool when every replica was lost (the app reindexes from MongoDB). */
  rebuild?: () => Promise<void>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: WorkerGone | WireError) => void;
}

const REFILL_RETRY_MS = 5000;
const MAX_RESPAWN_DELAY_MS = 10_000;
const SAVING_PENALTY = 1000;

/** A worker that went away before answering: not the engine's fault, retried elsewhere. */
class WorkerGone extends Error {}

interface Replica {
  worker: Worker;
  pending: Map<number, Pending>;
  /** false while copying another replica's state: writes are posted, queries are not. */
  ready: boolean;
  /** Writing the snapshot file. */
  saving?: boolean;
}

/** The worker's error as the in-thread engine would have thrown it. */
function fromWire(method: string, e: WireError): Error {
  const cause = new Error(e.causeMessage ?? e.message);
  if (e.rejectedDetail !== undefined) return new SearchRejectedError(e.operation ?? method, e.rejectedDetail, { cause });
  return new SearchUnavailableError(e.operation ?? method, { cause });
}

export class PooledSearchEngine implements SearchEngine, SnapshottingEngine {
  readonly kind = 'embedded' as const;
  private readonly replicas = new Set<Replica>();
  private nextId = 1;
  private closed = false;
  private rebuilding = false;
  private restarts = 0;
  /** Deaths since a worker last answered: a worker that cannot even start must not spin. */
  private failuresInRow = 0;
  private readonly entry: WorkerEntry;

  constructor(private readonly options: PooledEngineOptions) {
    if (options.workers < 1) throw new Error('a pooled engine needs at least one worker');
    this.entry = options.entry ?? engineWorkerEntry();
    for (let i = 0; i < options.workers; i++) this.spawn(true);
  }

  searchPostings = (q: SearchPostingsQuery): Promise<IdPage> => this.read('searchPostings', q);
  postingFacets = (q: PostingFacetsQuery): Promise<PostingFacetCounts> => this.read('postingFacets', q);
  searchCandidates = (q: SearchCandidatesQuery): Promise<IdPage> => this.read('searchCandidates', q);
  candidateFacets = (q: CandidateFacetsQuery): Promise<CandidateFacetCounts> => this.read('candidateFacets', q);
  rankPostingsForCandidate = (q: RankPostingsQuery): Promise<RankedPage> => this.read('rankPostingsForCandidate', q);
  rankCandidatesForPosting = (q: RankCandidatesQuery): Promise<RankedPage> => this.read('rankCandidatesForPosting', q);
  careerSteps = (q: CareerStepsQuery): Promise<StepCount[]> => this.read('careerSteps', q);
  countCandidates = (q: CandidateCountsQuery): Promise<number[]> => this.read('countCandidates', q);
  staleCandidateIds = (today: IsoDate, limit: number): Promise<string[]> => this.read('staleCandidateIds', today, limit);
  indexedVersions = (entity: 'posting' | 'candidate'): Promise<Array<[string, number]>> => this.read('indexedVersions', entity);
  documentCounts = (): Promise<{ postings: number; candidates: number }> => this.read('documentCounts');
  upsertPostings = (docs: readonly PostingSearchDocument[]): Promise<void> => this.broadcast('upsertPostings', docs);
  deletePostings = (ids: readonly string[]): Promise<void> => this.broadcast('deletePostings', ids);
  upsertCandidates = (docs: readonly CandidateSearchDocument[]): Promise<void> => this.broadcast('upsertCandidates', docs);
  deleteCandidates = (ids: readonly string[]): Promise<void> => this.broadcast('deleteCandidates', ids);
  reset = (): Promise<void> => this.broadcast('reset');
  // One replica writes the file (the others keep answering); every replica loads it, in parallel.
  saveSnapshot = (file: string, takenAt: number, snapshotId?: string): Promise<SnapshotMeta & { bytes: number }> =>
    this.whileSaving((r) => this.call(r, 'saveSnapshot', [file, takenAt, snapshotId]) as Promise<SnapshotMeta & { bytes: number }>);
  loadSnapshot = (file: string): Promise<SnapshotMeta | null> => this.broadcast('loadSnapshot', file);

  /** Live workers (tests and /health). */
  get size(): number {
    return this.replicas.size;
  }

  /** From the main thread's own bookkeeping: /health must not queue behind rankings. */
  async health(): Promise<SearchHealth> {
    const ready = [...this.replicas].filter((r) => r.ready).length;
    const detail = `${ready} of ${this.options.workers} workers ready, ${this.restarts} restarted`;
    if (this.closed) return { ok: false, engine: 'embedded', detail: 'closed' };
    return { ok: ready > 0 && !this.rebuilding, engine: 'embedded', detail: this.rebuilding ? `${detail}; rebuilding` : detail };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.replicas];
    this.replicas.clear();
    for (const r of all) {
      for (const p of r.pending.values()) p.reject(new WorkerGone('the search engine was closed'));
      r.pending.clear();
    }
    await Promise.all(all.map((r) => r.worker.terminate()));
  }

  /**
   * A query whose worker dies under it is NOT retried on another: the query itself may be what
   * killed it, and a retry would take every replica down with it. The caller gets
   * SEARCH_UNAVAILABLE; the next queries go to the live replicas.
   */
  private async read<T>(method: string, ...args: unknown[]): Promise<T> {
    const target = this.leastBusy();
    if (!target) throw new SearchUnavailableError(method, { cause: new Error(this.closed ? 'closed' : 'no search worker is ready') });
    try {
      return (await this.call(target, method, args)) as T;
    } catch (err) {
      if (err instanceof WorkerGone) throw new SearchUnavailableError(method, { cause: err });
      throw err;
    }
  }

  /** Resolves with the first replica's answer once every live replica applied the write. */
  private async broadcast<T = void>(method: string, ...args: unknown[]): Promise<T> {
    if (this.closed || this.replicas.size === 0) throw new SearchUnavailableError(method, { cause: new Error('closed') });
    const results = await Promise.allSettled([...this.replicas].map((r) => this.call(r, method, args)));
    const failure = results.find((r) => r.status === 'rejected' && !(r.reason instanceof WorkerGone));
    if (failure) throw (failure as PromiseRejectedResult).reason;
    // Every replica died under the write: nothing holds it, the rebuild reads MongoDB again.
    const done = results.find((r) => r.status === 'fulfilled');
    if (!done) throw new SearchUnavailableError(method, { cause: new Error('every search worker exited') });
    return done.value as T;
  }

  private leastBusy(): Replica | undefined {
    if (this.closed || this.rebuilding) return undefined;
    let best: Replica | undefined;
    const score = (r: Replica) => r.pending.size + (r.saving ? SAVING_PENALTY : 0);
    for (const r of this.replicas) if (r.ready && (!best || score(r) < score(best))) best = r;
    return best;
  }

  /** A replica writing the snapshot is busy for seconds: queries avoid it while another is ready. */
  private async whileSaving<T>(work: (r: Replica) => Promise<T>): Promise<T> {
    const r = this.leastBusy();
    if (!r) throw new SearchUnavailableError('saveSnapshot', { cause: new Error('no search worker is ready') });
    r.saving = true;
    try {
      return await work(r);
    } catch (err) {
      throw err instanceof WorkerGone ? new SearchUnavailableError('saveSnapshot', { cause: err }) : err;
    } finally {
      r.saving = false;
    }
  }

  private call(r: Replica, method: string, args: unknown[], port?: MessagePort): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      r.pending.set(id, { resolve, reject: (err) => reject(err instanceof WorkerGone ? err : fromWire(method, err)) });
      r.worker.ref();
      r.worker.postMessage({ id, method, args, port }, port ? [port] : []);
    });
  }

  private spawn(ready: boolean): Replica {
    const worker = new Worker(this.entry.script, { eval: this.entry.eval, workerData: this.entry.workerData });
    const replica: Replica = { worker, pending: new Map(), ready };
    worker.on('message', (res: EngineResponse) => {
      const p = replica.pending.get(res.id);
      if (!p) return;
      replica.pending.delete(res.id);
      if (replica.pending.size === 0) worker.unref();
      this.failuresInRow = 0;
      if (res.ok) p.resolve(res.value);
      else p.reject(res.error);
    });
    worker.on('error', (err) => this.options.logger?.error('Search worker failed', err));
    worker.on('exit', (code) => this.lost(replica, code));
    // Only a worker with requests in flight keeps the process alive (an idle pool never does).
    worker.unref();
    this.replicas.add(replica);
    return replica;
  }

  private lost(replica: Replica, code: number): void {
    if (!this.replicas.delete(replica)) return;
    for (const p of replica.pending.values()) p.reject(new WorkerGone(`search worker exited with code ${code}`));
    replica.pending.clear();
    if (this.closed) return;
    this.restarts++;
    const delay = this.failuresInRow === 0 ? 0 : Math.min(MAX_RESPAWN_DELAY_MS, 100 * 2 ** this.failuresInRow);
    this.failuresInRow++;
    this.options.logger?.warn(`Search worker exited (code ${code}); starting a replacement${delay ? ` in ${delay} ms` : ''}`);
    if (delay === 0) this.replace();
    else setTimeout(() => !this.closed && this.replace(), delay).unref();
  }

  private replace(): void {
    const source = [...this.replicas].find((r) => r.ready);
    const fresh = this.spawn(false);
    if (source) {
      const { port1, port2 } = new MessageChannel();
      void this.call(source, EXPORT_TO, [], port1).catch(() => undefined);
      this.call(fresh, IMPORT_FROM, [], port2).then(
        () => {
          fresh.ready = true;
        },
        // The source died mid-copy (it is being replaced too): start this copy over.
        () => void fresh.worker.terminate(),
      );
      return;
    }
    fresh.ready = true;
    this.rebuilding = true;
    void this.refill();
  }

  /** Every replica was lost: refill from the source of truth, retrying while it fails. */
  private async refill(): Promise<void> {
    const rebuild = this.options.rebuild;
    if (!rebuild) {
      this.options.logger?.error('Every search worker was lost and no rebuild source is configured: search stays unavailable');
      return;
    }
    while (!this.closed) {
      try {
        await rebuild();
        this.rebuilding = false;
        this.options.logger?.info('Search workers rebuilt after every replica was lost');
        return;
      } catch (err) {
        this.options.logger?.error('Rebuilding the search workers failed; retrying in 5 s', err);
        await new Promise((r) => setTimeout(r, REFILL_RETRY_MS).unref());
      }
    }
  }
}
