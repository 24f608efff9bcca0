import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { SearchUnavailableError } from '../../../src/search/search-errors.js';
import { runSearchEngineContract } from '../search-engine.contract.js';

runSearchEngineContract('embedded', async () => new EmbeddedSearchEngine());

describe('embedded engine lifecycle', () => {
  it('answers SearchUnavailableError once closed, and reports unhealthy', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.close();
    await expect(engine.searchPostings({ filter: null, offset: 0, limit: 5 })).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(engine.searchPostings({ filter: null, offset: 0, limit: 5 })).rejects.toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
    expect((await engine.health()).ok).toBe(false);
  });

  it('keeps engines independent (no shared module state)', async () => {
    const a = new EmbeddedSearchEngine();
    const b = new EmbeddedSearchEngine();
    await a.reset();
    await b.reset();
    const { postingDocs } = await import('../contract-fixtures.js');
    await a.upsertPostings(postingDocs());
    expect((await b.searchPostings({ filter: null, offset: 0, limit: 5 })).total).toBe(0);
  });
});
