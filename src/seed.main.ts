// `npm run seed`: loads seeds/ into the configured database (idempotent).
import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { readSeedFiles } from './seeding/seed-files.js';
import { loadSeeds } from './seeding/seed-loader.js';

const app = await createApp(loadConfig());
try {
  const report = await app.services.indexSync.bulk(() => loadSeeds(app.services, app.repositories, readSeedFiles()));
  console.log(`Seeded ${app.mongoServer}: ${JSON.stringify(report, null, 2)}`);
} finally {
  await app.close();
}
