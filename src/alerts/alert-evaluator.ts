// The evaluation step of event detection (alert-detector.ts runs it): for each posting or
// candidate the in-memory index names the few alerts it may concern; each is evaluated on the
// new state and, only when it holds, on the state stored at the previous write
// (alert_entity_states): an event is raised when it holds now and did not before. Its writes
// go deliveries (under deterministic event ids) -> entity states, so a crash in between
// re-evaluates to the same ids and queues nothing twice.
// A candidate or posting that is gone from MongoDB takes its alerts, their deliveries and
// any queued event naming it with it (erasure).
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { CatalogQualification } from '../matching/index.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search/search-engine.js';
import {
  candidateStateOf,
  filterMemo,
  matchScoreIfEligible,
  postingStateOf,
  postingsForCandidateHolds,
  savedSearchHolds,
  type AlertCondition,
  type CandidateState,
  type EvalContext,
  type PostingState,
} from './alert-conditions.js';
import type { AlertIndex } from './alert-index.js';
import type { AlertRepository } from './alert.repository.js';
import type { DeliveryRepository } from './delivery.repository.js';
import type { DeliveryRecord } from './alert.model.js';
import type { AlertEventBus, AlertEventPayload } from './alert-events.js';
import { Pacer } from './pacer.js';
import { PhaseTimer } from '../shared/phase-timer.js';
import type { RequestGate } from '../shared/foreground-activity.js';

interface Hit {
  alert: AlertCondition;
  postingId: string;
  candidateId: string | null;
  score: number | null;
  /** The entity whose write this is, and its version: part of the event's identity. */
  change: string;
  /** Whether the alert held for the previous state of the changed entity. */
  before: (prev: unknown) => boolean;
}

export interface AlertEvaluatorDeps {
  index: AlertIndex;
  alerts: AlertRepository;
  deliveries: DeliveryRepository;
  bus: AlertEventBus;
  catalog(): Promise<ReadonlyMap<string, CatalogQualification>>;
  clock: Clock;
  logger: Logger;
  /** New deliveries were stored: attempt them now (DeliveryWorker.sendNow). */
  queued(deliveries: readonly DeliveryRecord[]): void;
  /** An alert left the index (deleted elsewhere, or inactive). */
  dropped(alertId: string): void;
  /** Waited for before each database step: requests in flight go first. */
  gate: RequestGate;
}

export const postingKey = (id: string): string => `posting:${id}`;
export const candidateKey = (id: string): string => `candidate:${id}`;

export class AlertEvaluator {
  constructor(private readonly deps: AlertEvaluatorDeps) {}

  private async context(): Promise<EvalContext> {
    return { catalog: await this.deps.catalog(), today: this.deps.clock.today() };
  }

  async postings(docs: readonly PostingSearchDocument[], gone: readonly string[], timer = new PhaseTimer()): Promise<void> {
    const { index } = this.deps;
    const ctx = await this.context();
    const states = docs.map(postingStateOf);
    const hits: Hit[] = [];
    const pace = new Pacer();
    for (const p of states) {
      index.setPosting(p);
      const { matches, searches } = index.concernedByPosting(p);
      const change = `${postingKey(p.id)}@${p.version}`;
      // Eligibility once per candidate, and only for alerts whose (cheap) filter passes.
      const scores = new Map<string, number | null>();
      const passes = filterMemo(p);
      for (const a of matches) {
        await pace.step();
        if (!passes(p, a.filter, a.filterKey)) continue;
        const c = a.candidateId ? index.candidate(a.candidateId) : undefined;
        if (!c) continue;
        let score = scores.get(c.id);
        if (score === undefined) scores.set(c.id, (score = matchScoreIfEligible(p, c, ctx)));
        if (score === null) continue;
        const before = (prev: unknown) => postingsForCandidateHolds(a, prev as PostingState | undefined, c, ctx) !== null;
        hits.push({ alert: a, postingId: p.id, candidateId: c.id, score, change, before });
      }
      const words = new Set(p.words);
      for (const a of searches) {
        await pace.step();
        if (!savedSearchHolds(a, p, words, passes)) continue;
        hits.push({ alert: a, postingId: p.id, candidateId: null, score: null, change, before: (prev) => savedSearchHolds(a, prev as PostingState | undefined) });
      }
    }
    timer.lap('evaluate');
    await this.raiseNew(hits, (h) => postingKey(h.postingId), timer);
    await this.deps.gate.quiet();
    await this.deps.alerts.saveStates(states.map((s) => ({ _id: postingKey(s.id), version: s.version, state: s })));
    timer.lap('saveStates');
    if (gone.length > 0) await this.forget('postingId', gone, postingKey);
  }

