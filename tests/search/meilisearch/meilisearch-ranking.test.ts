// The adapter's two-tier paging over engine-filtered pools (meilisearch-ranking.ts), with the
// engine replaced by functions: what Meilisearch would count and return for each filter.
import { describe, expect, it } from 'vitest';
import { rankInTiers, type ScoredHit } from '../../../src/search/meilisearch/meilisearch-ranking.js';

interface Doc {
  id: string;
  score: number;
  eligible: boolean;
  missing: number;
}

function request(eligibleTier: Doc[], ineligibleTier: Doc[] | null, offset: number, limit: number, poolSize = 1000) {
  const pools: { filter: string; size: number }[] = [];
  const tiers: Record<string, Doc[]> = { E: eligibleTier, I: ineligibleTier ?? [] };
  return {
    pools,
    run: () =>
      rankInTiers<Doc>({
        eligibleFilter: 'E',
        ineligibleFilter: ineligibleTier === null ? null : 'I',
        offset,
        limit,
        poolSize,
        count: async (f) => tiers[f].length,
        pool: async (f, size) => {
          pools.push({ filter: f, size });
          return tiers[f].slice(0, size);
        },
        score: (docs): ScoredHit[] => docs.map((d) => ({ id: d.id, score: d.score, eligible: d.eligible, missingCount: d.missing, postedAt: 0 })),
        order: 'candidates',
      }),
  };
}

const e = (id: string, score: number): Doc => ({ id, score, eligible: true, missing: 0 });
const i = (id: string, score: number, missing: number): Doc => ({ id, score, eligible: false, missing });

describe('rankInTiers', () => {
  it('orders a pool by exact score whatever order the engine returned it in', async () => {
    const page = await request([e('a', 0.6), e('b', 0.9), e('c', 0.7)], null, 0, 2).run();
    expect(page).toEqual({ hits: [{ id: 'b', score: 0.9, eligible: true, missingCount: 0 }, { id: 'c', score: 0.7, eligible: true, missingCount: 0 }], total: 3 });
  });

  it('continues into the ineligible tier only when the page reaches past the eligible one', async () => {
    const only = request([e('a', 0.6)], [i('x', 0.3, 1), i('y', 0.1, 2)], 0, 1);
    expect((await only.run()).hits.map((h) => h.id)).toEqual(['a']);
    expect(only.pools.map((p) => p.filter)).toEqual(['E']);
    const across = request([e('a', 0.6)], [i('y', 0.1, 2), i('x', 0.3, 1)], 0, 3);
    const page = await across.run();
    expect(page.hits.map((h) => h.id)).toEqual(['a', 'x', 'y']);
    expect(page.total).toBe(3);
  });

  it('moves a document the filter let through but the exact rules reject to the ineligible tier, or drops it', async () => {
    const stale = i('s', 0.4, 1);
    expect((await request([e('a', 0.6), stale], null, 0, 10).run()).hits.map((h) => h.id)).toEqual(['a']);
    expect((await request([e('a', 0.6), stale], [i('x', 0.2, 1)], 0, 10).run()).hits.map((h) => h.id)).toEqual(['a', 's', 'x']);
  });

  it('pages without repeats or skips while the pool covers the tier', async () => {
    const docs = Array.from({ length: 9 }, (_, k) => e(`d${k}`, (k * 37) % 10 / 10 + 0.5));
    const full = (await request(docs, null, 0, 100).run()).hits.map((h) => h.id);
    const paged: string[] = [];
    for (let offset = 0; offset < 9; offset += 4) paged.push(...(await request(docs, null, offset, 4, 9).run()).hits.map((h) => h.id));
    expect(paged).toEqual(full);
  });

  it('asks for a pool at least as large as the page reaches', async () => {
    const r = request([e('a', 0.6)], null, 1500, 20);
    await r.run();
    expect(r.pools).toEqual([{ filter: 'E', size: 1520 }]);
  });
});
