import { describe, expect, it } from 'vitest';
import { pageFromHits, pageWindow, toConnection } from '../../src/shared/pagination.js';
import { InputProblemsError } from '../../src/shared/validation.js';

describe('pagination', () => {
  it('accepts first 1..100 and a previous endCursor', () => {
    expect(pageWindow(undefined, undefined)).toEqual({ offset: 0, limit: 20 });
    const first = toConnection({ items: ['a', 'b'], offset: 0, totalCount: 5 }, (x) => x);
    expect(pageWindow(2, first.pageInfo.endCursor)).toEqual({ offset: 2, limit: 2 });
  });

  it.each([0, 101, -1, 2.5])('rejects first = %s naming the argument', (first) => {
    expect(() => pageWindow(first, null)).toThrow(InputProblemsError);
    expect(() => pageWindow(first, null)).toThrow(/first/);
  });

  it.each(['', 'abc', Buffer.from('{"o":-3}').toString('base64url'), Buffer.from('{"o":"1"}').toString('base64url')])(
    'rejects a cursor it did not issue (%s)',
    (after) => {
      expect(() => pageWindow(10, after)).toThrow(/after/);
    },
  );

  it('keeps cursors on the engine positions when a hit is dropped, so the next page neither repeats nor skips', () => {
    // Engine order: p1 p2 p3 p4 p5; p2 was closed a moment ago and is dropped from page 1.
    const records = [{ id: 'p1', open: true }, { id: 'p2', open: false }, { id: 'p3', open: true }];
    const page = pageFromHits(records, 0, 5, (r) => (r.open ? r.id : null));
    const conn = toConnection(page, (x) => x);
    expect(conn.edges.map((e) => e.node)).toEqual(['p1', 'p3']);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(pageWindow(3, conn.pageInfo.endCursor).offset).toBe(3); // next page starts at p4
  });

  it('has no next page once the engine positions reach the total', () => {
    const page = pageFromHits([{ id: 'p4' }, undefined], 3, 5, (r) => r.id);
    const conn = toConnection(page, (x) => x);
    expect(conn.edges.map((e) => e.node)).toEqual(['p4']);
    expect(conn.pageInfo.hasNextPage).toBe(false);
  });
});
