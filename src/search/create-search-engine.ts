import type { AppConfig } from '../config.js';
import type { Logger } from '../shared/logger.js';
import { EmbeddedSearchEngine } from './embedded/embedded.engine.js';
import type { SearchEngine } from './search-engine.js';

export interface SearchEngineHooks {
  logger?: Logger;
  /** Refills a worker pool that lost every replica, or Meilisearch documents whose vectors were dropped (the app reindexes from MongoDB). */
  rebuild?: () => Promise<void>;
}

/**
 * Meilisearch when MEILI_HOST is set, else the embedded engine: replicated in SEARCH_WORKERS
 * worker threads (worker-pool/), or in this thread with SEARCH_WORKERS=0.
 */
export async function createSearchEngine(config: AppConfig, hooks: SearchEngineHooks = {}): Promise<SearchEngine> {
  if (!config.search.meiliHost) {
    if (config.search.workers === 0) return new EmbeddedSearchEngine();
    const { PooledSearchEngine } = await import('./worker-pool/pooled.engine.js');
    return new PooledSearchEngine({ workers: config.search.workers, logger: hooks.logger, rebuild: hooks.rebuild });
  }
  const { MeilisearchEngine } = await import('./meilisearch/meilisearch.engine.js');
  return new MeilisearchEngine({
    host: config.search.meiliHost,
    apiKey: config.search.meiliKey,
    indexPrefix: config.search.indexPrefix,
    rankWindow: config.search.rankWindow,
    exactTier: config.search.exactTier,
    // An upgrade that changed the fit vectors' layout (a new embedder name) left documents
    // without vectors: rebuild them from MongoDB (README "Meilisearch at scale", upgrading).
    onVectorsReplaced: () => {
      hooks.logger?.warn('Meilisearch fit embedder replaced on a non-empty index: rebuilding both indexes from MongoDB');
      void hooks.rebuild?.().catch((err: Error) => hooks.logger?.warn(`Rebuild after the embedder change failed: ${err.message}`));
    },
  });
}
