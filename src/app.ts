// Composition root: createApp(config) resolves MongoDB, builds repositories, services, the
// search side and the HTTP server. No module-level singletons, so tests build as many apps
// as they like.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from './config.js';
import { createRepositories, createServices, ensureIndexes, type AppRepositories, type AppServices } from './app.services.js';
import { preloadUsLocations } from './geo/us-locations.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import { resolveMongo, type StartedMongo } from './shared/mongo/local-mongo.js';
import { createSchema } from './api/graphql/schema.js';
import { createResolverContainer } from './app.resolvers.js';
import { detectIdLookup } from './shared/mongo/find-by-ids.js';
import { describeConnectError } from './shared/mongo/connect-error.js';
import { createHttpApp } from './api/http/http-app.js';
import { ForegroundActivity } from './shared/foreground-activity.js';
import { checkHealth } from './api/http/health.js';
import { recentValue } from './api/http/recent-value.js';
import type { DrainResult } from './api/http/request-drain.js';
import { createSearchEngine } from './search/create-search-engine.js';
import { AppMetrics } from './api/http/metrics.js';
import type { SearchEngine } from './search/search-engine.js';
import { canSnapshot } from './search/embedded/embedded-snapshot.js';
import { JournaledOutboxRepository } from './search/index-sync/applied-journal.js';
import { SearchSnapshotService } from './search/index-sync/snapshot.js';
import { attachGraphqlWs } from './api/ws/graphql-ws.server.js';
import type { AlertRuntimeDeps } from './alerts/alert-runtime.js';

/** /health reports outbox counts, and its whole report, at most this old (plus one check). */
const HEALTH_COUNTS_MAX_AGE_MS = 1000;
const HEALTH_MAX_AGE_MS = 250;
/** A background step (alert detection, a webhook send) waits at most this long for requests to finish. */
const BACKGROUND_MAX_WAIT_MS = 250;

export interface CreateAppOptions {
  clock?: Clock;
  logger?: Logger;
  /** An already running server (tests share one); the app then does not stop it. */
  mongo?: StartedMongo;
  /** A search engine to use instead of the configured one (tests inject failing engines). */
  engine?: SearchEngine;
  /** false: skip the start-up index build and outbox drain (the reindex command does its own). */
  prepareSearch?: boolean;
  /**
   * The local database server is gone for good (died, restarts used up). main.ts exits
   * non-zero; by default the app stays up and answers 503 (tests look at it that way).
   */
  onDatabaseLost?: (reason: string) => void;
  /** Tests: the webhook worker's clock and network seams (src/alerts/delivery.worker.ts). */
  alertSeams?: Pick<AlertRuntimeDeps, 'deliveryNow' | 'send' | 'resolve'>;
}

export interface App {
  config: AppConfig;
  services: AppServices;
  repositories: AppRepositories;
  connection: Connection;
  mongoServer: string;
  httpServer: http.Server;
  /** Listens on config.http; returns the GraphQL URL. */
  listen(): Promise<string>;
  /** Shutdown, first step: new requests get 503 while running ones finish, up to graceMs. */
  drain(graceMs: number): Promise<DrainResult>;
  close(): Promise<void>;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const ownsMongo = !options.mongo;
  const mongo =
    options.mongo ??
    (await resolveMongo({
      uri: config.mongo.uri,
      dataDir: config.mongo.dataDir,
      prefer: config.mongo.localServer,
      ferretdbBinary: config.mongo.ferretdbBinary,
      log: (m) => logger.info(m),
      supervision: {
        maxRestarts: config.mongo.maxRestarts,
        onInfo: (m) => logger.info(m),
        onError: (m) => logger.error(m),
        onGiveUp: (reason) => {
          logger.error(`Giving up on the local database: ${reason}`);
          options.onDatabaseLost?.(reason);
        },
      },
    }));
  const cleanups: { name: string; run: () => Promise<void> }[] = [];
  if (ownsMongo) cleanups.push({ name: 'local MongoDB-protocol server', run: () => mongo.stop() });

