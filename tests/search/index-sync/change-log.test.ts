// The index change log and its followers, against the real MongoDB-protocol server: every
// follower applies every item once, late writers inside the window are still seen, items the
// engine refused are retried, and a follower beyond the retention rebuilds.
import mongoose, { Types, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ChangeLogRepository } from '../../../src/search/index-sync/change-log.repository.js';
import { ChangeFollower } from '../../../src/search/index-sync/change-follower.js';
import type { Logger } from '../../../src/shared/logger.js';
import { newDbName } from '../../helpers/test-app.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('index change log', () => {
  let conn: Connection;
  let log: ChangeLogRepository;
  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
    log = new ChangeLogRepository(conn);
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  /** A follower on a settable clock that records what it applies. */
  function follower(startMs: number, fail?: () => boolean) {
    let clock = startMs;
    const applied: string[] = [];
    /** The ids applied from a handed-over document instead of MongoDB. */
    const handed: string[] = [];
    let rebuilds = 0;
    const f = new ChangeFollower(
      {
        log,
        apply: async (entity, ids, written) => {
          if (fail?.()) throw new Error('engine down (test)');
          applied.push(...ids.map((id) => `${entity}:${id}`));
          handed.push(...ids.filter((id) => written.has(id)));
        },
        rebuild: async () => {
          rebuilds++;
        },
        logger: quiet,
        now: () => clock,
      },
      { windowSeconds: 10, retentionMs: 3600_000, maxLookups: 40 },
    );
    return { f, applied, handed, rebuilds: () => rebuilds, advance: (ms: number) => (clock += ms) };
  }

  it('two followers each apply every item once, in the seconds they were written', async () => {
    const t0 = 1_900_000_000_000;
    const a = follower(t0);
    const b = follower(t0);
    await log.append('posting', ['p1', 'p2'], new Date(t0));
    await log.append('candidate', ['c1'], new Date(t0 + 300));
    await a.f.poll();
    await b.f.poll();
    await log.append('posting', ['p3'], new Date(t0 + 1200));
    for (const x of [a, b]) {
      x.advance(1500);
      await x.f.poll();
      // Polls again over the same seconds apply nothing twice.
      x.advance(250);
      await x.f.poll();
      await x.f.poll();
    }
    for (const x of [a, b]) expect(x.applied.sort()).toEqual(['candidate:c1', 'posting:p1', 'posting:p2', 'posting:p3']);
  });

  it('a writer that commits late into an earlier second is still seen within the window', async () => {
    const t0 = 1_900_000_100_000;
    const a = follower(t0);
    await log.append('posting', ['early'], new Date(t0));
    await a.f.poll();
    a.advance(5_000);
    await a.f.poll();
    // Took its second 5 s ago, committed only now.
    await log.append('posting', ['late'], new Date(t0 + 100));
    for (let i = 0; i < 4; i++) {
      a.advance(250);
      await a.f.poll();
    }
    expect(a.applied).toEqual(['posting:early', 'posting:late']);
  });

  it('keeps what the engine refused and applies it once the engine is back', async () => {
    const t0 = 1_900_000_200_000;
    let down = true;
    const a = follower(t0, () => down);
    await log.append('posting', ['q1'], new Date(t0));
    await a.f.poll();
    expect(a.f.backlog()).toBe(1);
    // Long after the item's second left the window, it is still queued.
    a.advance(60_000);
    await a.f.poll();
    expect(a.f.backlog()).toBe(1);
    down = false;
    await a.f.poll();
    expect(a.f.backlog()).toBe(0);
    expect(a.applied).toEqual(['posting:q1']);
  });

  it('catches up after a long pause with one range read, and rebuilds beyond the retention', async () => {
    const t0 = 1_900_000_300_000;
    const a = follower(t0);
    await a.f.poll();
    await log.append('candidate', ['during-pause'], new Date(t0 + 120_000));
    a.advance(180_000);
    await a.f.poll();
    expect(a.applied).toEqual(['candidate:during-pause']);
    expect(a.rebuilds()).toBe(0);
    a.advance(2 * 3600_000);
    await a.f.poll();
    expect(a.rebuilds()).toBe(1);
  });

  it("indexes a bulk writer's handed documents as given, except one another write touched around it; other followers read MongoDB", async () => {
    const t0 = 1_900_000_500_000;
    const [p1, p2, p3] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    // Both have followed the log for a while (a follower hands nothing over from before its start).
    const own = follower(t0 - 15_000);
    const other = follower(t0 - 15_000);
    for (const x of [own, other]) {
      await x.f.poll();
      x.advance(15_000);
    }
    // Another writer changed p2 just before this writer read it.
    await log.append('posting', [p2.toHexString()], new Date(t0 - 300));
    await own.f.poll();
    const before = own.applied.length;
    own.f.offer('tok1', 'posting', { records: [{ _id: p1 }, { _id: p2 }, { _id: p3 }], since: t0 - 200 });
    await log.append('posting', [p1, p2, p3].map((id) => id.toHexString()), new Date(t0), 'tok1');
    // A later write of p3 in the same second: MongoDB's state, not the handed one.
    await log.append('posting', [p3.toHexString()], new Date(t0 + 100));
    for (const x of [own, other]) {
      x.advance(500);
      await x.f.poll();
    }
    expect(own.applied.slice(before).sort()).toEqual([p1, p2, p3].map((id) => `posting:${id.toHexString()}`).sort());
    expect(own.handed).toEqual([p1.toHexString()]);
    expect(new Set(other.applied)).toEqual(new Set([p1, p2, p3].map((id) => `posting:${id.toHexString()}`)));
    expect(other.handed).toEqual([]);
  });

  it('reads MongoDB for handed documents of a write older than what the follower heard (it started later)', async () => {
    const t0 = 1_900_000_600_000;
    const p1 = new Types.ObjectId();
    const own = follower(t0);
    own.f.offer('tok2', 'posting', { records: [{ _id: p1 }], since: t0 - 30_000 });
    await log.append('posting', [p1.toHexString()], new Date(t0), 'tok2');
    own.advance(500);
    await own.f.poll();
    expect(own.applied).toEqual([`posting:${p1.toHexString()}`]);
    expect(own.handed).toEqual([]);
  });

  it('indexes handed documents at once after the append, skips their items when heard, and reads MongoDB when another write came in between', async () => {
    const t0 = 1_900_000_700_000;
    const [p1, p2, p3] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    const own = follower(t0 - 15_000);
    await own.f.poll();
    own.advance(15_000);
    // Another writer changed p2 just before this writer read it: p2 is not taken as handed.
    await log.append('posting', [p2.toHexString()], new Date(t0 - 300));
    await own.f.poll();
    const before = own.applied.length;
    own.f.offer('tok3', 'posting', { records: [{ _id: p1 }, { _id: p2 }, { _id: p3 }], since: t0 - 200 });
    await log.append('posting', [p1, p2, p3].map((id) => id.toHexString()), new Date(t0), 'tok3');
    expect(await own.f.applyOffered('tok3')).toBe(2);
    expect(own.applied.slice(before).sort()).toEqual([p1, p3].map((id) => `posting:${id.toHexString()}`).sort());
    expect(own.handed.sort()).toEqual([p1, p3].map((id) => id.toHexString()).sort());
    // p3 written again by someone else after this write: when heard, MongoDB's state.
    await log.append('posting', [p3.toHexString()], new Date(t0 + 100));
    own.advance(500);
    await own.f.poll();
    const later = own.applied.slice(before + 2);
    expect(later.sort()).toEqual([p2, p3].map((id) => `posting:${id.toHexString()}`).sort());
    expect(own.handed.length).toBe(2);
    // Nothing is applied twice from the handed documents, nor waits.
    expect(await own.f.applyOffered('tok3')).toBe(0);
    expect(own.f.backlog()).toBe(0);
  });

  it('leaves handed documents to the poll when the engine refuses them at once', async () => {
    const t0 = 1_900_000_800_000;
    const p1 = new Types.ObjectId();
    let down = true;
    const own = follower(t0 - 15_000, () => down);
    await own.f.poll();
    own.advance(15_000);
    own.f.offer('tok4', 'posting', { records: [{ _id: p1 }], since: t0 - 200 });
    await log.append('posting', [p1.toHexString()], new Date(t0), 'tok4');
    expect(await own.f.applyOffered('tok4')).toBe(0);
    down = false;
    own.advance(500);
    await own.f.poll();
    expect(own.applied).toEqual([`posting:${p1.toHexString()}`]);
    expect(own.handed).toEqual([p1.toHexString()]);
  });

  it('trims buckets older than a cut-off', async () => {
    const t0 = 1_900_000_400_000;
    await log.append('posting', ['old'], new Date(t0));
    await log.append('posting', ['new'], new Date(t0 + 10_000));
    expect(await log.trim(new Date(t0 + 5_000))).toBeGreaterThanOrEqual(1);
    const left = await log.read(Math.floor(t0 / 1000), Math.floor(t0 / 1000) + 10, 40);
    expect([...left.values()].flat().map((i) => i.entityId)).toEqual(['new']);
  });
});
