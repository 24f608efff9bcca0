// Sends queued webhook deliveries: claims due attempts with a lease (delivery.repository.ts),
// up to MAX_IN_FLIGHT at once so one slow receiver never holds the others back, signs each
// body, and records the outcome: 2xx delivered; anything else, or no answer in time, retried on
// the schedule (delivery-schedule.ts) until the window ends, then failed. A failed delivery
// counts against its alert; ALERT_MAX_FAILED_DELIVERIES in a row turn it inactive. The queue
// is polled (ALERT_DELIVERY_POLL_MS) for retries and other instances' events, and kicked
// right after this instance queues one, so a delivery starts within a poll of its write.
// A new event's first attempt comes from the detector in memory (sendNow): no claim, and its
// outcome is written with the others of its batch in one bulkWrite (delivery.repository.ts,
// recordOutcomes), so a write raising dozens of webhook events adds a few writes to FerretDB,
// not five per event; what a crash cuts off the repair queues (orphans, every REPAIR_MS).
import { randomUUID } from 'node:crypto';
import type { Logger } from '../shared/logger.js';
import type { AlertsConfig } from '../config.js';
import type { AlertRecord, DeliveryRecord } from './alert.model.js';
import type { AlertRepository } from './alert.repository.js';
import type { DeliveryOutcome, DeliveryRepository } from './delivery.repository.js';
import { nextAttemptAt } from './delivery-schedule.js';
import { deriveWebhookSecret, signatureHeader } from './alert-secret.js';
import { resolveWebhookTarget, type Resolver } from './webhook-target.js';
import { sendWebhook, type SendResult, type WebhookSend } from './webhook-sender.js';
import { openGate, type RequestGate } from '../shared/foreground-activity.js';

const MAX_IN_FLIGHT = 8;
/** An attempt's claim outlives its timeout, so a live worker never loses a claim mid-attempt. */
const LEASE_MARGIN_MS = 30_000;
/** First attempts' outcomes are written together: at most this many, or this long after the first. */
const OUTCOME_BATCH = 100;
const OUTCOME_FLUSH_MS = 50;
const REPAIR_MS = 300_000;

export interface DeliveryWorkerDeps {
  deliveries: DeliveryRepository;
  alerts: AlertRepository;
  config: AlertsConfig;
  logger: Logger;
  /** Called when an alert turned inactive (the detector stops evaluating it). */
  onDeactivated(alertId: string): void;
  now?: () => Date;
  /** Each attempt and each outcome write waits for the requests in flight first. */
  gate?: RequestGate;
  send?: WebhookSend;
  resolve?: Resolver;
}

export class DeliveryWorker {
  private readonly owner = randomUUID();
  private readonly now: () => Date;
  private readonly send: WebhookSend;
  private readonly gate: RequestGate;
  private timer: NodeJS.Timeout | null = null;
  private repairTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** New events' first attempts, not started yet. */
  private readonly fresh: DeliveryRecord[] = [];
  private outcomes: { id: string; outcome: DeliveryOutcome }[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private pumping = false;
  private again = false;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.send = deps.send ?? sendWebhook;
    this.gate = deps.gate ?? openGate;
  }

  start(): void {
    this.stopped = false;
    void this.deps.deliveries.requeueOrphans().catch((err: Error) => this.deps.logger.warn(`Webhook queue repair failed: ${err.message}`));
    this.timer = setInterval(() => this.kick(), this.deps.config.deliveryPollMs);
    this.timer.unref();
    // First attempts a crash (or a failed outcome write) cut off: older than any attempt still running.
    const cutoff = () => new Date(Date.now() - this.deps.config.webhookTimeoutMs - 2 * LEASE_MARGIN_MS);
    this.repairTimer = setInterval(() => void this.deps.deliveries.requeueOrphans(cutoff()).catch(() => undefined), REPAIR_MS);
    this.repairTimer.unref();
    this.kick();
  }

