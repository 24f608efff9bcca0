// Entry point: load config, build the app, seed an empty database, listen, shut down cleanly.
import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { isDatabaseEmpty, loadSeeds } from './seeding/seed-loader.js';
import { readSeedFiles } from './seeding/seed-files.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.auth.usingDevAdminKey) {
    logger.warn('ADMIN_API_KEY is not set: using the development key "dev-admin-key". Never do this in production.');
  }
  const app = await createApp(config, { logger });
  logger.info(`MongoDB-protocol server: ${app.mongoServer}`);

  if (config.seedOnEmpty && !config.mongo.uri && (await isDatabaseEmpty(app.repositories))) {
    logger.info('Empty embedded database: loading the demo data from seeds/ …');
    const report = await app.services.indexSync.bulk(() => loadSeeds(app.services, app.repositories, readSeedFiles()));
    logger.info(`Seeded: ${JSON.stringify(report)}`);
  }

  const url = await app.listen();
  logger.info(`GraphQL API ready at ${url} (health: ${url.replace(/graphql$/, 'health')})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: closing the HTTP server, the database and any server started here`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      logger.error('Error during shutdown', err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