  try {
    const connection = await mongoose
      .createConnection(mongo.uri, {
        dbName: config.mongo.dbName,
        autoIndex: false,
        maxPoolSize: 20,
        // While the database is down, fail at once (DATABASE_UNAVAILABLE, HTTP 503) rather
        // than queue requests for 10 s in mongoose and for the whole server selection. A server
        // on this machine answers in milliseconds or not at all: 1 s for it.
        bufferCommands: false,
        serverSelectionTimeoutMS: mongo.alive ? Math.min(1000, config.mongo.timeoutMs) : config.mongo.timeoutMs,
      })
      .asPromise()
      .catch((err: unknown) => {
        throw describeConnectError(err, mongo.uri, ownsMongo && !!config.mongo.uri, config.mongo.timeoutMs);
      });
    cleanups.unshift({ name: 'MongoDB connection', run: () => connection.close() });
    // /health's ping on its own small pool: under load the main pool's queue holds every
    // request's point reads, and a ping behind them took hundreds of ms (README "Performance").
    const healthConnection = await mongoose.createConnection(mongo.uri, { dbName: config.mongo.dbName, autoIndex: false, maxPoolSize: 2 }).asPromise();
    cleanups.unshift({ name: 'MongoDB health connection', run: () => healthConnection.close() });
    const snapshotConfig = options.prepareSearch === false ? null : config.search.snapshot;
    const repositories = createRepositories(connection, await detectIdLookup(connection), {
      journal: snapshotConfig !== null,
      pageCache: config.search.pageCache,
    });
    await ensureIndexes(repositories);

    // A worker pool that lost every replica refills from MongoDB (bound once services exist).
    let rebuild = async (): Promise<void> => undefined;
    const metrics = new AppMetrics(logger);
    const engine = metrics.instrument(options.engine ?? (await createSearchEngine(config, { logger, rebuild: () => rebuild() })));
    cleanups.unshift({ name: 'search engine', run: () => engine.close() });
    // The ZIP data takes ~1 s to parse: once per process at start, never inside a request.
    preloadUsLocations();
    // Requests in flight: alert detection steps aside for them (src/shared/foreground-activity.ts).
    const foreground = new ForegroundActivity();
    const services = createServices(repositories, {
      adminApiKey: config.auth.adminApiKey,
      clock,
      engine,
      logger,
      indexSync: { batchSize: config.search.indexBatchSize, reindexBatchSize: config.search.reindexBatchSize },
      alerts: config.alerts,
      alertSeams: options.alertSeams,
      alertGate: foreground.gate(BACKGROUND_MAX_WAIT_MS),
      // Seams are functions, which cannot cross into a thread: a test that gives them runs detection here.
      alertThread:
        config.alerts.detectionThread && !options.alertSeams
          ? { mongoUri: mongo.uri, dbName: config.mongo.dbName, logLevel: config.logLevel, config: config.alerts, foreground: foreground.buffer, backgroundMaxWaitMs: BACKGROUND_MAX_WAIT_MS }
          : undefined,
    });
    // The snapshot and the journal when there is one (seconds), else MongoDB (minutes at scale).
    rebuild = async () => {
      if (await snapshots?.restore()) {
        await services.indexSync.drain();
        void services.reconcile.reconcile().catch((err: Error) => logger.warn(`Reconciliation failed: ${err.message}`));
        return;
      }
      await services.indexSync.reindex();
    };
    const outbox = repositories.outbox;
    const snapshots =
      snapshotConfig && canSnapshot(engine) && outbox instanceof JournaledOutboxRepository
        ? new SearchSnapshotService(connection, engine, snapshotConfig.dir, outbox.journal, services.indexSync, logger)
        : null;
    // Runs after the index sync stopped and before the engine closes (cleanups run last-added first).
    if (snapshots) cleanups.unshift({ name: 'search snapshot', run: () => snapshots.stop() });
    // Before the index is prepared: changes applied from here on are evaluated for alerts. Its
    // cleanup runs after the index sync's (added below), so no applied batch is left unevaluated.
    if (options.prepareSearch !== false) {
      await services.alertRuntime.start();
      cleanups.unshift({ name: 'alerts', run: () => services.alertRuntime.stop() });
    }
    if (options.prepareSearch !== false) {
      await prepareSearchIndex(services, snapshots, logger);
      services.indexSync.start(config.search.outboxPollMs, config.search.changeLogPollMs);
      snapshots?.start(snapshotConfig!.intervalMs);
    }
    cleanups.unshift({ name: 'index sync', run: () => services.indexSync.stop() });

    metrics.watchIndex({
      outboxStats: () => services.indexSync.outboxStats(),
      documentCounts: async () => (await engine.documentCounts?.()) ?? null,
    });

    const schema = await createSchema(createResolverContainer(services));
    const outboxCounts = recentValue(
      async () => ({ pending: await services.indexSync.pendingCount(), parked: await services.indexSync.parkedCount() }),
      HEALTH_COUNTS_MAX_AGE_MS,
    );
    const searchHealth = {
      health: async () => {
        const counts = await outboxCounts();
        return {
          ...(await engine.health()),
          pendingIndexUpdates: counts.pending,
          parkedIndexUpdates: counts.parked,
          lastReconciliation: services.reconcile.last,
        };
      },
    };
    const { httpServer, apollo, drain } = await createHttpApp({
      config,
      schema,
      services,
      logger,
      metrics,
      foreground,
      // At most HEALTH_MAX_AGE_MS old: while one check waits on a busy database, callers get the
      // last report at once instead of queueing behind it.
      health: recentValue(() => checkHealth(healthConnection, mongo.server, searchHealth, { alive: mongo.alive, pingTimeoutMs: 1000 }), HEALTH_MAX_AGE_MS),
    });
    cleanups.unshift({ name: 'HTTP server', run: () => apollo.stop() });
    // Subscriptions (graphql-ws) on the same server and path; closed before the HTTP server.
    const ws = attachGraphqlWs({
      httpServer,
      schema,
      services,
      logger,
      maxConnectionsPerKey: config.alerts.wsMaxConnectionsPerKey,
      production: config.env === 'production',
    });
    cleanups.unshift({ name: 'WebSocket server', run: () => ws.close() });

    return {
      config,
      services,
      repositories,
      connection,
      mongoServer: mongo.server,
      httpServer,
      drain,
      listen: () =>
        new Promise((resolve, reject) => {
          httpServer.once('error', reject);
          httpServer.listen(config.http.port, config.http.host, () => {
            const { port } = httpServer.address() as AddressInfo;
            resolve(`http://${config.http.host}:${port}/graphql`);
          });
        }),
      close: async () => {
        for (const cleanup of cleanups.splice(0)) {
          logger.debug(`Closing ${cleanup.name}`);
          await cleanup.run();
        }
      },
    };
  } catch (err) {
    for (const cleanup of cleanups.splice(0)) await cleanup.run().catch(() => undefined);
    throw err;
  }
}

