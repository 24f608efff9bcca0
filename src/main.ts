// Entry point: load config, build the app, seed an empty database, listen, shut down cleanly.
import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { StartupError } from './shared/startup-error.js';
import { assertPortFree } from './api/http/port-check.js';
import { seedOnStart } from './seeding/seed-on-start.js';
import { readSeedFiles } from './seeding/seed-files.js';
import { startMemoryTrace } from './shared/memory-trace.js';

async function main(): Promise<void> {
  const config = loadConfig();
  startMemoryTrace(config.memoryTrace);
  const logger = createLogger(config.logLevel);
  if (config.auth.usingDevAdminKey) {
    logger.warn('ADMIN_API_KEY is not set: using the development key "dev-admin-key". Never do this in production.');
  }
  if (config.search.usingMeiliMasterKey) {
    logger.warn('Meilisearch is used with MEILI_MASTER_KEY: give the API a key scoped to its indexes in MEILI_API_KEY instead (README "Production").');
  }
  // Before any database is started: a busy port should fail in a second, not after the reindex.
  await assertPortFree(config.http.host, config.http.port);
  // The local database died and could not be restarted: stop, non-zero, so a supervisor sees it.
  let onDatabaseLost = (): void => process.exit(1);
  const app = await createApp(config, { logger, onDatabaseLost: () => onDatabaseLost() });
  logger.info(`MongoDB-protocol server: ${app.mongoServer}`);

  // A bulk load: its writes reach the search engine in batches, not one task per document.
  const seeding = await app.services.indexSync.bulk(() => seedOnStart(app, config.seed, readSeedFiles, logger));
  if (seeding.action === 'skipped') logger.debug(`Seeding skipped: ${seeding.reason}`);
  else logger.info(`Seeding ${seeding.action} (SEED=${seeding.mode}): ${JSON.stringify(seeding.report)}`);

  const url = await app.listen();
  logger.info(`GraphQL API ready at ${url} (health: ${url.replace(/graphql$/, 'health')})`);

  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const grace = config.shutdownGraceMs;
    logger.info(`${signal} received: finishing running requests (up to ${grace} ms, new ones get 503), then closing`);
    const force = setTimeout(() => process.exit(1), grace + 15_000);
    force.unref();
    try {
      const { inFlight, cut } = await app.drain(grace);
      if (cut > 0) logger.warn(`Shutdown cut ${cut} of ${inFlight} running requests after the ${grace} ms grace period (SHUTDOWN_GRACE_MS)`);
      else logger.info(`Shutdown: ${inFlight} running requests finished; closing the HTTP server, the database and any server started here`);
      await app.close();
      process.exit(exitCode);
    } catch (err) {
      logger.error('Error during shutdown', err);
      process.exit(1);
    }
  };
  onDatabaseLost = () => void shutdown('Local database lost', 1);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

// Start-up failures are one JSON line like every other log line, with what to do in `msg`.
main().catch((err: unknown) => {
  const line: Record<string, unknown> = { time: new Date().toISOString(), level: 'error' };
  if (err instanceof ConfigError) {
    Object.assign(line, { msg: err.message, problems: err.problems });
  } else if (err instanceof StartupError) {
    Object.assign(line, { msg: `Failed to start: ${err.message}`, variable: err.variable });
  } else {
    Object.assign(line, { msg: `Failed to start: ${err instanceof Error ? err.message : String(err)}` });
  }
  process.stderr.write(`${JSON.stringify(line)}\n`);
  process.exit(1);
});
