// Snapshots of the embedded index: written and loaded back whole, guarded by MongoDB's marker,
// catching up with what was applied after they were taken; and an app restart that loads one.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types, type Connection } from 'mongoose';
import { inject } from 'vitest';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { AppliedJournal } from '../../../src/search/index-sync/applied-journal.js';
import { SearchSnapshotService } from '../../../src/search/index-sync/snapshot.js';
import type { RepairSink } from '../../../src/search/index-sync/reconcile.js';
import type { Logger } from '../../../src/shared/logger.js';
import { newDbName, startTestApp } from '../../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must } from '../../helpers/fixtures.js';
import { ALICE, CATALOG, TODAY, candidateDocs, postingDocs } from '../contract-fixtures.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function recordingSink(): RepairSink & { recorded: string[] } {
  const recorded: string[] = [];
  return {
    recorded,
    record: async (entity, ids) => void recorded.push(...ids.map((id) => `${entity}:${id.toHexString()}`)),
    drain: async () => undefined,
  };
}

describe('search snapshot service', () => {
  let conn: Connection;
  let dir: string;
  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
    dir = await mkdtemp(path.join(os.tmpdir(), 'hm-snapshot-'));
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the whole index and re-queues what was applied after the snapshot', async () => {
    const journal = new AppliedJournal(conn);
    const source = new EmbeddedSearchEngine();
    await source.upsertPostings(postingDocs());
    await source.upsertCandidates(candidateDocs());
    await new SearchSnapshotService(conn, source, dir, journal, recordingSink(), quiet).save();
    // Applied after the snapshot, then the process dies without writing another one.
    const late = new Types.ObjectId().toHexString();
    await journal.note(`candidate:${late}`, new Date());

    const copy = new EmbeddedSearchEngine();
    const sink = recordingSink();
    const restored = await new SearchSnapshotService(conn, copy, dir, journal, sink, quiet).restore();
    expect(restored).toMatchObject({ postings: postingDocs().length, candidates: candidateDocs().length });
    expect(sink.recorded).toContain(`candidate:${late}`);
    const rank = { candidate: ALICE, filter: null, includeIneligible: true, catalog: CATALOG, today: TODAY, offset: 0, limit: 50 };
    expect(await copy.rankPostingsForCandidate(rank)).toEqual(await source.rankPostingsForCandidate(rank));
    expect(await copy.indexedVersions('candidate')).toEqual(await source.indexedVersions('candidate'));
  });

  it('skips a periodic or final snapshot when nothing was applied since the last one', async () => {
    const journal = new AppliedJournal(conn);
    const engine = new EmbeddedSearchEngine();
    await engine.upsertPostings(postingDocs());
    const service = new SearchSnapshotService(conn, engine, dir, journal, recordingSink(), quiet);
    await service.save();
    const marker = async () => (await conn.collection('search_snapshots').findOne({ _id: 'embedded' as never }))?.snapshotId as string;
    const first = await marker();
    await service.saveIfChanged();
    expect(await marker()).toBe(first);
    await journal.note(`posting:${new Types.ObjectId().toHexString()}`, new Date());
    await service.saveIfChanged();
    expect(await marker()).not.toBe(first);
  });

  it('removes temporary files a killed writer left behind', async () => {
    const stale = path.join(dir, '.embedded-index.snapshot.123-0.tmp');
    await writeFile(stale, 'half a snapshot');
    await new SearchSnapshotService(conn, new EmbeddedSearchEngine(), dir, new AppliedJournal(conn), recordingSink(), quiet).save();
    expect(await readdir(dir)).toEqual(['embedded-index.snapshot']);
  });

  it('refuses a snapshot MongoDB does not name as the latest, and a damaged file', async () => {
    const journal = new AppliedJournal(conn);
    const engine = new EmbeddedSearchEngine();
    await engine.upsertPostings(postingDocs());
    const service = new SearchSnapshotService(conn, engine, dir, journal, recordingSink(), quiet);
    await service.save();
    await conn.collection('search_snapshots').updateOne({ _id: 'embedded' as never }, { $set: { snapshotId: 'another-one' } });
    expect(await new SearchSnapshotService(conn, new EmbeddedSearchEngine(), dir, journal, recordingSink(), quiet).restore()).toBeNull();

    await service.save();
    await writeFile(path.join(dir, 'embedded-index.snapshot'), 'not a snapshot');
    const fresh = new EmbeddedSearchEngine();
    expect(await new SearchSnapshotService(conn, fresh, dir, journal, recordingSink(), quiet).restore()).toBeNull();
    expect((await fresh.searchPostings({ filter: null, offset: 0, limit: 5 })).total).toBe(0);
  });
});

describe('an app restart with SEARCH_SNAPSHOT', () => {
  it('loads the index from the snapshot written at shutdown, then reconciles in the background', async () => {
    const dbName = newDbName();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hm-data-'));
    const env = { SEARCH_SNAPSHOT: 'true', DATA_DIR: dataDir };
    const first = await startTestApp({ dbName, env });
    const employer = await createEmployer(first, { name: 'Gulf Clinics', setting: 'PHYSICIAN_OFFICE', city: 'Houston', state: 'TX' });
    await createPosting(first, { employerId: employer, title: 'Practice Manager', description: 'Runs the practice.', state: 'TX' });
    const id = await createCandidate(first, { name: 'Bob', email: 'bob@example.org', degrees: [{ level: 'BACHELOR', field: 'Business' }] });
    await first.app.close();

    const lines: string[] = [];
    const logger: Logger = { ...quiet, info: (m) => void lines.push(m), warn: (m) => void lines.push(m) };
    const second = await startTestApp({ dbName, env, logger });
    try {
      expect(lines.some((l) => l.startsWith('Embedded search index loaded from its snapshot: 2 documents'))).toBe(true);
      expect(lines.some((l) => l.startsWith('Embedded search index built from MongoDB'))).toBe(false);
      const d = await must<{ matchesForCandidate: { edges: { node: { posting: { title: string } } }[] } }>(
        second,
        'query($id: ID!) { matchesForCandidate(candidateId: $id, first: 5) { edges { node { posting { title } } } } }',
        { id },
      );
      expect(d.matchesForCandidate.edges.map((e) => e.node.posting.title)).toEqual(['Practice Manager']);
      for (let i = 0; i < 200 && !second.app.services.reconcile.last; i++) await new Promise((r) => setTimeout(r, 50));
      expect(second.app.services.reconcile.last).toMatchObject({ checked: 2, added: 0, updated: 0, removed: 0 });
    } finally {
      await second.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
