// The worker-thread pool: the search-engine contract, write ordering across replicas, state
// export/import, and surviving a worker that dies.
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { SearchUnavailableError } from '../../../src/search/search-errors.js';
import type { PostingSearchDocument, SearchEngine } from '../../../src/search/search-engine.js';
import { PooledSearchEngine } from '../../../src/search/worker-pool/pooled.engine.js';
import { workerEntry } from '../../../src/search/worker-pool/worker-entry.js';
import { runSearchEngineContract } from '../search-engine.contract.js';
import { ALICE, CATALOG, TODAY, candidateDocs, postingDocs } from '../contract-fixtures.js';

runSearchEngineContract('pooled (2 worker threads)', async () => new PooledSearchEngine({ workers: 2 }));

const testEntry = () => workerEntry('test-engine.worker', import.meta.url);
const everyOpen = (e: SearchEngine) => e.searchPostings({ filter: null, offset: 0, limit: 100 });

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const allReady = (pool: PooledSearchEngine, n: number) => async () => (await pool.health()).detail?.includes(`${n} of ${n} workers ready`) ?? false;

/** Two queries at once: the least-busy rule sends them to different replicas. */
async function bothReplicas(pool: PooledSearchEngine): Promise<string[][]> {
  const pages = await Promise.all([everyOpen(pool), everyOpen(pool)]);
  return pages.map((p) => p.ids);
}

describe('pooled engine', () => {
  const pools: PooledSearchEngine[] = [];
  const pool = (options: ConstructorParameters<typeof PooledSearchEngine>[0]) => {
    const p = new PooledSearchEngine(options);
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('applies broadcast writes in call order on every replica, and a query after a write sees it', async () => {
    const pooled = pool({ workers: 2 });
    const local = new EmbeddedSearchEngine();
    const docs = postingDocs();
    // Interleaved, not awaited one by one: the same document changes several times.
    const ops: ((e: SearchEngine) => Promise<void>)[] = [];
    for (let round = 0; round < 20; round++) {
      docs.forEach((d, i) => {
        const changed: PostingSearchDocument = { ...d, title: `${d.title} r${round}`, postedAt: d.postedAt + (round * (i % 2 ? 1 : -1)) * 1e9, version: round };
        ops.push((e) => e.upsertPostings([changed]));
        if ((round + i) % 3 === 0) ops.push((e) => e.deletePostings([d.id]));
      });
    }
    const writes = ops.map((op) => op(pooled));
    for (const op of ops) await op(local);
    // Posted after every write, without waiting for them.
    const [a, b] = await bothReplicas(pooled);
    await Promise.all(writes);
    const expected = (await everyOpen(local)).ids;
    // Some documents end deleted, the others in their last version, in a changed order.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(docs.filter((d) => d.status === 'OPEN').length);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    expect(new Map(await pooled.indexedVersions('posting'))).toEqual(new Map(await local.indexedVersions('posting')));
  });

  it('round-trips an engine state through export and import', async () => {
    const source = new EmbeddedSearchEngine();
    await source.upsertPostings(postingDocs());
    await source.upsertCandidates(candidateDocs());
    const copy = new EmbeddedSearchEngine();
    copy.importState(structuredClone(source.exportState()));
    const q = { candidate: ALICE, filter: null, includeIneligible: true, catalog: CATALOG, today: TODAY, offset: 0, limit: 50 };
    expect(await copy.rankPostingsForCandidate(q)).toEqual(await source.rankPostingsForCandidate(q));
    expect(await copy.searchPostings({ text: 'clinic manager', filter: null, offset: 0, limit: 50 })).toEqual(
      await source.searchPostings({ text: 'clinic manager', filter: null, offset: 0, limit: 50 }),
    );
    expect(await copy.health()).toEqual(await source.health());
  });

  it('replaces a crashed worker with a copy of a live replica; the other worker answers meanwhile', async () => {
    const pooled = pool({ workers: 2, entry: testEntry() });
    await pooled.upsertPostings(postingDocs());
    const before = (await everyOpen(pooled)).ids;

    await expect(pooled.searchPostings({ text: '__crash__', filter: null, offset: 0, limit: 5 })).rejects.toBeInstanceOf(SearchUnavailableError);
    expect((await everyOpen(pooled)).ids).toEqual(before);
    // A write during the replacement reaches the copy too.
    const extra = { ...postingDocs()[0], id: 'p-extra', postedAt: Date.parse('2027-01-01') };
    await pooled.upsertPostings([extra]);

    await until(allReady(pooled, 2), 'the replacement worker');
    expect(pooled.size).toBe(2);
    for (const ids of await bothReplicas(pooled)) expect(ids).toEqual(['p-extra', ...before]);
  });

  it('answers SearchUnavailableError once every replica is gone, until the rebuild refills it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let rebuilt = 0;
    const pooled: PooledSearchEngine = pool({
      workers: 1,
      entry: testEntry(),
      rebuild: async () => {
        await gate;
        await pooled.reset();
        await pooled.upsertPostings(postingDocs());
        rebuilt++;
      },
    });
    await pooled.upsertPostings(postingDocs());
    const before = (await everyOpen(pooled)).ids;
    await expect(pooled.searchPostings({ text: '__crash__', filter: null, offset: 0, limit: 5 })).rejects.toBeInstanceOf(SearchUnavailableError);
    await until(() => pooled.size === 1, 'the fresh worker');
    await expect(everyOpen(pooled)).rejects.toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
    expect((await pooled.health()).ok).toBe(false);
    release();
    await until(async () => (await pooled.health()).ok, 'the rebuild');
    expect(rebuilt).toBe(1);
    expect((await everyOpen(pooled)).ids).toEqual(before);
  });

  it('answers SearchUnavailableError after close', async () => {
    const pooled = pool({ workers: 1 });
    await pooled.close();
    await expect(everyOpen(pooled)).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(pooled.upsertPostings(postingDocs())).rejects.toBeInstanceOf(SearchUnavailableError);
    expect((await pooled.health()).ok).toBe(false);
  });
});
