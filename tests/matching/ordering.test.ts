import { describe, expect, it } from 'vitest';
import { compareCandidateMatches, compareJobMatches, type JobRankKey } from '../../src/matching/ordering.js';

describe('compareJobMatches', () => {
  const items: JobRankKey[] = [
    { id: 'b', score: 0.7, postedAt: new Date('2026-01-01T00:00:00Z') },
    { id: 'a', score: 0.7, postedAt: new Date('2026-01-01T00:00:00Z') },
    { id: 'c', score: 0.7, postedAt: new Date('2026-02-01T00:00:00Z') },
    { id: 'd', score: 0.9, postedAt: new Date('2025-01-01T00:00:00Z') },
    { id: 'e', score: 0.2, postedAt: Date.parse('2026-03-01T00:00:00Z') },
  ];
  it('orders by score desc, then newer postedAt, then id ascending', () => {
    expect([...items].sort(compareJobMatches).map((i) => i.id)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });
  it('gives the same order for every input permutation', () => {
    const expected = [...items].sort(compareJobMatches).map((i) => i.id);
    for (let r = 0; r < 20; r++) {
      const shuffled = [...items].sort((x, y) => ((x.id.charCodeAt(0) * (r + 3)) % 7) - ((y.id.charCodeAt(0) * (r + 3)) % 7));
      expect(shuffled.sort(compareJobMatches).map((i) => i.id)).toEqual(expected);
    }
  });
  it('is 0 only for the same key and antisymmetric', () => {
    for (const x of items) {
      for (const y of items) {
        const c = compareJobMatches(x, y);
        expect(Math.sign(c) + Math.sign(compareJobMatches(y, x)) === 0).toBe(true);
        expect(c === 0).toBe(x === y);
      }
    }
  });
  it('compares ids by code unit, not locale', () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(compareJobMatches({ id: 'B', score: 1, postedAt: t }, { id: 'a', score: 1, postedAt: t })).toBeLessThan(0);
  });
});

describe('compareCandidateMatches', () => {
  it('orders by score desc, then candidate id ascending', () => {
    const list = [
      { id: 'c2', score: 0.6 },
      { id: 'c1', score: 0.6 },
      { id: 'c3', score: 0.8 },
      { id: 'c0', score: 0.1 },
    ];
    expect(list.sort(compareCandidateMatches).map((c) => c.id)).toEqual(['c3', 'c1', 'c2', 'c0']);
  });
});
