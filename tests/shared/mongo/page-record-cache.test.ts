import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { PageRecordCache } from '../../../src/shared/mongo/page-record-cache.js';

interface Rec {
  _id: Types.ObjectId;
  title: string;
}

/** A store whose reads are counted and can be held open (to overlap a write). */
function store(initial: Rec[]) {
  const rows = new Map(initial.map((r) => [r._id.toHexString(), r]));
  const reads: string[][] = [];
  let gate: Promise<void> | null = null;
  return {
    rows,
    reads,
    hold(): () => void {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
    async read(ids: readonly Types.ObjectId[]): Promise<(Rec | undefined)[]> {
      reads.push(ids.map((id) => id.toHexString()));
      const snapshot = ids.map((id) => rows.get(id.toHexString()));
      if (gate) await gate;
      return snapshot.map((r) => (r ? { ...r } : undefined));
    },
  };
}

const ids = Array.from({ length: 4 }, () => new Types.ObjectId());
const recs = ids.map((id, i) => ({ _id: id, title: `t${i}` }));

describe('PageRecordCache', () => {
  it('reads only what it does not hold, in the order asked, repeats included', async () => {
    const s = store(recs);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 10_000, maxEntries: 100 });
    await cache.load([ids[0], ids[1]], (m) => s.read(m));
    const got = await cache.load([ids[1], ids[2], ids[1], ids[0]], (m) => s.read(m));
    expect(got.map((r) => r?.title)).toEqual(['t1', 't2', 't1', 't0']);
    expect(s.reads).toEqual([[ids[0].toHexString(), ids[1].toHexString()], [ids[2].toHexString()]]);
  });

  it('never keeps a missing id: a record created later is found at once', async () => {
    const s = store([]);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 10_000, maxEntries: 100 });
    expect(await cache.load([ids[0]], (m) => s.read(m))).toEqual([undefined]);
    s.rows.set(ids[0].toHexString(), recs[0]);
    expect((await cache.load([ids[0]], (m) => s.read(m)))[0]?.title).toBe('t0');
  });

  it('re-reads an entry older than maxAgeMs, and an evicted one', async () => {
    let now = 0;
    const s = store(recs);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 1000, maxEntries: 100, now: () => now });
    await cache.load([ids[0], ids[1]], (m) => s.read(m));
    s.rows.set(ids[0].toHexString(), { _id: ids[0], title: 'changed' });
    now = 999;
    expect((await cache.load([ids[0]], (m) => s.read(m)))[0]?.title).toBe('t0');
    now = 1000;
    expect((await cache.load([ids[0]], (m) => s.read(m)))[0]?.title).toBe('changed');
    s.rows.set(ids[1].toHexString(), { _id: ids[1], title: 'edited' });
    cache.evict([ids[1].toHexString()]);
    expect((await cache.load([ids[1]], (m) => s.read(m)))[0]?.title).toBe('edited');
  });

  it('does not keep a read that overlapped an eviction (it may hold the state before the write)', async () => {
    const s = store(recs);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 10_000, maxEntries: 100 });
    const release = s.hold();
    const inFlight = cache.load([ids[0]], (m) => s.read(m));
    // The write lands and evicts while the read (which saw the old state) is still open.
    s.rows.set(ids[0].toHexString(), { _id: ids[0], title: 'written' });
    cache.evict([ids[0]]);
    release();
    expect((await inFlight)[0]?.title).toBe('t0');
    expect(cache.size).toBe(0);
    expect((await cache.load([ids[0]], (m) => s.read(m)))[0]?.title).toBe('written');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const s = store(recs);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 10_000, maxEntries: 2 });
    await cache.load([ids[0], ids[1], ids[2]], (m) => s.read(m));
    expect(cache.size).toBe(2);
    s.reads.length = 0;
    await cache.load([ids[1], ids[2]], (m) => s.read(m));
    expect(s.reads).toEqual([]);
    await cache.load([ids[0]], (m) => s.read(m));
    expect(s.reads).toEqual([[ids[0].toHexString()]]);
  });

  it('maxAgeMs 0 turns it off: every load reads', async () => {
    const s = store(recs);
    const cache = new PageRecordCache<Rec>({ maxAgeMs: 0, maxEntries: 100 });
    await cache.load([ids[0]], (m) => s.read(m));
    await cache.load([ids[0]], (m) => s.read(m));
    expect(s.reads).toHaveLength(2);
  });
});
