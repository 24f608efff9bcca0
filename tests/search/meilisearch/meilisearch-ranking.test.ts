// The adapter's windowed ranking (meilisearch-exact-ranking.ts), with the engine replaced by
// functions: what Meilisearch would count for each filter and return in its (vector) order.
import { describe, expect, it } from 'vitest';
import { rankInWindows } from '../../../src/search/meilisearch/meilisearch-exact-ranking.js';
import type { ScoredHit } from '../../../src/search/meilisearch/meilisearch-ranking.js';

interface Doc {
  id: string;
  score: number;
  eligible: boolean;
  missing: number;
}

function request(eligibleTier: Doc[], ineligibleTier: Doc[] | null, offset: number, limit: number, window = 1000, exactTier = 0) {
  const fetched: { filter: string; size: number }[] = [];
  /** Every request in order: count / whole / ranked, and its filter. */
  const asked: string[] = [];
  const tiers: Record<string, Doc[]> = { E: eligibleTier, I: ineligibleTier ?? [] };
  return {
    fetched,
    asked,
    run: () =>
      rankInWindows<Doc>({
        eligibleFilter: 'E',
        ineligibleFilter: ineligibleTier === null ? null : 'I',
        offset,
        limit,
        window,
        exactTier,
        count: async (f) => {
          asked.push(`count ${f}`);
          return tiers[f].length;
        },
        // Meilisearch's placeholder order is its internal ids', unrelated to the vectors': reversed here.
        whole: async (f, size) => {
          asked.push(`whole ${f}`);
          return { total: tiers[f].length, docs: [...tiers[f]].reverse().slice(0, size) };
        },
        orders: 1,
        ranked: async (f, _order, size) => {
          asked.push(`ranked ${f}`);
          fetched.push({ filter: f, size });
          return { docs: tiers[f].slice(0, size), total: tiers[f].length };
        },
        score: (docs): ScoredHit[] => docs.map((d) => ({ id: d.id, score: d.score, eligible: d.eligible, missingCount: d.missing, postedAt: 0 })),
        order: 'candidates',
      }),
  };
}

const e = (id: string, score: number): Doc => ({ id, score, eligible: true, missing: 0 });
const i = (id: string, score: number, missing: number): Doc => ({ id, score, eligible: false, missing });

/** A deterministic shuffle: the engine's order only roughly follows the exact one. */
function engineOrder(n: number, seed: number): Doc[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const docs = Array.from({ length: n }, (_, k) => e(`d${String(k).padStart(4, '0')}`, 0.51 + 0.49 * rnd()));
  return docs.map((d, k) => ({ d, key: d.score + 0.2 * rnd() - k * 1e-9 })).sort((a, b) => b.key - a.key).map((x) => x.d);
}

