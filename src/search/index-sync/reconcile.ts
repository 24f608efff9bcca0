// Reconciliation: compares MongoDB's (id, updatedAt) of every posting and candidate with the
// (id, version) pairs the search index holds, and repairs each difference through the outbox
// (missing -> indexed, stale -> re-indexed, present in the index but gone from MongoDB ->
// removed). The outbox re-reads each document's current state, so a write racing the pass is
// harmless. Run at start after a snapshot load and on demand by admins (reconcileSearchIndex).
import { Types } from 'mongoose';
import { requireAdmin } from '../../auth/access-policy.js';
import type { Principal } from '../../auth/principal.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { SearchEngine } from '../search-engine.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';

export interface ReconcileReport {
  checked: number;
  added: number;
  updated: number;
  removed: number;
  tookMs: number;
  finishedAt: Date;
}

export interface VersionSource {
  /** Every document's id and updatedAt (epoch ms), streamed. */
  versions(): AsyncIterable<[string, number]>;
}

export interface RepairSink {
  record(entity: IndexedEntity, ids: readonly Types.ObjectId[]): Promise<void>;
  drain(): Promise<void>;
}

const BATCH = 500;

export class ReconcileService {
  private running: Promise<ReconcileReport> | null = null;
  last: ReconcileReport | null = null;

  constructor(
    private readonly engine: SearchEngine,
    private readonly sources: Record<IndexedEntity, VersionSource>,
    private readonly sink: RepairSink,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async reconcileAs(actor: Principal): Promise<ReconcileReport> {
    requireAdmin(actor, 'reconcile the search index');
    return this.reconcile();
  }

  /** One pass at a time: a second caller shares the running one. */
  reconcile(): Promise<ReconcileReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const t0 = performance.now();
    const total = { checked: 0, added: 0, updated: 0, removed: 0 };
    for (const entity of ['posting', 'candidate'] as const) {
      const r = await this.entity(entity);
      total.checked += r.checked;
      total.added += r.added;
      total.updated += r.updated;
      total.removed += r.removed;
    }
    await this.sink.drain();
    const report = { ...total, tookMs: Math.round(performance.now() - t0), finishedAt: this.clock.now() };
    this.last = report;
    this.logger.info(`Search index reconciled: ${JSON.stringify(report)}`);
    return report;
  }

  private async entity(entity: IndexedEntity): Promise<Omit<ReconcileReport, 'tookMs' | 'finishedAt'>> {
    const indexed = new Map(await this.engine.indexedVersions(entity));
    let checked = 0;
    let added = 0;
    let updated = 0;
    let repair: Types.ObjectId[] = [];
    const flush = async () => {
      if (repair.length > 0) await this.sink.record(entity, repair);
      repair = [];
    };
    for await (const [id, version] of this.sources[entity].versions()) {
      checked++;
      const seen = indexed.get(id);
      indexed.delete(id);
      if (seen === version) continue;
      if (seen === undefined) added++;
      else updated++;
      repair.push(new Types.ObjectId(id));
      if (repair.length >= BATCH) await flush();
    }
    // Left over: in the index, not in MongoDB. The outbox finds them gone and removes them.
    const removed = [...indexed.keys()];
    const valid = removed.filter((id) => Types.ObjectId.isValid(id));
    repair.push(...valid.map((id) => new Types.ObjectId(id)));
    await flush();
    const invalid = removed.filter((id) => !Types.ObjectId.isValid(id));
    if (invalid.length > 0) await (entity === 'posting' ? this.engine.deletePostings(invalid) : this.engine.deleteCandidates(invalid));
    return { checked, added, updated, removed: removed.length };
  }
}
