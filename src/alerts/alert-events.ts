// Live alert events inside one process: the detector publishes, each WebSocket subscription
// reads its own bounded queue. With several instances each one publishes what it detects;
// with the embedded engine every instance detects every change, so every instance's
// subscribers hear every event. (With Meilisearch only the draining instance detects: a
// multi-instance deployment would publish through Redis pub/sub instead; README "Alerts".)
import { EventEmitter } from 'node:events';

export interface AlertEventPayload {
  id: string;
  alertId: string;
  kind: string;
  occurredAt: string;
  postingId: string | null;
  candidateId: string | null;
  score: number | null;
}

export interface PublishedEvent {
  ownerKeyId: string;
  event: AlertEventPayload;
}

/** A subscriber that stops reading loses its oldest events beyond this many. */
const MAX_QUEUED = 1_000;
/** Event ids published recently: a change applied twice in this process publishes once. */
const RECENT_IDS = 10_000;

export class AlertEventBus {
  private readonly emitter = new EventEmitter();
  private readonly recent = new Set<string>();

  /** `watch`: told whether anyone subscribes, whenever that changes (the detection thread sends events only then). */
  constructor(private readonly watch?: (subscribed: boolean) => void) {
    this.emitter.setMaxListeners(0);
  }

  publish(e: PublishedEvent): void {
    if (this.recent.has(e.event.id)) return;
    this.recent.add(e.event.id);
    if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value!);
    this.emitter.emit('event', e);
  }

  /** Every event published here (the detection thread forwards them to the main thread's bus). */
  listen(listener: (e: PublishedEvent) => void): void {
    this.emitter.on('event', listener);
  }

  get subscriberCount(): number {
    return this.emitter.listenerCount('event');
  }

  subscribe(accept: (e: PublishedEvent) => boolean): AsyncIterableIterator<AlertEventPayload> {
    const queue: AlertEventPayload[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener = (e: PublishedEvent) => {
      if (done || !accept(e)) return;
      queue.push(e.event);
      if (queue.length > MAX_QUEUED) queue.shift();
      wake?.();
    };
    this.emitter.on('event', listener);
    if (this.subscriberCount === 1) this.watch?.(true);
    const finish = (): IteratorReturnResult<undefined> => {
      done = true;
      this.emitter.off('event', listener);
      if (this.subscriberCount === 0) this.watch?.(false);
      wake?.();
      return { done: true, value: undefined };
    };
    return {
      async next(): Promise<IteratorResult<AlertEventPayload>> {
        while (!done && queue.length === 0) await new Promise<void>((r) => (wake = r));
        wake = null;
        return done ? { done: true, value: undefined } : { done: false, value: queue.shift()! };
      },
      async return() {
        return finish();
      },
      async throw() {
        return finish();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
