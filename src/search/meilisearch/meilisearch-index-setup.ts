// Start-up index setup: both indexes created if missing, and only the settings that differ
// from the server's sent (meilisearch-settings-sync.ts): an update makes Meilisearch
// re-process the whole index.
import type { Index, Meilisearch, Settings } from 'meilisearch';
import type { MeilisearchTasks } from './meilisearch-tasks.js';
import { settingsToSend } from './meilisearch-settings-sync.js';

/**
 * Returns true when an embedder of an index that holds documents was replaced or removed:
 * those documents lost their vectors (an upgrade changed the layout) and must be re-sent.
 */
export async function prepareIndexes(
  client: Meilisearch,
  tasks: MeilisearchTasks,
  indexes: readonly [Index<Record<string, unknown>>, Settings][],
): Promise<boolean> {
  let vectorsReplaced = false;
  for (const [index, settings] of indexes) {
    const created = await tasks.wait(client.createIndex(index.uid, { primaryKey: 'id' }));
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') tasks.failed('createIndex', created);
    const changes = settingsToSend(settings, await index.getSettings());
    if (changes === null) continue;
    const held = changes.embedders !== undefined && (await index.getStats()).numberOfDocuments > 0;
    await tasks.write('updateSettings', index.updateSettings(changes));
    vectorsReplaced ||= held;
  }
  return vectorsReplaced;
}
