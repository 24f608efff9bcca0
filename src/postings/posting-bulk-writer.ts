// The write half of the bulk upsert (posting-bulk.service.ts checks the items): finds what is
// stored, writes what changed, and tells the index. Shaped by FerretDB's SQLite backend, where
// only a single `_id` equality is served from an index (any other filter, `$in` too, scans the
// collection) and every command has a fixed cost:
// - stored postings are found by `_id`, derived from the feed key (feedPostingId);
// - a batch that looks new (none of a few sampled ids is stored) is inserted without reading
//   anything: an insert that collides is a posting that exists, read and compared afterwards
//   (by derived id, else by (employer, externalRef) for postings stored under other ids);
// - records are complete before the write, so the index is handed what was written instead
//   of reading it back (IndexChangeSink.committedBatch's `written`).
import type { Types } from 'mongoose';
import type { IndexBatchTicket, IndexChangeSink } from '../shared/index-change-sink.js';
import { isDuplicateKeyError } from '../shared/mongo/duplicate-key.js';
import type { PhaseTimer } from '../shared/phase-timer.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingData, PostingRepository } from './posting.repository.js';
import { withLocation } from './posting-input.js';
import { postingChanges } from './posting-changes.js';

/** A checked item: its position in the request, its stored form, and the id its feed key derives. */
export interface WriteItem {
  index: number;
  data: PostingData;
  id: Types.ObjectId;
}

export type WriteResult =
  | { index: number; id: string; outcome: 'created' | 'updated' | 'unchanged' }
  | { index: number; failed: 'conflict' | 'write' };

/** Ids read to tell a new batch from a known one: one round of point reads, run concurrently. */
const PROBE = 8;

interface Update {
  item: WriteItem;
  current: PostingRecord;
  changes: Partial<PostingData>;
}

export class PostingBulkWriter {
  constructor(
    private readonly repo: PostingRepository,
    private readonly index: IndexChangeSink,
  ) {}

  async write(items: readonly WriteItem[], now: Date, timer: PhaseTimer): Promise<WriteResult[]> {
    if (items.length === 0) return [];
    const since = Date.now();
    // Wall-clock timestamps, as mongoose's `timestamps` would set them (business dates use `now`).
    const stamp = new Date();
    const results: WriteResult[] = [];
    const stored = await this.storedByDerivedId(items);
    timer.lap('lookup');

    const inserts: WriteItem[] = [];
    const updates: Update[] = [];
    const compare = (item: WriteItem, current: PostingRecord) => {
      const changes = postingChanges(current, item.data, now);
      if (changes) updates.push({ item, current, changes });
      else results.push({ index: item.index, id: current._id.toHexString(), outcome: 'unchanged' });
    };
    for (const item of items) {
      const current = stored.get(item.id.toHexString());
      if (current) compare(item, current);
      else inserts.push(item);
    }

    // One outbox batch before the writes (the derived ids of every insert and update).
    const tickets: IndexBatchTicket[] = [];
    const written: PostingRecord[] = [];
    if (inserts.length + updates.length > 0) tickets.push(await this.index.recordBatch('posting', [...inserts, ...updates.map((u) => u.item)].map((i) => i.id)));
    timer.lap('outbox');

    const records = inserts.map((item): PostingRecord => ({ _id: item.id, ...withLocation({ ...item.data }), createdAt: stamp, updatedAt: stamp, __v: 0 }) as PostingRecord);
    const insertFailures = await this.repo.insertPrepared(records);
    timer.lap('insert');
    const collided: WriteItem[] = [];
    inserts.forEach((item, i) => {
      const err = insertFailures.get(i);
      if (err === undefined) {
        written.push(records[i]);
        results.push({ index: item.index, id: item.id.toHexString(), outcome: 'created' });
      } else if (isDuplicateKeyError(err)) collided.push(item);
      else results.push({ index: item.index, failed: 'write' });
    });

    // Collisions: stored under the derived id (a known item, or a concurrent request), or under
    // another id with the same feed key (stored before ids were derived): read and compare those.
    if (collided.length > 0) {
      const again = await this.storedByDerivedId(collided, true);
      const legacy = collided.filter((item) => !again.has(item.id.toHexString()));
      const byKey = await this.storedByFeedKey(legacy);
      const before = updates.length;
      for (const item of collided) {
        const current = again.get(item.id.toHexString()) ?? byKey.get(item.data.feedKey!);
        if (current) compare(item, current);
        else results.push({ index: item.index, failed: 'conflict' });
      }
      // Ids the first batch entry does not name: their own entry, before their write.
      const unnamed = updates.slice(before).filter((u) => !u.current._id.equals(u.item.id));
      if (unnamed.length > 0) tickets.push(await this.index.recordBatch('posting', unnamed.map((u) => u.current._id)));
      timer.lap('collisions');
    }

    const updateFailures = await this.repo.updatePrepared(updates.map((u) => ({ id: u.current._id, changes: u.changes })), stamp);
    updates.forEach((u, i) => {
      const err = updateFailures.get(i);
      if (err !== undefined) results.push({ index: u.item.index, failed: isDuplicateKeyError(err) ? 'conflict' : 'write' });
      else {
        written.push({ ...u.current, ...u.changes, updatedAt: stamp } as PostingRecord);
        results.push({ index: u.item.index, id: u.current._id.toHexString(), outcome: 'updated' });
      }
    });
    timer.lap('update');

    // Failed items stay in their batch: the index reads MongoDB for what it was not handed.
    for (const ticket of tickets) await this.index.committedBatch(ticket, { records: written, since });
    timer.lap('index');
    return results;
  }

  /** Stored postings under the items' derived ids; all of them, or (`all` false) none once a probe finds none. */
  private async storedByDerivedId(items: readonly WriteItem[], all = false): Promise<Map<string, PostingRecord>> {
    const probe = all || items.length <= PROBE ? items : Array.from({ length: PROBE }, (_, k) => items[Math.floor((k * items.length) / PROBE)]!);
    const found = (await this.repo.findByIds(probe.map((i) => i.id))).filter((p) => p !== undefined);
    const rest = probe === items || found.length === 0 ? [] : items.filter((i) => !probe.includes(i));
    const more = rest.length > 0 ? (await this.repo.findByIds(rest.map((i) => i.id))).filter((p) => p !== undefined) : [];
    return new Map([...found, ...more].map((p) => [p._id.toHexString(), p]));
  }

  /** Postings stored under ids not derived from their feed key (one query; a scan on FerretDB). */
  private async storedByFeedKey(items: readonly WriteItem[]): Promise<Map<string, PostingRecord>> {
    if (items.length === 0) return new Map();
    const employers = [...new Map(items.map((i) => [i.data.employerId.toHexString(), i.data.employerId])).values()];
    const refs = [...new Set(items.map((i) => i.data.externalRef!))];
    return new Map((await this.repo.findByRefs(employers, refs)).map((p) => [p.feedKey!, p]));
  }
}