describe('rankInWindows', () => {
  it('orders a window by exact score whatever order the engine returned it in', async () => {
    const page = await request([e('a', 0.6), e('b', 0.9), e('c', 0.7)], null, 0, 2).run();
    expect(page).toEqual({ hits: [{ id: 'b', score: 0.9, eligible: true, missingCount: 0 }, { id: 'c', score: 0.7, eligible: true, missingCount: 0 }], total: 3 });
  });

  it('serves windows of the engine order one after the other, each in exact order', async () => {
    const tier = [e('a', 0.6), e('b', 0.9), e('c', 0.7), e('d', 0.95), e('f', 0.55)];
    const page = await request(tier, null, 0, 5, 2).run();
    // Windows [a b] [c d] [f]: 'd' beats everything but stays in the second window.
    expect(page.hits.map((h) => h.id)).toEqual(['b', 'a', 'd', 'c', 'f']);
  });

  it('continues into the ineligible tier only when the page reaches past the eligible one', async () => {
    const only = request([e('a', 0.6)], [i('x', 0.3, 1), i('y', 0.1, 2)], 0, 1);
    expect((await only.run()).hits.map((h) => h.id)).toEqual(['a']);
    expect(only.fetched.map((p) => p.filter)).toEqual(['E']);
    const across = request([e('a', 0.6)], [i('y', 0.1, 2), i('x', 0.3, 1)], 0, 3);
    const page = await across.run();
    expect(page.hits.map((h) => h.id)).toEqual(['a', 'x', 'y']);
    expect(page.total).toBe(3);
    const past = request([e('a', 0.6), e('b', 0.7)], [i('y', 0.1, 2), i('x', 0.3, 1)], 2, 5);
    expect((await past.run()).hits.map((h) => h.id)).toEqual(['x', 'y']);
    expect(past.fetched.map((p) => p.filter)).toEqual(['I']);
  });

  it('keeps a document the filter let through but the exact rules reject at its window end, or drops it', async () => {
    const stale = i('s', 0.4, 1);
    expect((await request([e('a', 0.6), stale, e('b', 0.7)], null, 0, 10).run()).hits.map((h) => h.id)).toEqual(['b', 'a']);
    expect((await request([stale, e('a', 0.6)], [i('x', 0.2, 1)], 0, 10).run()).hits.map((h) => h.id)).toEqual(['a', 's', 'x']);
  });

  it('pages through a long ranked list without repeats or skips', async () => {
    const tier = engineOrder(1000, 7);
    const full = (await request(tier, null, 0, 1000, 64).run()).hits.map((h) => h.id);
    expect(full).toHaveLength(1000);
    expect(new Set(full).size).toBe(1000);
    const paged: string[] = [];
    for (let offset = 0; offset < 1000; offset += 7) paged.push(...(await request(tier, null, offset, 7, 64).run()).hits.map((h) => h.id));
    expect(paged).toEqual(full);
    // With a window covering the tier, the list is the exact order.
    const exact = [...tier].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((d) => d.id);
    expect((await request(tier, null, 0, 1000, 1000).run()).hits.map((h) => h.id)).toEqual(exact);
    expect(full.slice(0, 64)).toEqual([...tier.slice(0, 64)].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((d) => d.id));
  });

  it('pages through both tiers without repeats or skips', async () => {
    const eligible = engineOrder(150, 3);
    const ineligible = Array.from({ length: 90 }, (_, k) => i(`z${String(k).padStart(3, '0')}`, 0.1 + ((k * 7) % 90) / 300, 1 + (k % 3)));
    const full = (await request(eligible, ineligible, 0, 240, 32).run()).hits.map((h) => h.id);
    expect(new Set(full).size).toBe(240);
    const paged: string[] = [];
    for (let offset = 0; offset < 240; offset += 11) paged.push(...(await request(eligible, ineligible, offset, 11, 32).run()).hits.map((h) => h.id));
    expect(paged).toEqual(full);
  });

  it('merges several engine orders window by window, each document once, and pages consistently', async () => {
    const docs = engineOrder(300, 9);
    const orders = [docs, [...docs].reverse()];
    const run = (offset: number, limit: number, window: number) =>
      rankInWindows<Doc>({
        eligibleFilter: 'E',
        ineligibleFilter: null,
        offset,
        limit,
        window,
        exactTier: 0,
        orders: 2,
        count: async () => docs.length,
        whole: async () => ({ total: docs.length, docs }),
        ranked: async (_f, order, size) => ({ docs: orders[order].slice(0, size), total: docs.length }),
        score: (list): ScoredHit[] => list.map((d) => ({ id: d.id, score: d.score, eligible: true, missingCount: 0, postedAt: 0 })),
        order: 'candidates',
      });
    const byScore = (list: Doc[]) => [...list].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((d) => d.id);
    const full = (await run(0, 300, 40)).hits.map((h) => h.id);
    expect(new Set(full).size).toBe(300);
    // Window 1: the first 40 of each order together, in exact order.
    expect(full.slice(0, 80)).toEqual(byScore([...docs.slice(0, 40), ...docs.slice(-40)]));
    const paged: string[] = [];
    for (let offset = 0; offset < 300; offset += 13) paged.push(...(await run(offset, 13, 40)).hits.map((h) => h.id));
    expect(paged).toEqual(full);
  });

  it('fetches whole windows up to the one the page ends in', async () => {
    const r = request(engineOrder(5000, 1), null, 1500, 20, 400);
    await r.run();
    expect(r.fetched).toEqual([{ filter: 'E', size: 1600 }]);
  });

  it('ranks a tier of at most exactTier documents whole and exactly, in one request, at every depth', async () => {
    const tier = engineOrder(500, 5);
    const exact = [...tier].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((d) => d.id);
    const first = request(tier, null, 0, 20, 64, 500);
    const page = await first.run();
    expect(page.hits.map((h) => h.id)).toEqual(exact.slice(0, 20));
    expect(page.total).toBe(500);
    expect(first.asked).toEqual(['whole E']);
    // The windows would have served another list: the whole ranking is not the windowed one.
    expect((await request(tier, null, 0, 20, 64).run()).hits.map((h) => h.id)).not.toEqual(exact.slice(0, 20));
    const paged: string[] = [];
    for (let offset = 0; offset < 500; offset += 9) paged.push(...(await request(tier, null, offset, 9, 64, 500).run()).hits.map((h) => h.id));
    expect(paged).toEqual(exact);
  });

  it('falls back to the vector windows for a tier larger than exactTier, serving the same list as without it', async () => {
    const tier = engineOrder(800, 11);
    const big = request(tier, null, 0, 100, 64, 500);
    const withProbe = (await big.run()).hits.map((h) => h.id);
    expect(big.asked).toEqual(['whole E', 'ranked E']);
    expect(withProbe).toEqual((await request(tier, null, 0, 100, 64).run()).hits.map((h) => h.id));
  });

  it('chooses whole or windows per tier by its size and pages through both tiers without repeats or skips', async () => {
    const eligible = engineOrder(40, 13);
    const ineligible = Array.from({ length: 300 }, (_, k) => i(`z${String(k).padStart(3, '0')}`, 0.1 + ((k * 37) % 300) / 1000, 1 + (k % 3)));
    const full = (await request(eligible, ineligible, 0, 340, 32, 100).run()).hits.map((h) => h.id);
    expect(new Set(full).size).toBe(340);
    expect(full.slice(0, 40)).toEqual([...eligible].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((d) => d.id));
    const paged: string[] = [];
    for (let offset = 0; offset < 340; offset += 11) paged.push(...(await request(eligible, ineligible, offset, 11, 32, 100).run()).hits.map((h) => h.id));
    expect(paged).toEqual(full);
    // A later page inside the small eligible tier: the counts first, then the whole tier.
    const later = request(eligible, ineligible, 20, 5, 32, 100);
    expect((await later.run()).hits.map((h) => h.id)).toEqual(full.slice(20, 25));
    expect(later.asked).toEqual(['count E', 'count I', 'whole E']);
  });

  it("takes the first page's count from its vector search: no separate count request", async () => {
    const first = request(engineOrder(800, 17), null, 40, 30, 64);
    const page = await first.run();
    expect(page.total).toBe(800);
    expect(first.asked).toEqual(['ranked E']);
    // With includeIneligible the other tier is counted beside it.
    const both = request(engineOrder(800, 17), [i('x', 0.2, 1)], 0, 10, 64);
    expect((await both.run()).total).toBe(801);
    expect([...both.asked].sort()).toEqual(['count I', 'ranked E']);
  });
});
