import type { AppConfig } from '../config.js';
import { EmbeddedSearchEngine } from './embedded/embedded.engine.js';
import type { SearchEngine } from './search-engine.js';

/** Meilisearch when MEILI_HOST is set, else the in-process engine. */
export async function createSearchEngine(config: AppConfig): Promise<SearchEngine> {
  if (!config.search.meiliHost) return new EmbeddedSearchEngine();
  const { MeilisearchEngine } = await import('./meilisearch/meilisearch.engine.js');
  return new MeilisearchEngine({
    host: config.search.meiliHost,
    apiKey: config.search.meiliKey,
    indexPrefix: config.search.indexPrefix,
    rankWindow: config.search.rankWindow,
  });
}
