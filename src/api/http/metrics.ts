// GET /metrics in Prometheus text format (prom-client). One registry per app, so tests can
// build many apps. What is measured: GraphQL requests by operation and outcome with latency
// histograms, every search-engine call's latency (instrumented.engine.ts), the index outbox's
// depth, the age of its oldest entry and its parked entries, documents per search index, and the process's default
// metrics (CPU, memory, event-loop lag, GC). METRICS_TOKEN, when set, must be sent as a bearer
// token; otherwise the endpoint is open, like most exporters, and should be reached only from
// the monitoring network (compose binds the API to 127.0.0.1).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../../shared/logger.js';
import type { FinishedRequest } from './request-log.js';
import { instrumentEngine } from '../../search/instrumented.engine.js';
import type { SearchEngine } from '../../search/search-engine.js';

/** Operation names come from clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATIONS = 200;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface IndexStatsSource {
  outboxStats(): Promise<{ depth: number; oldestAgeSeconds: number; parked: number }>;
  documentCounts(): Promise<{ postings: number; candidates: number } | null>;
}

export class AppMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly requestSeconds: Histogram<'operation'>;
  private readonly engineSeconds: Histogram<'engine' | 'method' | 'outcome'>;
  private source: IndexStatsSource | null = null;
  private outboxThisScrape: ReturnType<IndexStatsSource['outboxStats']> | null = null;

  constructor(private readonly logger: Logger) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'healthmatch_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok, or the first error code, or HTTP_<status>)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'healthmatch_graphql_request_duration_seconds',
      help: 'GraphQL request latency from the first byte in to the last byte out',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.engineSeconds = new Histogram({
      name: 'healthmatch_search_engine_duration_seconds',
      help: 'Latency of each call through the search-engine port',
      labelNames: ['engine', 'method', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    // One outbox query per scrape, shared by the three gauges that read it (see scrape()).
    const stats = (): IndexStatsSource | null => {
      const s = this.source;
      if (!s) return null;
      return {
        documentCounts: () => s.documentCounts(),
        outboxStats: () => (this.outboxThisScrape ??= s.outboxStats()),
      };
    };
    const log = logger;
    new Gauge({
      name: 'healthmatch_search_outbox_entries',
      help: 'Index changes queued in the outbox (MongoDB), not yet applied to the search engine and not parked',
      registers,
      async collect() {
        const s = await stats()?.outboxStats().catch((err: Error) => void log.debug(`metrics: outbox depth unavailable: ${err.message}`));
        if (s) this.set(s.depth);
      },
    });
    new Gauge({
      name: 'healthmatch_search_outbox_oldest_age_seconds',
      help: 'Age of the oldest queued index change (0 when the outbox is empty)',
      registers,
      async collect() {
        const s = await stats()?.outboxStats().catch(() => undefined);
        if (s) this.set(s.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'healthmatch_search_outbox_parked_entries',
      help: 'Index changes the engine refused permanently, parked for an admin (parkedIndexUpdates); not in the depth above',
      registers,
      async collect() {
        const s = await stats()?.outboxStats().catch(() => undefined);
        if (s) this.set(s.parked);
      },
    });
    new Gauge({
      name: 'healthmatch_search_index_documents',
      help: 'Documents held by each search index (embedded: open postings and discoverable candidates)',
      labelNames: ['index'],
      registers,
      async collect() {
        const counts = await stats()?.documentCounts().catch((err: Error) => void log.debug(`metrics: index counts unavailable: ${err.message}`));
        if (!counts) return;
        this.set({ index: 'postings' }, counts.postings);
        this.set({ index: 'candidates' }, counts.candidates);
      },
    });
  }

  /** The engine wrapped so every call is timed. */
  instrument(engine: SearchEngine): SearchEngine {
    return instrumentEngine(engine, (method, outcome, seconds) => this.engineSeconds.observe({ engine: engine.kind, method, outcome }, seconds));
  }

  watchIndex(source: IndexStatsSource): void {
    this.source = source;
  }

  observeRequest(r: FinishedRequest): void {
    if (!r.graphql) return;
    let operation = r.operation;
    if (!this.operations.has(operation)) {
      if (this.operations.size >= MAX_OPERATIONS) operation = 'other';
      else this.operations.add(operation);
    }
    this.requests.inc({ operation, outcome: r.outcome });
    this.requestSeconds.observe({ operation }, r.durationSeconds);
  }

  /** The registry's text, with the outbox read once for all its gauges. */
  async scrape(): Promise<string> {
    this.outboxThisScrape = null;
    try {
      return await this.registry.metrics();
    } finally {
      this.outboxThisScrape = null;
    }
  }

  handler(token: string | undefined) {
    const expected = token ? createHash('sha256').update(`Bearer ${token}`).digest() : null;
    return async (req: Request, res: Response): Promise<void> => {
      if (expected) {
        const given = createHash('sha256').update(req.headers.authorization ?? '').digest();
        if (!timingSafeEqual(given, expected)) {
          res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('METRICS_TOKEN required as a bearer token\n');
          return;
        }
      }
      try {
        res.type(this.registry.contentType).send(await this.scrape());
      } catch (err) {
        this.logger.error('metrics collection failed', err);
        res.status(500).type('text/plain').send('metrics collection failed\n');
      }
    };
  }
}
