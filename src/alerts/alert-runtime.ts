// The running side of alerts in one process: the in-memory index (loaded from MongoDB at
// start, with the states of the candidates and postings alerts are bound to), the detector the
// index sync notifies, the webhook worker, and a poll of the per-second change log through
// which alerts created, deleted or deactivated by other instances reach this index (read by
// _id, the look-up FerretDB serves from its index), and the sweep of the durable detection work
// that a crash, a failed pass or another instance left (alert-work.repository.ts).
import { Types } from 'mongoose';
import type { AlertsConfig } from '../config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { CatalogQualification } from '../matching/index.js';
import type { SearchDocumentSource } from '../search/index-sync/document-source.js';
import { candidateStateOf, compileAlertCondition, postingStateOf } from './alert-conditions.js';
import { AlertIndex } from './alert-index.js';
import { AlertDetector } from './alert-detector.js';
import { AlertEventBus } from './alert-events.js';
import type { AlertRecord } from './alert.model.js';
import type { AlertRepository } from './alert.repository.js';
import type { DeliveryRepository } from './delivery.repository.js';
import type { AlertWorkRepository } from './alert-work.repository.js';
import { DeliveryWorker } from './delivery.worker.js';
import type { AlertRuntimeApi } from './alert-runtime-api.js';
import type { Resolver } from './webhook-target.js';
import { openGate, type RequestGate } from '../shared/foreground-activity.js';
import type { WebhookSend } from './webhook-sender.js';

const STATE_BATCH = 500;
const SYNC_MS = 5_000;
/** Other instances' changes are read back this far (clocks within NTP, writes that commit late). */
const SYNC_OVERLAP_MS = 15_000;
const CHANGES_KEPT_MS = 3_600_000;
/** Work items older than this are taken by the sweep (younger ones are in some instance's pass). */
const SWEEP_MS = 60_000;

export interface AlertRuntimeDeps {
  alerts: AlertRepository;
  deliveries: DeliveryRepository;
  work: AlertWorkRepository;
  documents: SearchDocumentSource;
  catalog(): Promise<ReadonlyMap<string, CatalogQualification>>;
  clock: Clock;
  logger: Logger;
  config: AlertsConfig;
  /** Hand-overs gathered before a detection pass (alert-detector.ts); 0: after pending I/O. */
  coalesceMs?: number;
  /** Each database step of detection and each webhook send waits for the requests in flight first. */
  gate?: RequestGate;
  /** Tests: a clock for the delivery schedule, and network seams. */
  deliveryNow?: () => Date;
  send?: WebhookSend;
  resolve?: Resolver;
}

export class AlertRuntime implements AlertRuntimeApi {
  readonly index = new AlertIndex();
  readonly bus = new AlertEventBus();
  readonly detector: AlertDetector;
  readonly worker: DeliveryWorker;
  private syncTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private syncedUntil = new Date(0);
  /** The start-up load of the index; detection waits for it (changes meanwhile are kept, not lost). */
  private loaded: Promise<void> = Promise.resolve();
  /** The sweep clears work items: never against an index that failed to load. */
  private indexComplete = false;

  constructor(private readonly deps: AlertRuntimeDeps) {
    this.worker = new DeliveryWorker({
      deliveries: deps.deliveries,
      alerts: deps.alerts,
      config: deps.config,
      logger: deps.logger,
      onDeactivated: (id) => {
        this.index.remove(id);
        void this.noteChange(new Types.ObjectId(id)).catch(() => undefined);
      },
      now: deps.deliveryNow,
      gate: deps.gate,
      send: deps.send,
      resolve: deps.resolve,
    });
    this.detector = new AlertDetector({
      index: this.index,
      alerts: deps.alerts,
      deliveries: deps.deliveries,
      bus: this.bus,
      catalog: deps.catalog,
      clock: deps.clock,
      logger: deps.logger,
      queued: (fresh) => this.worker.sendNow(fresh),
      ready: () => this.loaded,
      gate: deps.gate ?? openGate,
      work: deps.work,
      documents: deps.documents,
      // Test-only (ALERT_TEST_DETECTION_DELAY_MS, 0 by default): holds each pass so a test can kill the process in between.
      coalesceMs: deps.coalesceMs,
      pause: () => (deps.config.testDetectionDelayMs > 0 ? new Promise((r) => setTimeout(r, deps.config.testDetectionDelayMs)) : Promise.resolve()),
      dropped: (id) => {
        this.index.remove(id);
        void this.noteChange(new Types.ObjectId(id)).catch(() => undefined);
      },
    });
  }

