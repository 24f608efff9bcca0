// Cursor pages straight from MongoDB for plain lists (employers, candidates, an employer's
// postings): the cursor holds the last item's sort key and _id, and the next page asks for
// what sorts strictly after it. Unlike offsets, that never repeats or skips an item even when
// records are inserted before the cursor meanwhile. One $or of two simple comparisons: works
// on FerretDB v1 and uses a (key, _id) index.
import { Types } from 'mongoose';
import { MAX_PAGE_SIZE } from './pagination.js';
import { InputProblemsError } from './validation.js';

export type KeyValue = string | number | Date;

interface CursorBody {
  k: string | number;
  /** 'd' when k is a Date's epoch milliseconds. */
  t?: 'd';
  i: string;
}

export function encodeKeysetCursor(key: KeyValue, id: Types.ObjectId): string {
  const body: CursorBody = key instanceof Date ? { k: key.getTime(), t: 'd', i: id.toHexString() } : { k: key, i: id.toHexString() };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decode(cursor: string): { key: KeyValue; id: Types.ObjectId } | null {
  try {
    const b = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
    if (typeof b.i !== 'string' || !/^[0-9a-f]{24}$/.test(b.i)) return null;
    if (b.t === 'd') return typeof b.k === 'number' && Number.isFinite(b.k) ? { key: new Date(b.k), id: new Types.ObjectId(b.i) } : null;
    return typeof b.k === 'string' || (typeof b.k === 'number' && Number.isFinite(b.k)) ? { key: b.k, id: new Types.ObjectId(b.i) } : null;
  } catch {
    return null;
  }
}

export interface KeysetWindow {
  limit: number;
  after: { key: KeyValue; id: Types.ObjectId } | null;
}

export function keysetWindow(first: number | null | undefined, after: string | null | undefined): KeysetWindow {
  const limit = first ?? 20;
  const problems = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) problems.push({ field: 'first', problem: `must be between 1 and ${MAX_PAGE_SIZE}` });
  const decoded = after == null ? null : decode(after);
  if (after != null && decoded === null) problems.push({ field: 'after', problem: 'is not a cursor returned by this query' });
  if (problems.length > 0) throw new InputProblemsError(problems);
  return { limit, after: decoded };
}

/**
 * The "strictly after the cursor" condition for sort { [field]: keyDir, _id: idDir }
 * (1 ascending, -1 descending), or {} on the first page.
 */
export function afterCondition(field: string, keyDir: 1 | -1, idDir: 1 | -1, w: KeysetWindow): Record<string, unknown> {
  if (w.after === null) return {};
  const k = keyDir === 1 ? '$gt' : '$lt';
  const i = idDir === 1 ? '$gt' : '$lt';
  return { $or: [{ [field]: { [k]: w.after.key } }, { [field]: w.after.key, _id: { [i]: w.after.id } }] };
}

export interface KeysetPage<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Edges and pageInfo in the shape every *Connection type shares. */
export function toKeysetConnection<T, N>(page: KeysetPage<T>, cursorOf: (item: T) => string, toNode: (item: T) => N) {
  const edges = page.items.map((item) => ({ cursor: cursorOf(item), node: toNode(item) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
  };
}