  async candidates(docs: readonly CandidateSearchDocument[], gone: readonly string[], timer = new PhaseTimer()): Promise<void> {
    const { index } = this.deps;
    const ctx = await this.context();
    const states = docs.map(candidateStateOf);
    const hits: Hit[] = [];
    const pace = new Pacer();
    for (const c of states) {
      index.setCandidate(c);
      const change = `${candidateKey(c.id)}@${c.version}`;
      for (const a of index.concernedByCandidate(c)) {
        await pace.step();
        const p = a.postingId ? index.posting(a.postingId) : undefined;
        const score = matchScoreIfEligible(p, c, ctx);
        if (score === null) continue;
        const before = (prev: unknown) => matchScoreIfEligible(p, prev as CandidateState | undefined, ctx) !== null;
        hits.push({ alert: a, postingId: p!.id, candidateId: c.id, score, change, before });
      }
    }
    timer.lap('evaluate');
    await this.raiseNew(hits, (h) => candidateKey(h.candidateId!), timer);
    await this.deps.gate.quiet();
    await this.deps.alerts.saveStates(states.map((s) => ({ _id: candidateKey(s.id), version: s.version, state: s })));
    timer.lap('saveStates');
    if (gone.length > 0) await this.forget('candidateId', gone, candidateKey);
  }

  /** Reads the previous states only for entities with a hit, then raises what is newly true. */
  private async raiseNew(hits: Hit[], keyOf: (h: Hit) => string, timer: PhaseTimer): Promise<void> {
    if (hits.length === 0) return;
    await this.deps.gate.quiet();
    const previous = await this.deps.alerts.states([...new Set(hits.map(keyOf))]);
    timer.lap('previousStates');
    // Deletions and deactivations through other instances reach this index within a sync
    // period (alert-runtime.ts); no read per event here.
    const deliveries: DeliveryRecord[] = [];
    const pace = new Pacer();
    for (const h of hits) {
      await pace.step();
      if (h.before(reviveDates(previous.get(keyOf(h))?.state))) continue;
      const d = this.raise(h);
      if (d) deliveries.push(d);
    }
    timer.lap('raise');
    if (deliveries.length === 0) return;
    await this.deps.gate.quiet();
    this.deps.queued(await this.deps.deliveries.enqueue(deliveries, true));
    timer.lap('enqueue');
  }

  /** Publishes the event live; returns its delivery when the alert has a webhook. */
  private raise(h: Hit): DeliveryRecord | null {
    const now = this.deps.clock.now();
    const id = createHash('sha256').update(`${h.alert.id}|${h.postingId}|${h.candidateId ?? ''}|${h.change}`).digest('hex').slice(0, 32);
    const event: AlertEventPayload = {
      id,
      alertId: h.alert.id,
      kind: h.alert.kind,
      occurredAt: now.toISOString(),
      postingId: h.postingId,
      candidateId: h.candidateId,
      score: h.score,
    };
    this.deps.bus.publish({ ownerKeyId: h.alert.ownerKeyId, event });
    if (!h.alert.webhookUrl) return null;
    return {
      _id: id,
      alertId: new Types.ObjectId(h.alert.id),
      candidateId: h.candidateId,
      postingId: h.postingId,
      body: JSON.stringify(event),
      url: h.alert.webhookUrl,
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      createdAt: now,
      nextAttemptAt: now,
      finishedAt: null,
    };
  }

  /** Entities gone from MongoDB: their bound alerts, those alerts' deliveries, queued events naming a candidate, stored states. */
  private async forget(field: 'candidateId' | 'postingId', ids: readonly string[], keyOf: (id: string) => string): Promise<void> {
    for (const id of ids) {
      const removed = await this.deps.alerts.deleteBoundTo(field, new Types.ObjectId(id));
      for (const a of removed) this.deps.dropped(a.toHexString());
      await this.deps.deliveries.deleteForAlerts(removed);
      if (field === 'candidateId') await this.deps.deliveries.deleteForCandidate(id);
    }
    await this.deps.alerts.deleteStates(ids.map(keyOf));
  }
}

/** States come back from MongoDB with dates as Date already; ones stored as strings are revived. */
function reviveDates(state: unknown): unknown {
  const s = state as PostingState | undefined;
  if (s && 'profile' in s && s.profile && typeof (s.profile as { postedAt?: unknown }).postedAt === 'string') {
    return { ...s, profile: { ...s.profile, postedAt: new Date(s.profile.postedAt) } };
  }
  return state;
}
