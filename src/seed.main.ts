// `npm run seed` loads seeds/ into the configured database (idempotent): the catalog and the
// demo people; `npm run seed -- --catalog` the qualification catalog only. Catalog entries are
// written as in seeds/ (updating existing ones), unlike start-up seeding, which only adds
// missing codes.
import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { readSeedFiles } from './seeding/seed-files.js';
import { loadSeeds } from './seeding/seed-loader.js';
import { SeedMarkerRepository } from './seeding/seed-marker.repository.js';

const catalogOnly = process.argv.includes('--catalog');
const app = await createApp(loadConfig());
try {
  const markers = new SeedMarkerRepository(app.connection);
  const before = await markers.get();
  // The start-up marker (seed-marker.repository.ts) records what was loaded; a catalog-only run
  // leaves a database marked "demo" as it was.
  const marks = !catalogOnly || before === null || before.mode === 'catalog';
  if (marks) await markers.started(catalogOnly ? 'catalog' : 'demo', new Date());
  const report = await app.services.indexSync.bulk(() => loadSeeds(app.services, app.repositories, readSeedFiles(), { catalog: 'upsert', people: !catalogOnly }));
  if (marks) await markers.completed(new Date());
  console.log(`Seeded ${app.mongoServer}${catalogOnly ? ' (catalog only)' : ''}: ${JSON.stringify(report, null, 2)}`);
} finally {
  await app.close();
}
