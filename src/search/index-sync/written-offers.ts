// When a follower may index what a bulk writer handed it instead of reading MongoDB back
// (reading 1,000 just-written postings took 2-3 s on FerretDB, the largest cost of a feed
// batch). The writer, in this process, offers its written documents under a short token that
// it also puts on its change-log items; a follower that hears such an item uses the offered
// document only when nothing else can have written the document around that write:
// - no item of another writer (or another batch) for the same document was heard from shortly
//   before the writer read its state (`since`, minus the clock-skew window) on; a later one
//   replaces the offer in the follower's queue anyway, so MongoDB's state is read then;
// - this follower has heard everything since then (it did not start or rebuild later);
// - the item came within the window of `since` (a writer slower than that gets no shortcut).
// Otherwise the document is read from MongoDB as for any other item, so a deletion or a newer
// write is never undone by an offered document.
// The follower may also index the offered documents at once, right after the writer appended
// its items (`usable` then `applied`), instead of when it hears them: the same conditions are
// checked against what it has heard so far, and when it then hears the items it skips those
// (SKIP), unless an item of another write for the document was heard in between (the item
// then reads MongoDB, whose state is at least as new as both writes). The follower does both
// under one lock with its polls, so nothing is heard between the check and the indexing.
// Pure bookkeeping, no I/O.
import type { IndexedEntity, WrittenBatch } from '../../shared/index-change-sink.js';
import { secondOf, type ChangeItem } from './change-log.repository.js';

interface Offer {
  entity: IndexedEntity;
  sinceSecond: number;
  records: Map<string, unknown>;
  /** Indexed already (`applied`): heard later, nothing to do unless another write came between. */
  applied: Set<string>;
}

/** What `hear` returns for an item whose document was indexed as handed over already. */
export const SKIP: unique symbol = Symbol('already indexed as written');

export class WrittenOffers {
  private readonly offers = new Map<string, Offer>();
  /** Per "<entity>:<id>": who wrote the last item heard for it, and that item's second. */
  private readonly lastHeard = new Map<string, { src: string | undefined; second: number }>();

  constructor(
    private readonly windowSeconds: number,
    /** The first second this follower has heard every item of. */
    private coveredFrom: number,
  ) {}

  /** After a rebuild or a restart of the follower: nothing heard before `coveredFrom`. */
  reset(coveredFrom: number): void {
    this.coveredFrom = coveredFrom;
    this.offers.clear();
    this.lastHeard.clear();
  }

  offer(src: string, entity: IndexedEntity, written: WrittenBatch): void {
    this.offers.set(src, { entity, sinceSecond: secondOf(written.since), records: new Map(written.records.map((r) => [r._id.toHexString(), r])), applied: new Set() });
  }

  /**
   * Before the items tagged `src` are heard (the writer appended them a moment ago): the
   * offered documents nothing heard so far speaks against, as `hear` would judge them now.
   */
  usable(src: string, nowSecond: number): { entity: IndexedEntity; records: Map<string, unknown> } | undefined {
    const offer = this.offers.get(src);
    if (!offer) return undefined;
    const records = new Map<string, unknown>();
    for (const [id, record] of offer.records) {
      if (!offer.applied.has(id) && this.trusted(offer, this.lastHeard.get(`${offer.entity}:${id}`), src, nowSecond)) records.set(id, record);
    }
    return { entity: offer.entity, records };
  }

  /** These offered documents are in the index now: their items, when heard, are skipped. */
  applied(src: string, ids: Iterable<string>): void {
    const offer = this.offers.get(src);
    if (offer) for (const id of ids) if (offer.records.has(id)) offer.applied.add(id);
  }

  /**
   * Every item heard, in the order heard: the offered document to index for it, SKIP when it
   * is indexed as offered already, or undefined (read MongoDB).
   */
  hear(item: ChangeItem, second: number): unknown {
    const key = `${item.entity}:${item.entityId}`;
    const prior = this.lastHeard.get(key);
    this.lastHeard.set(key, { src: item.src, second });
    const offer = item.src ? this.offers.get(item.src) : undefined;
    if (!offer || offer.entity !== item.entity) return undefined;
    const record = offer.records.get(item.entityId);
    const applied = offer.applied.delete(item.entityId);
    offer.records.delete(item.entityId);
    if (offer.records.size === 0) this.offers.delete(item.src!);
    if (!this.trusted(offer, prior, item.src!, second)) return undefined;
    return applied ? SKIP : record;
  }

  /** No other write heard around the offer's, this follower heard all since, and not too late. */
  private trusted(offer: Offer, prior: { src: string | undefined; second: number } | undefined, src: string, second: number): boolean {
    const from = offer.sinceSecond - this.windowSeconds;
    if (prior && prior.src !== src && prior.second >= from) return false;
    return from >= this.coveredFrom && second - offer.sinceSecond <= this.windowSeconds;
  }

  /** Forgets what no item still to come can need (the follower hears items at most a window late). */
  prune(nowSecond: number): void {
    const horizon = nowSecond - 4 * this.windowSeconds;
    for (const [key, heard] of this.lastHeard) if (heard.second < horizon) this.lastHeard.delete(key);
    for (const [src, offer] of this.offers) if (offer.sinceSecond < horizon) this.offers.delete(src);
  }

  /** For tests and metrics: documents offered and not yet heard of. */
  pending(): number {
    let n = 0;
    for (const o of this.offers.values()) n += o.records.size - o.applied.size;
    return n;
  }
}
