// `npm run reindex`: rebuilds the Meilisearch index from MongoDB with a progress bar (the
// recovery tool). The embedded engine lives in the API process's memory and that process
// rebuilds it from MongoDB at every start, so an index built here would be thrown away:
// with the embedded engine this command says so and exits without building anything.
import 'reflect-metadata';
import { MultiBar, Presets } from 'cli-progress';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
if (!config.search.meiliHost) {
  console.log(
    'Search engine: embedded (MEILI_HOST is not set). Its index lives in the API process and is rebuilt ' +
      'from MongoDB every time the server starts (`npm start` logs "Embedded search index built from MongoDB"), ' +
      'so there is nothing to rebuild here: restart the server to rebuild it. Set MEILI_HOST to rebuild a Meilisearch index.',
  );
  process.exit(0);
}
console.log(`Search engine: Meilisearch at ${config.search.meiliHost} (index prefix "${config.search.indexPrefix}"); rebuilding from MongoDB`);
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
