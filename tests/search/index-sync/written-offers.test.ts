// When a follower may index a bulk writer's handed-over document instead of reading MongoDB
// (written-offers.ts): only when no other write of the document was heard around the write.
import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { SKIP, WrittenOffers } from '../../../src/search/index-sync/written-offers.js';

const S = 1_900_000_000;
const item = (id: Types.ObjectId, src?: string) => ({ entity: 'posting' as const, entityId: id.toHexString(), ...(src ? { src } : {}) });

describe('WrittenOffers', () => {
  it('hands over an offered document once, for its own tagged item only', () => {
    const offers = new WrittenOffers(10, S - 100);
    const [a, b] = [new Types.ObjectId(), new Types.ObjectId()];
    const record = { _id: a, title: 'as written' };
    offers.offer('t1', 'posting', { records: [record], since: S * 1000 });
    expect(offers.hear(item(b, 't1'), S)).toBeUndefined();
    expect(offers.hear(item(a), S)).toBeUndefined();
    expect(offers.hear(item(a, 't1'), S)).toBeUndefined();
  });

  it('uses the document when nothing else was heard for it; not when another batch or writer wrote it just before', () => {
    const offers = new WrittenOffers(10, S - 100);
    const [a, b, c] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    offers.hear(item(b, 'other-batch'), S - 3);
    offers.hear(item(c), S - 30);
    offers.offer('t1', 'posting', { records: [{ _id: a }, { _id: b }, { _id: c }], since: S * 1000 });
    expect(offers.hear(item(a, 't1'), S + 1)).toEqual({ _id: a });
    expect(offers.hear(item(b, 't1'), S + 1)).toBeUndefined();
    // Heard long before the write: no reason to doubt the handed document.
    expect(offers.hear(item(c, 't1'), S + 1)).toEqual({ _id: c });
    expect(offers.pending()).toBe(0);
  });

  it('reads MongoDB when the item came later than the window after the write, or the follower started after it', () => {
    const late = new WrittenOffers(10, S - 100);
    const a = new Types.ObjectId();
    late.offer('t1', 'posting', { records: [{ _id: a }], since: S * 1000 });
    expect(late.hear(item(a, 't1'), S + 11)).toBeUndefined();
    const fresh = new WrittenOffers(10, S);
    fresh.offer('t2', 'posting', { records: [{ _id: a }], since: S * 1000 });
    expect(fresh.hear(item(a, 't2'), S)).toBeUndefined();
  });

  it('offers for indexing at once what hear would use, and skips those items when heard unless another write came between', () => {
    const offers = new WrittenOffers(10, S - 100);
    const [a, b, c] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    offers.hear(item(b, 'other-batch'), S - 3);
    offers.offer('t1', 'posting', { records: [{ _id: a }, { _id: b }, { _id: c }], since: S * 1000 });
    const usable = offers.usable('t1', S);
    expect([...usable!.records.keys()].sort()).toEqual([a, c].map((id) => id.toHexString()).sort());
    offers.applied('t1', usable!.records.keys());
    expect(offers.usable('t1', S)!.records.size).toBe(0);
    expect(offers.pending()).toBe(1);
    // c: another writer's item is heard first (it wrote after this writer read): MongoDB then.
    offers.hear(item(c, 'other-writer'), S);
    expect(offers.hear(item(a, 't1'), S)).toBe(SKIP);
    expect(offers.hear(item(b, 't1'), S)).toBeUndefined();
    expect(offers.hear(item(c, 't1'), S)).toBeUndefined();
    expect(offers.pending()).toBe(0);
    expect(offers.usable('unknown', S)).toBeUndefined();
  });

  it('forgets offers no item came for', () => {
    const offers = new WrittenOffers(10, S - 100);
    offers.offer('t1', 'posting', { records: [{ _id: new Types.ObjectId() }], since: S * 1000 });
    offers.prune(S + 30);
    expect(offers.pending()).toBe(1);
    offers.prune(S + 41);
    expect(offers.pending()).toBe(0);
  });
});
