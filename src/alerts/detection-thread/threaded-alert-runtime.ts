// The main thread's side of alert detection in a thread of its own (detection.worker.ts). The
// write path keeps only what must happen before a change's outbox entry is retired: the
// durable work item (alert-work.repository.ts), one write it makes with or without alerts.
// Applied documents are posted to the thread as the index sync hands them over (no read, no
// evaluation here); the thread's events come back to this process's bus for its WebSocket
// subscribers. A thread that dies is started again: what it had not evaluated is still in
// alert_work, which its start-up sweep takes.
import { Worker } from 'node:worker_threads';
import type { Types } from 'mongoose';
import type { Logger } from '../../shared/logger.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../../search/search-engine.js';
import { workerEntry } from '../../search/worker-pool/worker-entry.js';
import { AlertEventBus } from '../alert-events.js';
import type { AlertDetection, AlertRuntimeApi } from '../alert-runtime-api.js';
import type { AlertRecord } from '../alert.model.js';
import type { AlertRepository } from '../alert.repository.js';
import type { AlertWorkRepository } from '../alert-work.repository.js';
import type { DetectionThreadData, FromThread, ToThread } from './detection-protocol.js';

/** Documents posted and not yet taken by the thread beyond which the index sync waits (bulk loads). */
const MAX_UNTAKEN_DOCUMENTS = 20_000;
/** A thread that keeps dying (MongoDB down) is restarted after 1 s, doubling, at most 30 s apart. */
const RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;

type Request = ToThread extends infer M ? (M extends { req: number } ? Omit<M, 'req'> : never) : never;

export interface ThreadedAlertRuntimeDeps {
  alerts: AlertRepository;
  work: AlertWorkRepository;
  logger: Logger;
  thread: DetectionThreadData;
}

export class ThreadedAlertRuntime implements AlertRuntimeApi {
  readonly bus = new AlertEventBus((subscribed) => this.post({ t: 'subscribed', subscribed }));
  readonly detector: AlertDetection;
  private worker: Worker | null = null;
  private started: Promise<void> | null = null;
  private stopping = false;
  private nextReq = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; documents: number }>();
  private untaken = 0;
  private exitsInRow = 0;

  constructor(private readonly deps: ThreadedAlertRuntimeDeps) {
    const applied = (t: 'postings' | 'candidates', docs: readonly (PostingSearchDocument | CandidateSearchDocument)[], gone: readonly string[]) => {
      // No thread (restarting): the work items keep these changes for its start-up sweep.
      const taken = this.request({ t, docs, gone } as Request, docs.length + gone.length).then(
        () => undefined,
        () => undefined,
      );
      // The thread answers once it queued them (late only when its own queue is full): wait only then.
      return this.untaken > MAX_UNTAKEN_DOCUMENTS ? taken : Promise.resolve();
    };
    this.detector = {
      changesPassedOn: async (entity: IndexedEntity, ids: readonly string[]) => {
        const batch = await deps.work.record(entity, ids, new Date());
        this.post({ t: 'recorded', batch, entity, ids });
      },
      postingsApplied: (docs, gone) => applied('postings', docs, gone),
      candidatesApplied: (docs, gone) => applied('candidates', docs, gone),
      idle: () => this.request({ t: 'idle' }).then(() => undefined),
      sweep: (ageMs) => this.request({ t: 'sweep', ageMs }) as Promise<number>,
    };
  }

  /** Starts the thread; resolves once it runs (the index of alerts then loads in the background there). */
  start(): Promise<void> {
    this.stopping = false;
    this.started = new Promise<void>((resolve, reject) => {
      const entry = workerEntry('detection.worker', import.meta.url);
      const worker = new Worker(entry.script, { eval: entry.eval, workerData: this.deps.thread });
      this.worker = worker;
      worker.on('message', (m: FromThread) => {
        if (m.t === 'started') {
          this.exitsInRow = 0;
          this.post({ t: 'subscribed', subscribed: this.bus.subscriberCount > 0 });
          resolve();
        }
        else if (m.t === 'events') for (const e of m.events) this.bus.publish(e);
        else this.settle(m.req, m.error, m.value);
      });
      worker.on('error', (err) => this.deps.logger.error('Alert detection thread failed', err));
      worker.on('exit', (code) => {
        this.worker = null;
        reject(new Error(`alert detection thread exited with code ${code} before it started`));
        for (const req of [...this.pending.keys()]) this.settle(req, `alert detection thread exited (code ${code})`);
        if (this.stopping) return;
        const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** this.exitsInRow++);
        this.deps.logger.warn(`Alert detection thread exited (code ${code}); starting it again in ${delay} ms`);
        setTimeout(() => void this.start().catch((err: Error) => this.deps.logger.error(`Alert detection thread not restarted: ${err.message}`)), delay).unref();
      });
    });
    return this.started;
  }

  /** The running thread, if any (tests end it to check what a dying thread leaves). */
  get thread(): Worker | null {
    return this.worker;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    await this.request({ t: 'stop' }).catch((err: Error) => this.deps.logger.warn(`Alert detection thread did not stop cleanly: ${err.message}`));
    await worker.terminate();
  }

  async add(a: AlertRecord): Promise<void> {
    // A thread that is restarting loads every active alert from MongoDB when it starts.
    await this.request({ t: 'add', id: a._id.toHexString() }).catch((err: Error) => this.deps.logger.warn(`Alert ${a._id.toHexString()} reaches detection when its thread restarts: ${err.message}`));
  }

  remove(id: string): void {
    this.post({ t: 'remove', id });
  }

  noteChange(id: Types.ObjectId): Promise<void> {
    return this.deps.alerts.noteChange(id, new Date());
  }

  private post(m: ToThread): void {
    // No thread (between a crash and its restart): the work items hold what matters; the sweep takes them.
    this.worker?.postMessage(m);
  }

  private request(m: Request, documents = 0): Promise<unknown> {
    const req = this.nextReq++;
    return new Promise((resolve, reject) => {
      if (!this.worker) return reject(new Error('the alert detection thread is not running'));
      this.pending.set(req, { resolve, reject, documents });
      this.untaken += documents;
      this.worker.postMessage({ ...m, req } as ToThread);
    });
  }

  private settle(req: number, error?: string, value?: unknown): void {
    const p = this.pending.get(req);
    if (!p) return;
    this.pending.delete(req);
    this.untaken -= p.documents;
    if (error) p.reject(new Error(error));
    else p.resolve(value);
  }
}
