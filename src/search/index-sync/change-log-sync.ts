// The embedded engine's side of index sync: each instance holds its own index, so a write is
// passed on through the index change log (change-log.repository.ts) that every instance
// follows (change-follower.ts), instead of being drained into one shared engine.
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { randomBytes } from 'node:crypto';
import type { IndexedEntity, WrittenBatch } from '../../shared/index-change-sink.js';
import { SearchRejectedError } from '../search-errors.js';
import type { ChangeLogRepository } from './change-log.repository.js';
import { ChangeFollower } from './change-follower.js';
import { entryDocumentIds, type BatchTicket, type OutboxEntry, type OutboxRepository } from './outbox.repository.js';
import { Types } from 'mongoose';
import { keepInFlight, mayBeInFlight, recheckTime } from './in-flight.js';
import { PhaseTimer } from '../../shared/phase-timer.js';

/** Up to this many ids a write bumps its outbox entries one by one; larger batches in one tagged bulk write. */
const RETIRE_OWN_MAX = 100;

export interface LocalIndex {
  /** Indexes the current MongoDB state of these documents in this instance's engine (`written`: handed over, not read). */
  index(entity: IndexedEntity, ids: Types.ObjectId[], written?: ReadonlyMap<string, unknown>): Promise<unknown>;
  /** The ids among `ids` whose document MongoDB does not have (yet, or any more). */
  missing(entity: IndexedEntity, ids: Types.ObjectId[]): Promise<string[]>;
  rebuild(): Promise<void>;
}

/** Awaited before a change goes into the log and its outbox entry is retired (apply-listener.ts, IndexChangeRecorder). */
export type PassedOn = (entity: IndexedEntity, ids: readonly string[]) => Promise<void>;

export class ChangeLogSync {
  readonly follower: ChangeFollower;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly log: ChangeLogRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly local: LocalIndex,
    private readonly passedOn: PassedOn = async () => undefined,
  ) {
    this.follower = new ChangeFollower({ log, apply: (entity, ids, written) => this.apply(entity, ids, written), rebuild: () => local.rebuild(), logger });
  }

  /**
   * After a write: tell every instance through the log, then retire the outbox entries the
   * write recorded beforehand (unless a newer change came in meanwhile; the drain has those).
   */
  async publish(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void> {
    const hex = ids.map((id) => id.toHexString());
    const now = this.clock.now();
    // Few ids: one findOneAndUpdate each; more: one tagged bulk bump (feeds use publishBatch).
    const own = hex.length <= RETIRE_OWN_MAX ? await this.outbox.bumpEach(entity, hex, now) : await this.outbox.bumpTagged(entity, hex, now);
    await this.passedOn(entity, hex);
    await this.log.append(entity, hex, new Date());
    await this.outbox.retireAll(own);
  }

  /**
   * After a batch's write: the log hears of all of it, then the batch's one entry is retired.
   * With `written`, this instance's follower is handed the documents first and the items are
   * tagged, so it need not read them back (written-offers.ts; other instances read MongoDB),
   * and it indexes them at once, while the log and the outbox are written, instead of at its
   * next poll. Returns how many of the batch's documents still wait for a poll.
   */
  async publishBatch(ticket: BatchTicket, written?: WrittenBatch): Promise<number> {
    const timer = new PhaseTimer();
    const ids = entryDocumentIds(ticket);
    let src: string | undefined;
    if (written && written.records.length > 0) {
      src = randomBytes(6).toString('base64url');
      this.follower.offer(src, ticket.entity, written);
    }
    await this.passedOn(ticket.entity, ids);
    timer.lap('passedOn');
    // After the recorders heard of it (they must before anything is applied), beside the writes below.
    const indexed = src ? this.follower.applyOffered(src).catch(() => 0) : Promise.resolve(0);
    await this.log.append(ticket.entity, ids, new Date(), src);
    timer.lap('logAppend');
    await this.outbox.retire(ticket);
    timer.lap('outboxRetire');
    const own = await indexed;
    timer.lap('ownIndex');
    timer.log(this.logger, 'publishBatch', { documents: ids.length, handed: written?.records.length ?? 0, indexedAtOnce: own });
    return ids.length - own;
  }

  /**
   * The drain's part: entries that never reached the log (their writer died first, or its
   * after-write step failed) go there now. A young entry whose document is missing may be a
   * create still in flight: it is passed on but kept until its grace is over (in-flight.ts).
   */
  async passOn(entries: OutboxEntry[]): Promise<boolean> {
    const now = this.clock.now();
    const missing = new Set<string>();
    for (const entity of ['posting', 'candidate'] as const) {
      const mine = entries.filter((e) => e.entity === entity);
      const young = mine.filter((e) => mayBeInFlight(e, now)).map((e) => new Types.ObjectId(e.entityId));
      if (young.length > 0) for (const id of await this.local.missing(entity, young)) missing.add(`${entity}:${id}`);
      await this.passedOn(entity, mine.flatMap(entryDocumentIds));
      await this.log.append(entity, mine.flatMap(entryDocumentIds), new Date());
    }
    const { retire, keep } = keepInFlight(entries, missing, now);
    for (const e of retire) await this.outbox.retire(e);
    for (const e of keep) await this.outbox.recheckAt(e, recheckTime(e));
    return true;
  }

  /**
   * The follower's way into this instance's index. A document the engine refuses permanently
   * is logged and skipped: there is no shared entry to park, and its next write is logged anew.
   */
  private async apply(entity: IndexedEntity, ids: string[], written: ReadonlyMap<string, unknown>): Promise<void> {
    const index = (some: string[]) => this.local.index(entity, some.map((id) => new Types.ObjectId(id)), written);
    try {
      await index(ids);
    } catch (err) {
      if (!(err instanceof SearchRejectedError)) throw err;
      for (const id of ids) {
        await index([id]).catch((e: unknown) => {
          if (!(e instanceof SearchRejectedError)) throw e;
          this.logger.error(`Search engine refused ${entity}:${id}; skipped until it is written again: ${e.detail}`);
        });
      }
    }
  }
}
