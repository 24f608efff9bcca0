// Records read to fill ranked and searched pages, kept briefly per process.
//
// Why: a page of 20 matches is one engine call and 21 point reads (FerretDB answers an `$in`
// by scanning, see find-by-ids.ts), and under load those reads cost the database as much CPU
// as the whole API: they capped 8-client throughput (README "Performance"). Pages of different
// candidates share many postings, so most of those reads repeat.
//
// Freshness: the owning repository evicts an id in every write method, and the index sync's
// apply listener evicts what it applied (with the embedded engine that includes writes made
// through other instances, from the change log). An entry is never older than `maxAgeMs`,
// which bounds what neither reaches (a write through another instance with Meilisearch).
// A read that overlapped an eviction is not kept (the epoch check), so a record read before a
// write cannot be cached after the write evicted it. Ids not found are never cached.
import type { Types } from 'mongoose';

export interface PageRecordCacheOptions {
  maxAgeMs: number;
  maxEntries: number;
  now?: () => number;
}

export class PageRecordCache<T extends { _id: Types.ObjectId }> {
  private readonly entries = new Map<string, { record: T; at: number }>();
  private epoch = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageRecordCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The records of `ids` in order (undefined when missing), reading only the ones not held. */
  async load(ids: readonly Types.ObjectId[], read: (missing: readonly Types.ObjectId[]) => Promise<(T | undefined)[]>): Promise<(T | undefined)[]> {
    if (this.options.maxAgeMs <= 0 || this.options.maxEntries <= 0) return read(ids);
    const now = this.now();
    const held = new Map<string, T>();
    const missing = new Map<string, Types.ObjectId>();
    for (const id of ids) {
      const key = id.toHexString();
      const hit = this.entries.get(key);
      if (hit && now - hit.at < this.options.maxAgeMs) held.set(key, hit.record);
      else missing.set(key, id);
    }
    if (missing.size > 0) {
      const epochAtRead = this.epoch;
      const loaded = await read([...missing.values()]);
      for (const record of loaded) {
        if (!record) continue;
        held.set(record._id.toHexString(), record);
        if (this.epoch === epochAtRead) this.keep(record, now);
      }
    }
    return ids.map((id) => held.get(id.toHexString()));
  }

  /** Forgets these ids, and any read in flight now (it may have seen the old state). */
  evict(ids: Iterable<string | Types.ObjectId>): void {
    this.epoch++;
    for (const id of ids) this.entries.delete(typeof id === 'string' ? id : id.toHexString());
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(record: T, at: number): void {
    const key = record._id.toHexString();
    this.entries.delete(key);
    this.entries.set(key, { record, at });
    // Insertion order is age order: drop the oldest beyond the bound.
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
