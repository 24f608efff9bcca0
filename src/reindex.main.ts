// `npm run reindex`: rebuilds the search index from MongoDB with a progress bar. With
// Meilisearch this is the recovery tool; the embedded engine is rebuilt at every start anyway,
// so there it only measures how long that takes.
import 'reflect-metadata';
import { MultiBar, Presets } from 'cli-progress';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const app = await createApp(config, { prepareSearch: false });
const bars = new MultiBar({ format: ' {entity} |{bar}| {value}/{total} ({percentage}%)', hideCursor: true }, Presets.shades_classic);
const labels = { posting: 'postings  ', candidate: 'candidates' } as const;
const bar = { posting: bars.create(1, 0, { entity: labels.posting }), candidate: bars.create(1, 0, { entity: labels.candidate }) };
try {
  const t0 = Date.now();
  const count = await app.services.indexSync.reindex(({ entity, done, total }) => {
    bar[entity].setTotal(Math.max(total, done));
    bar[entity].update(done, { entity: labels[entity] });
  });
  await app.services.indexSync.drain();
  bars.stop();
  const seconds = (Date.now() - t0) / 1000;
  console.log(`Reindexed ${count} documents into the ${app.services.search.kind} engine in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} documents/s)`);
} finally {
  bars.stop();
  await app.close();
}
