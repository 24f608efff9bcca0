// Cursor pagination rules (DESIGN §6): `first` 1..100, `after` = a previous page's endCursor.
// A cursor is an opaque offset into a deterministic order, so paging never repeats or skips
// while the data does not change.
import { InputProblemsError } from './validation.js';

export const MAX_PAGE_SIZE = 100;

export interface PageWindow {
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Offset of this page in the whole result. */
  offset: number;
  totalCount: number;
  /**
   * Position in the whole result just after each item (its cursor), and how many positions the
   * page covered. They differ from offset+i+1 and items.length when some hits were dropped, e.g.
   * a posting closed a moment ago that the index still listed: cursors then still point into
   * the engine's order, so the next page neither repeats nor skips.
   */
  positions?: number[];
  covered?: number;
}

/**
 * Builds a page from the records loaded for an engine's hits (same order), keeping those
 * `keep` turns into items.
 */
export function pageFromHits<R, T>(
  records: readonly (R | undefined)[],
  offset: number,
  totalCount: number,
  keep: (record: R) => T | null,
): Page<T> {
  const items: T[] = [];
  const positions: number[] = [];
  records.forEach((record, i) => {
    const item = record === undefined ? null : keep(record);
    if (item !== null) {
      items.push(item);
      positions.push(offset + i + 1);
    }
  });
  return { items, offset, totalCount, positions, covered: records.length };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    return Number.isSafeInteger(parsed.o) && (parsed.o as number) >= 0 ? (parsed.o as number) : null;
  } catch {
    return null;
  }
}

export function pageWindow(first: number | null | undefined, after: string | null | undefined): PageWindow {
  const limit = first ?? 20;
  const problems = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    problems.push({ field: 'first', problem: `must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  let offset = 0;
  if (after != null) {
    const decoded = decodeCursor(after);
    if (decoded === null) problems.push({ field: 'after', problem: 'is not a cursor returned by this query' });
    else offset = decoded;
  }
  if (problems.length > 0) throw new InputProblemsError(problems);
  return { offset, limit };
}

/** Edges with cursors and pageInfo in the shape every *Connection type shares. */
export function toConnection<T, N>(page: Page<T>, toNode: (item: T) => N) {
  const edges = page.items.map((item, i) => ({
    cursor: encodeCursor(page.positions?.[i] ?? page.offset + i + 1),
    node: toNode(item),
  }));
  const covered = page.covered ?? page.items.length;
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + covered < page.totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
  };
}
