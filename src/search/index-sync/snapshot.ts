// Start-up from a snapshot of the embedded index instead of a rebuild from MongoDB (207 s at
// 100,000 + 100,000 on FerretDB). Written after a full build, every SEARCH_SNAPSHOT_INTERVAL_MS
// and at shutdown. A snapshot is used only if MongoDB names it as the latest one written for
// this database (a marker document), so a snapshot of another database or an older one is
// never loaded. After loading, everything applied to the index since the snapshot was taken
// (the applied journal) is queued again, and the outbox still holds what was not applied yet;
// a full reconciliation pass follows in the background.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Logger } from '../../shared/logger.js';
import type { SnapshotMeta, SnapshottingEngine } from '../embedded/embedded-snapshot.js';
import type { AppliedJournal } from './applied-journal.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { RepairSink } from './reconcile.js';
import { memoryMark } from '../../shared/memory-trace.js';

/** Clock skew allowance between the journal's timestamps and the snapshot's. */
const MARGIN_MS = 60_000;

interface MarkerRecord {
  _id: string;
  snapshotId: string;
  takenAt: Date;
}

const markerSchema = new Schema<MarkerRecord>(
  { _id: { type: String, required: true }, snapshotId: { type: String, required: true }, takenAt: { type: Date, required: true } },
  { collection: 'search_snapshots', versionKey: false },
);

export interface RestoreResult extends SnapshotMeta {
  requeued: number;
  tookMs: number;
}

export class SearchSnapshotService {
  private readonly markers: Model<MarkerRecord>;
  private saving: Promise<void> | null = null;
  /** takenAt of the snapshot this index was last written to or loaded from. */
  private lastTakenAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    conn: Connection,
    private readonly engine: SnapshottingEngine,
    private readonly dir: string,
    private readonly journal: AppliedJournal,
    private readonly sink: RepairSink,
    private readonly logger: Logger,
  ) {
    this.markers = (conn.models.SearchSnapshot as Model<MarkerRecord>) ?? conn.model('SearchSnapshot', markerSchema);
  }

  private get file(): string {
    return path.join(this.dir, 'embedded-index.snapshot');
  }

  /** Loads the latest snapshot and queues what changed since; null when there is no usable one. */
  async restore(): Promise<RestoreResult | null> {
    const t0 = performance.now();
    const marker = await this.markers.findById('embedded').lean<MarkerRecord>();
    if (!marker) return null;
    let meta: (SnapshotMeta & { snapshotId?: string }) | null;
    try {
      meta = await this.engine.loadSnapshot(this.file);
    } catch (err) {
      this.logger.warn(`Search snapshot unreadable, rebuilding from MongoDB: ${(err as Error).message}`);
      return null;
    }
    if (!meta || meta.snapshotId !== marker.snapshotId) {
      if (meta) this.logger.warn('Search snapshot is not the one MongoDB names as latest: rebuilding from MongoDB');
      return null;
    }
    const changed = await this.journal.since(new Date(meta.takenAt - MARGIN_MS));
    const byEntity: Record<IndexedEntity, Types.ObjectId[]> = { posting: [], candidate: [] };
    for (const c of changed) if (Types.ObjectId.isValid(c.entityId)) byEntity[c.entity].push(new Types.ObjectId(c.entityId));
    for (const entity of ['posting', 'candidate'] as const) if (byEntity[entity].length > 0) await this.sink.record(entity, byEntity[entity]);
    this.lastTakenAt = meta.takenAt;
    return { ...meta, requeued: changed.length, tookMs: Math.round(performance.now() - t0) };
  }

  /** Writes a snapshot now (one at a time); failures are logged, never thrown. */
  save(): Promise<void> {
    this.saving ??= this.write().finally(() => {
      this.saving = null;
    });
    return this.saving;
  }

  /**
   * Writes one only if a change was applied since the last: writing keeps one replica busy for
   * seconds at scale (with SEARCH_WORKERS=1 search waits meanwhile).
   */
  async saveIfChanged(): Promise<void> {
    if (this.lastTakenAt !== null) {
      const changed = await this.journal.since(new Date(this.lastTakenAt)).catch(() => null);
      if (changed !== null && changed.length === 0) return;
    }
    await this.save();
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.saveIfChanged(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes a last snapshot, so the next start has nothing to catch up. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.saving;
    await this.saveIfChanged();
  }

  private async write(): Promise<void> {
    const t0 = performance.now();
    const takenAt = Date.now();
    const snapshotId = randomUUID();
    try {
      await mkdir(this.dir, { recursive: true });
      // Left by a process killed mid-write (the previous snapshot is intact beside them).
      for (const name of await readdir(this.dir)) if (name.endsWith('.tmp')) await rm(path.join(this.dir, name), { force: true });
      memoryMark('snapshot: write');
      const written = await this.engine.saveSnapshot(this.file, takenAt, snapshotId);
      memoryMark('snapshot: written');
      await this.markers.updateOne({ _id: 'embedded' }, { $set: { snapshotId, takenAt: new Date(takenAt) } }, { upsert: true });
      this.lastTakenAt = takenAt;
      await this.journal.pruneBefore(new Date(takenAt - MARGIN_MS));
      this.logger.info(
        `Search snapshot written: ${written.postings} postings, ${written.candidates} candidates, ${(written.bytes / 2 ** 20).toFixed(0)} MiB in ${Math.round(performance.now() - t0)} ms`,
      );
    } catch (err) {
      this.logger.warn(`Search snapshot not written: ${(err as Error).message}`);
    }
  }

  /** Forgets the snapshot (tests, and a reset of the data). */
  async discard(): Promise<void> {
    await this.markers.deleteOne({ _id: 'embedded' });
    await rm(this.file, { force: true });
  }
}
