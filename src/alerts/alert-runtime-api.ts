// What the rest of the application sees of the running side of alerts, wherever detection
// runs: in this thread (AlertRuntime, alert-runtime.ts) or in a thread of its own with its own
// MongoDB connection (ThreadedAlertRuntime, detection-thread/threaded-alert-runtime.ts).
import type { Types } from 'mongoose';
import type { IndexApplyListener, IndexChangeRecorder } from '../search/index-sync/apply-listener.js';
import type { AlertEventBus } from './alert-events.js';
import type { AlertRecord } from './alert.model.js';

/** Told by the index sync; idle() and sweep() for tests and shutdown. */
export interface AlertDetection extends IndexApplyListener, IndexChangeRecorder {
  /** Resolves once everything handed over so far has been evaluated. */
  idle(): Promise<void>;
  /** Takes the work items older than `ageMs`; returns how many. */
  sweep(ageMs: number): Promise<number>;
}

export interface AlertRuntimeApi {
  readonly detector: AlertDetection;
  /** Live events of this process (WebSocket subscriptions read it). */
  readonly bus: AlertEventBus;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A new alert: evaluated from the next write on (resolves once detection knows it). */
  add(a: AlertRecord): Promise<void>;
  remove(id: string): void;
  /** Another instance hears of a change of this alert within a sync period. */
  noteChange(id: Types.ObjectId): Promise<void>;
}