/**
 * The embedded engine lives in memory: each start loads its snapshot and catches up (then a
 * reconciliation pass runs in the background), or rebuilds it from MongoDB and writes a
 * snapshot. A persistent engine (Meilisearch) keeps its index and only needs the outbox.
 */
async function prepareSearchIndex(services: AppServices, snapshots: SearchSnapshotService | null, logger: Logger): Promise<void> {
  if (services.search.kind === 'embedded') {
    const t0 = Date.now();
    const restored = await snapshots?.restore().catch((err: Error) => {
      logger.warn(`Search snapshot not loaded: ${err.message}`);
      return null;
    });
    if (restored) {
      logger.info(
        `Embedded search index loaded from its snapshot: ${restored.postings + restored.candidates} documents in ${restored.tookMs} ms, ${restored.requeued} changed since re-queued`,
      );
    } else {
      const count = await services.indexSync.reindex();
      logger.info(`Embedded search index built from MongoDB: ${count} documents in ${Date.now() - t0} ms`);
    }
    await services.indexSync.drain().catch((err: Error) => logger.warn(`Outbox drain at start-up failed: ${err.message}`));
    // Off the start-up path: the service answers while these run.
    if (restored) void services.reconcile.reconcile().catch((err: Error) => logger.warn(`Reconciliation failed: ${err.message}`));
    else if (snapshots) void snapshots.save();
    return;
  }
  await services.indexSync.drain().catch((err: Error) => logger.warn(`Outbox drain at start-up failed: ${err.message}`));
}