  /**
   * Starts the worker and the sync poll at once, and loads every active alert and the states
   * they need in the background: at 100,000 alerts that took over a minute on a loaded
   * FerretDB, and the API must answer meanwhile. Changes applied before the load finished are
   * evaluated right after it.
   */
  async start(): Promise<void> {
    this.syncedUntil = new Date();
    this.loaded = this.load().catch((err: Error) => this.deps.logger.error(`Alerts not loaded; no events until a restart: ${err.message}`));
    this.worker.start();
    this.syncTimer = setInterval(() => void this.syncNew().catch((err: Error) => this.deps.logger.warn(`Alert sync failed: ${err.message}`)), SYNC_MS);
    this.syncTimer.unref();
    // After the load: what the last run (or a crashed instance) left unevaluated, then every SWEEP_MS.
    void this.loaded.then(() => this.sweep(0));
    this.sweepTimer = setInterval(() => void this.sweep(SWEEP_MS), SWEEP_MS);
    this.sweepTimer.unref();
  }

  private async sweep(ageMs: number): Promise<void> {
    if (!this.indexComplete) return;
    await this.detector.sweep(ageMs).catch((err: Error) => this.deps.logger.warn(`Alert work sweep failed (retried in ${SWEEP_MS / 1000} s): ${err.message}`));
  }

  private async load(): Promise<void> {
    const t0 = Date.now();
    for await (const a of this.deps.alerts.all()) if (a.active) this.index.add(conditionOf(a));
    await this.loadMissingStates();
    this.indexComplete = true;
    this.deps.logger.info(`Alerts: ${this.index.size} active alerts indexed in ${Date.now() - t0} ms`);
  }

  async stop(): Promise<void> {
    if (this.syncTimer) clearInterval(this.syncTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.syncTimer = this.sweepTimer = null;
    await this.loaded;
    await this.detector.idle();
    await this.worker.stop();
  }

  /** A new alert: evaluated from the next write on. */
  async add(a: AlertRecord): Promise<void> {
    this.index.add(conditionOf(a));
    await this.loadMissingStates();
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  /** Alerts created, deleted or deactivated through other instances (alert_changes). */
  private async syncNew(): Promise<void> {
    await this.deps.gate?.quiet();
    const now = new Date();
    const ids = await this.deps.alerts.changedBetween(new Date(this.syncedUntil.getTime() - SYNC_OVERLAP_MS), now);
    this.syncedUntil = now;
    const records = await Promise.all(ids.map((id) => this.deps.alerts.findById(new Types.ObjectId(id))));
    let added = false;
    ids.forEach((id, i) => {
      const a = records[i];
      if (!a?.active) this.index.remove(id);
      else if (!this.index.has(id)) {
        this.index.add(conditionOf(a));
        added = true;
      }
    });
    if (added) await this.loadMissingStates();
    await this.deps.alerts.pruneChanges(new Date(now.getTime() - CHANGES_KEPT_MS));
  }

  /** Another instance hears of a change of this alert within a sync period. */
  noteChange(id: Types.ObjectId): Promise<void> {
    return this.deps.alerts.noteChange(id, new Date());
  }

  private async loadMissingStates(): Promise<void> {
    const { candidates, postings } = this.index.missingStates();
    const today = this.deps.clock.today();
    for (let i = 0; i < candidates.length; i += STATE_BATCH) {
      const ids = candidates.slice(i, i + STATE_BATCH).map((id) => new Types.ObjectId(id));
      for (const d of await this.deps.documents.candidateDocuments(ids, today)) if (d) this.index.setCandidate(candidateStateOf(d));
    }
    for (let i = 0; i < postings.length; i += STATE_BATCH) {
      const ids = postings.slice(i, i + STATE_BATCH).map((id) => new Types.ObjectId(id));
      for (const d of await this.deps.documents.postingDocuments(ids)) if (d) this.index.setPosting(postingStateOf(d));
    }
  }
}

export function conditionOf(a: AlertRecord) {
  return compileAlertCondition({
    id: a._id.toHexString(),
    kind: a.kind,
    ownerKeyId: a.ownerKeyId,
    candidateId: a.candidateId?.toHexString() ?? null,
    postingId: a.postingId?.toHexString() ?? null,
    query: a.query,
    rawFilter: a.filter,
    webhookUrl: a.webhookUrl,
  });
}
