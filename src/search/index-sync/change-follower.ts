// Follows the index change log (change-log.repository.ts) for one instance's own embedded
// index: every poll reads the recent buckets, queues the items it has not seen, and indexes
// the queued documents' current MongoDB state. Applying is idempotent (current state, by id),
// so reading a window again is always safe; what must not happen is missing an item, hence:
// - every bucket is re-read until this instance's clock is `windowSeconds` past it, which
//   covers a writer that took its second a little before committing, and clock skew between
//   hosts of up to that much (keep hosts on NTP);
// - the last two seconds (where nearly all new items land) are read every poll, the rest of
//   the window every fourth poll, to keep look-ups low on an idle instance;
// - what the engine could not take stays queued and is retried at the next poll;
// - an instance that fell further behind than the log's retention rebuilds its index.
// A bulk writer of this process hands its written documents over (written-offers.ts) and,
// right after appending its items, has them indexed at once (`applyOffered`) instead of at
// the next poll; polls and that step run one at a time (`exclusive`), so what the follower
// has heard cannot change between deciding to use a handed document and indexing it.
import type { Logger } from '../../shared/logger.js';
import type { IndexedEntity, WrittenBatch } from '../../shared/index-change-sink.js';
import { secondOf, type ChangeLogRepository } from './change-log.repository.js';
import { CoalescingRunner } from '../../shared/coalescing-runner.js';
import { SKIP, WrittenOffers } from './written-offers.js';

export interface ChangeFollowerOptions {
  pollMs: number;
  windowSeconds: number;
  /** How long the log keeps entries; a follower further behind rebuilds. */
  retentionMs: number;
  /** Above this many seconds to read, one range scan instead of look-ups by id. */
  maxLookups: number;
}

export const DEFAULT_FOLLOWER_OPTIONS: ChangeFollowerOptions = {
  pollMs: 500,
  windowSeconds: 10,
  retentionMs: 24 * 3600_000,
  maxLookups: 40,
};

/** One engine call per bulk write of up to 1,000 documents (upsertJobPostings). */
const APPLY_BATCH = 1_000;
const TRIM_EVERY_MS = 3600_000;

export interface ChangeFollowerDeps {
  log: ChangeLogRepository;
  /**
   * Indexes the current MongoDB state of these documents (deleting those that are gone);
   * `written`: documents a writer of this process handed over (written-offers.ts), indexed as
   * given instead of read back.
   */
  apply(entity: IndexedEntity, ids: string[], written: ReadonlyMap<string, unknown>): Promise<void>;
  /** Rebuilds the whole index; called when the log no longer reaches back to this follower. */
  rebuild(): Promise<void>;
  logger: Logger;
  /** Wall-clock time: the log is about when writes happened, not business dates. */
  now?: () => number;
}

export class ChangeFollower {
  private readonly opts: ChangeFollowerOptions;
  private readonly now: () => number;
  /** Per second still in the window: how many of its items are queued or applied. */
  private readonly seen = new Map<number, number>();
  /** Documents to index: null reads MongoDB's state, else the document a writer handed over. */
  private readonly queued: Record<IndexedEntity, Map<string, unknown>> = { posting: new Map(), candidate: new Map() };
  private readonly offers: WrittenOffers;
  /** The oldest second still re-read. */
  private lowWater: number;
  private polls = 0;
  private readonly runner = new CoalescingRunner(() => this.exclusive(() => this.pollOnce()));
  /** The last poll or applyOffered step: the next one starts after it. */
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastTrim = 0;

  constructor(
    private readonly deps: ChangeFollowerDeps,
    options: Partial<ChangeFollowerOptions> = {},
  ) {
    this.opts = { ...DEFAULT_FOLLOWER_OPTIONS, ...options };
    this.now = deps.now ?? Date.now;
    this.lowWater = secondOf(this.now()) - this.opts.windowSeconds;
    this.offers = new WrittenOffers(this.opts.windowSeconds, this.lowWater);
  }

  /** A bulk writer of this process hands over what it wrote, before appending its items tagged `src`. */
  offer(src: string, entity: IndexedEntity, written: WrittenBatch): void {
    this.offers.offer(src, entity, written);
  }