  /** New deliveries (stored, not queued): attempted now, before due retries. */
  sendNow(deliveries: readonly DeliveryRecord[]): void {
    // Stopping: they stay pending without a queue entry, and the next start's repair queues them.
    if (this.stopped || deliveries.length === 0) return;
    this.fresh.push(...deliveries);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.repairTimer) clearInterval(this.repairTimer);
    this.timer = this.repairTimer = null;
    // An attempt cut here keeps its claim until the lease expires, then is retried.
    await Promise.allSettled([...this.running]);
    await this.flush();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => (this.pumping = false));
  }

  private async pump(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && this.running.size < MAX_IN_FLIGHT) {
          await this.gate.quiet();
          const now = this.now();
          const first = this.fresh.shift();
          const d = first ?? (await this.deps.deliveries.claim(this.owner, now, new Date(now.getTime() + this.deps.config.webhookTimeoutMs + LEASE_MARGIN_MS)));
          if (!d) break;
          const run: Promise<void> = this.attempt(d, !first)
            .catch((err: Error) => this.deps.logger.warn(`Webhook delivery ${d._id} could not be recorded: ${err.message}`))
            .finally(() => {
              this.running.delete(run);
              this.kick();
            });
          this.running.add(run);
        }
      } while (this.again && !this.stopped);
    } catch (err) {
      this.deps.logger.warn(`Webhook queue not read (will retry): ${(err as Error).message}`);
    }
  }

  /** `claimed`: a queued attempt under this worker's lease; else a first attempt from sendNow. */
  private async attempt(d: DeliveryRecord, claimed: boolean): Promise<void> {
    const alert = await this.deps.alerts.findById(d.alertId);
    const result: SendResult = alert ? await this.post(alert, d) : { ok: false, statusCode: null, error: 'the alert was deleted' };
    const now = this.now();
    const outcome: DeliveryOutcome = result.ok
      ? { status: 'delivered', statusCode: result.statusCode }
      : this.retryOrFail(d, now, result, !alert);
    if (claimed && !(await this.deps.deliveries.finishAttempt(d._id, this.owner, outcome, now))) return;
    if (!claimed) this.recordLater(d._id, outcome);
    if (!alert) return;
    if (outcome.status === 'delivered' && alert.consecutiveFailures > 0) await this.deps.alerts.recordDelivered(alert._id);
    if (outcome.status === 'failed') {
      this.deps.logger.warn(`Webhook delivery ${d._id} of alert ${alert._id.toHexString()} failed for good: ${outcome.error}`);
      if (await this.deps.alerts.recordFailed(alert._id, this.deps.config.maxFailedDeliveries, now)) {
        this.deps.logger.warn(`Alert ${alert._id.toHexString()} turned inactive after ${this.deps.config.maxFailedDeliveries} failed deliveries in a row`);
        this.deps.onDeactivated(alert._id.toHexString());
      }
    }
  }

  private recordLater(id: string, outcome: DeliveryOutcome): void {
    this.outcomes.push({ id, outcome });
    if (this.outcomes.length >= OUTCOME_BATCH) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), OUTCOME_FLUSH_MS);
  }

  /** One write for the outcomes gathered so far; on failure they stay pending, and the repair queues them. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.outcomes;
    this.outcomes = [];
    this.flushing = this.flushing
      .then(() => this.gate.quiet())
      .then(() => this.deps.deliveries.recordOutcomes(batch, this.now()))
      .catch((err: Error) => this.deps.logger.warn(`${batch.length} webhook outcome(s) not recorded (re-sent after the repair): ${err.message}`));
    return this.flushing;
  }

  private retryOrFail(d: DeliveryRecord, now: Date, r: Extract<SendResult, { ok: false }>, gone: boolean): DeliveryOutcome {
    const next = gone ? null : nextAttemptAt(d.createdAt, now, d.attempts + 1, this.deps.config.retry);
    return next ? { status: 'pending', statusCode: r.statusCode, error: r.error, nextAttemptAt: next } : { status: 'failed', statusCode: r.statusCode, error: r.error };
  }

  private async post(alert: AlertRecord, d: DeliveryRecord): Promise<SendResult> {
    const { config } = this.deps;
    let target;
    try {
      // Resolved and checked now, at every attempt: the name may point elsewhere than at creation.
      target = await resolveWebhookTarget(d.url, config.allowPrivateTargets, this.deps.resolve);
    } catch (err) {
      return { ok: false, statusCode: null, error: (err as Error).message };
    }
    const secret = deriveWebhookSecret(config.secretKey, alert._id.toHexString(), alert.secretSalt);
    const headers = {
      'x-healthmatch-signature': signatureHeader(secret, d.body, Math.floor(this.now().getTime() / 1000)),
      'x-healthmatch-event-id': d._id,
      'user-agent': 'healthmatch-webhooks/1',
    };
    return this.send(target, d.body, headers, config.webhookTimeoutMs);
  }
}
