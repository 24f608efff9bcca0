import { describe, expect, it } from 'vitest';
import { PooledSearchEngine } from '../../src/search/worker-pool/pooled.engine.js';
import { runSearchEngineContract } from './search-engine.contract.js';

runSearchEngineContract('pooled (2 workers)', async () => new PooledSearchEngine({ workers: 2 }));

describe('pooled engine', () => {
  it('starts', async () => {
    const e = new PooledSearchEngine({ workers: 2 });
    expect((await e.health()).ok).toBe(true);
    await e.close();
  });
});
