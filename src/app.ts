// Composition root: createApp(config) resolves MongoDB, builds repositories, services, the
// search side and the HTTP server. No module-level singletons, so tests build as many apps
// as they like.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from './config.js';
import { createRepositories, createServices, ensureIndexes, type AppRepositories, type AppServices } from './app.services.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import { resolveMongo, type StartedMongo } from './shared/mongo/local-mongo.js';
import { createSchema } from './api/graphql/schema.js';
import { createResolverContainer } from './app.resolvers.js';
import { detectIdLookup } from './shared/mongo/find-by-ids.js';
import { createHttpApp } from './api/http/http-app.js';
import { checkHealth } from './api/http/health.js';
import { createSearchEngine } from './search/create-search-engine.js';
import type { SearchEngine } from './search/search-engine.js';

export interface CreateAppOptions {
  clock?: Clock;
  logger?: Logger;
  /** An already running server (tests share one); the app then does not stop it. */
  mongo?: StartedMongo;
  /** A search engine to use instead of the configured one (tests inject failing engines). */
  engine?: SearchEngine;
  /** false: skip the start-up index build and outbox drain (the reindex command does its own). */
  prepareSearch?: boolean;
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
    }));
  const cleanups: { name: string; run: () => Promise<void> }[] = [];
  if (ownsMongo) cleanups.push({ name: 'local MongoDB-protocol server', run: () => mongo.stop() });

  try {
    const connection = await mongoose
      .createConnection(mongo.uri, { dbName: config.mongo.dbName, autoIndex: false, maxPoolSize: 20 })
      .asPromise();
    cleanups.unshift({ name: 'MongoDB connection', run: () => connection.close() });
    const repositories = createRepositories(connection, await detectIdLookup(connection));
    await ensureIndexes(repositories);

    const engine = options.engine ?? (await createSearchEngine(config));
    cleanups.unshift({ name: 'search engine', run: () => engine.close() });
    const services = createServices(repositories, {
      adminApiKey: config.auth.adminApiKey,
      clock,
      engine,
      logger,
      indexSync: { batchSize: config.search.indexBatchSize, reindexBatchSize: config.search.reindexBatchSize },
    });
    if (options.prepareSearch !== false) {
      await prepareSearchIndex(services, logger);
      services.indexSync.start(config.search.outboxPollMs);
    }
    cleanups.unshift({ name: 'index sync', run: () => services.indexSync.stop() });

    const schema = await createSchema(createResolverContainer(services));
    const searchHealth = {
      health: async () => ({
        ...(await engine.health()),
        pendingIndexUpdates: await services.indexSync.pendingCount(),
        parkedIndexUpdates: await services.indexSync.parkedCount(),
      }),
    };
    const { httpServer, apollo } = await createHttpApp({
      config,
      schema,
      services,
      logger,
      health: () => checkHealth(connection, mongo.server, searchHealth),
    });
    cleanups.unshift({ name: 'HTTP server', run: () => apollo.stop() });

    return {
      config,
      services,
      repositories,
      connection,
      mongoServer: mongo.server,
      httpServer,
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
 * The embedded engine lives in memory, so each start rebuilds it from MongoDB; a persistent
 * engine (Meilisearch) keeps its index and only needs what the outbox still holds.
 */
async function prepareSearchIndex(services: AppServices, logger: Logger): Promise<void> {
  if (services.search.kind === 'embedded') {
    const t0 = Date.now();
    const count = await services.indexSync.reindex();
    logger.info(`Embedded search index built from MongoDB: ${count} documents in ${Date.now() - t0} ms`);
  }
  await services.indexSync.drain().catch((err: Error) => logger.warn(`Outbox drain at start-up failed: ${err.message}`));
}