  /**
   * Follow from `time` (minus the window). Call it BEFORE a rebuild reads MongoDB, so a write
   * that lands while the rebuild streams is applied afterwards.
   */
  startFrom(time: number): void {
    this.lowWater = secondOf(time) - this.opts.windowSeconds;
    this.offers.reset(this.lowWater);
    this.seen.clear();
    this.queued.posting.clear();
    this.queued.candidate.clear();
  }

  start(pollMs = this.opts.pollMs): void {
    this.timer = setInterval(() => void this.poll().catch(() => undefined), pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.runner.idle();
  }

  /** Documents heard of but not yet in this instance's index (the engine refused them so far). */
  backlog(): number {
    return this.queued.posting.size + this.queued.candidate.size;
  }

  /** Whether this document was heard of and still waits for this instance's engine. */
  waiting(entity: IndexedEntity, id: string): boolean {
    return this.queued[entity].has(id);
  }

  /** One poll at a time; a call during a poll runs one more after it (it may hold newer items). */
  poll(): Promise<void> {
    return this.runner.run();
  }

  /**
   * Right after the writer that offered `src` appended its items: indexes the handed documents
   * that nothing heard so far speaks against, so the write is searchable without waiting for
   * a poll. The items, heard later, are skipped for those (read from MongoDB if another write
   * was heard in between). Returns how many were indexed; the rest wait for a poll as before,
   * and so does everything when the engine refused (the offer stays as it was).
   */
  applyOffered(src: string): Promise<number> {
    return this.exclusive(async () => {
      const usable = this.offers.usable(src, secondOf(this.now()));
      if (!usable || usable.records.size === 0) return 0;
      const ids = [...usable.records.keys()];
      try {
        await this.deps.apply(usable.entity, ids, usable.records);
      } catch (err) {
        this.deps.logger.warn(`Index change log: ${ids.length} written ${usable.entity}(s) wait for the next poll: ${(err as Error).message}`);
        return 0;
      }
      this.offers.applied(src, ids);
      return ids.length;
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async pollOnce(): Promise<void> {
    const nowMs = this.now();
    const nowS = secondOf(nowMs);
    if ((nowS - this.lowWater) * 1000 > this.opts.retentionMs) {
      this.deps.logger.warn('This instance fell behind the index change log; rebuilding its search index from MongoDB');
      this.startFrom(nowMs);
      await this.deps.rebuild();
      return;
    }
    const catchingUp = nowS - this.lowWater > this.opts.windowSeconds + 2;
    const full = catchingUp || this.polls++ % 4 === 0;
    const from = full ? this.lowWater : Math.max(this.lowWater, nowS - 2);
    // One second ahead: a writer whose clock runs slightly ahead of ours.
    const buckets = await this.deps.log.read(from, nowS + 1, this.opts.maxLookups);
    for (const [second, items] of buckets) {
      const already = this.seen.get(second) ?? 0;
      for (const item of items.slice(already)) {
        const written = this.offers.hear(item, second);
        if (written !== SKIP) this.queued[item.entity]?.set(item.entityId, written ?? null);
      }
      this.seen.set(second, items.length);
    }
    if (full) {
      this.lowWater = Math.max(this.lowWater, nowS - this.opts.windowSeconds);
      for (const second of this.seen.keys()) if (second < this.lowWater) this.seen.delete(second);
      this.offers.prune(nowS);
    }
    await this.flush();
    if (nowMs - this.lastTrim > TRIM_EVERY_MS) {
      this.lastTrim = nowMs;
      await this.deps.log.trim(new Date(nowMs - this.opts.retentionMs)).catch(() => undefined);
    }
  }

  private async flush(): Promise<void> {
    for (const entity of ['posting', 'candidate'] as const) {
      const queue = this.queued[entity];
      while (queue.size > 0) {
        const ids = [...queue.keys()].slice(0, APPLY_BATCH);
        const written = new Map(ids.flatMap((id) => (queue.get(id) == null ? [] : [[id, queue.get(id)] as const])));
        try {
          await this.deps.apply(entity, ids, written);
        } catch (err) {
          this.deps.logger.warn(`Index change log: ${queue.size} ${entity} update(s) wait for the search engine: ${(err as Error).message}`);
          return;
        }
        for (const id of ids) queue.delete(id);
      }
    }
  }
}
