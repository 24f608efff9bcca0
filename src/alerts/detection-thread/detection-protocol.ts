// Messages between the main thread and the alert detection thread (structured clone: plain
// data only; alerts go by id, the thread reads them itself).
import type { LogLevel, AlertsConfig } from '../../config.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../../search/search-engine.js';
import type { PublishedEvent } from '../alert-events.js';

export interface DetectionThreadData {
  mongoUri: string;
  dbName: string;
  logLevel: LogLevel;
  config: AlertsConfig;
  /** The main thread's count of requests in flight (ForegroundActivity), and how long a step waits for them at most. */
  foreground: SharedArrayBuffer;
  backgroundMaxWaitMs: number;
}

/** Main -> thread. `req`: answered by a Reply with the same number. */
export type ToThread =
  | { t: 'recorded'; batch: string | null; entity: IndexedEntity; ids: readonly string[] }
  | { t: 'postings'; req: number; docs: readonly PostingSearchDocument[]; gone: readonly string[] }
  | { t: 'candidates'; req: number; docs: readonly CandidateSearchDocument[]; gone: readonly string[] }
  | { t: 'add'; req: number; id: string }
  | { t: 'remove'; id: string }
  /** Whether the main thread has WebSocket subscribers (events are sent over only then). */
  | { t: 'subscribed'; subscribed: boolean }
  | { t: 'idle'; req: number }
  | { t: 'sweep'; req: number; ageMs: number }
  | { t: 'stop'; req: number };

/** Thread -> main. */
export type FromThread =
  | { t: 'started' }
  | { t: 'events'; events: PublishedEvent[] }
  | { t: 'reply'; req: number; value?: unknown; error?: string };
