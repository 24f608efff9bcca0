// Which documents reached the search index, and when: one small record per document, written
// as its outbox entry is retired. A restart from a snapshot taken at T re-applies every
// document applied at or after T (and the outbox still holds everything not applied yet), so
// nothing applied between the snapshot and a crash is lost. Kept only back to the last
// snapshot, so it stays small enough to scan (FerretDB serves only _id look-ups from an index).
import { Schema, type Connection, type Model } from 'mongoose';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import { OutboxRepository, type RetiredEntry } from './outbox.repository.js';
import { isDuplicateKeyError } from '../../shared/mongo/duplicate-key.js';

interface AppliedRecord {
  _id: string;
  entity: IndexedEntity;
  entityId: string;
  /** A feed's batch, noted as one record: the documents it stood for. */
  entityIds?: string[];
  at: Date;
}

const appliedSchema = new Schema<AppliedRecord>(
  {
    _id: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    entityIds: { type: [String], default: undefined },
    at: { type: Date, required: true },
  },
  { collection: 'search_applied', versionKey: false },
);

export class AppliedJournal {
  private readonly model: Model<AppliedRecord>;

  constructor(conn: Connection) {
    this.model = (conn.models.SearchApplied as Model<AppliedRecord>) ?? conn.model('SearchApplied', appliedSchema);
  }

  async note(outboxId: string, at: Date): Promise<void> {
    const [entity, entityId] = outboxId.split(':') as [IndexedEntity, string];
    const write = () => this.model.updateOne({ _id: outboxId }, { $set: { entity, entityId, at } }, { upsert: true });
    try {
      await write();
    } catch (err) {
      // Two retirements of one document at once both try to insert; the loser finds it there now
      // (FerretDB does not retry such an upsert itself, as MongoDB does for an _id match).
      if (!isDuplicateKeyError(err)) throw err;
      await write();
    }
  }

  /** note() for a batch: one delete and one insert (a crash in between loses notes of entries not yet retired, which are re-applied anyway). */
  async noteAll(outboxIds: readonly string[], at: Date): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.model.deleteMany({ _id: { $in: [...outboxIds] } });
    const docs = outboxIds.map((id) => {
      const [entity, entityId] = id.split(':') as [IndexedEntity, string];
      return { _id: id, entity, entityId, at };
    });
    await this.model.insertMany(docs, { ordered: false }).catch((err: unknown) => {
      // A concurrent note of the same entry: it is noted either way.
      if (!(err as { writeErrors?: unknown[] }).writeErrors) throw err;
    });
  }

  /** A batch entry's documents as one record (one write, not one per document). */
  async noteBatch(outboxId: string, entity: IndexedEntity, entityIds: readonly string[], at: Date): Promise<void> {
    // An upsert: a retirement retried after a crash notes the same batch again.
    await this.model.updateOne({ _id: outboxId }, { $set: { entity, entityId: outboxId.slice(entity.length + 1), entityIds: [...entityIds], at } }, { upsert: true });
  }

  /** Every document applied since `at` (a batch record expands to its documents). */
  async since(at: Date): Promise<{ entity: IndexedEntity; entityId: string }[]> {
    const rows = await this.model.find({ at: { $gte: at } }, { entity: 1, entityId: 1, entityIds: 1 }).lean<AppliedRecord[]>();
    return rows.flatMap((r) => (r.entityIds?.length ? r.entityIds.map((entityId) => ({ entity: r.entity, entityId })) : [{ entity: r.entity, entityId: r.entityId }]));
  }

  async pruneBefore(at: Date): Promise<void> {
    await this.model.deleteMany({ at: { $lt: at } });
  }
}

/** The outbox, noting each retired entry in the journal (used when snapshots are on). */
export class JournaledOutboxRepository extends OutboxRepository {
  constructor(
    conn: Connection,
    readonly journal: AppliedJournal,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(conn);
  }

  override async retire(entry: RetiredEntry): Promise<void> {
    // Noted first: a crash in between re-applies a document once more, never loses one.
    if (entry.entityIds?.length && entry.entity) await this.journal.noteBatch(entry._id, entry.entity, entry.entityIds, this.now());
    else await this.journal.note(entry._id, this.now());
    await super.retire(entry);
  }

  override async retireAll(entries: readonly RetiredEntry[]): Promise<void> {
    const batches = entries.filter((e) => e.entityIds?.length && e.entity);
    for (const b of batches) await this.journal.noteBatch(b._id, b.entity!, b.entityIds!, this.now());
    await this.journal.noteAll(entries.filter((e) => !batches.includes(e)).map((e) => e._id), this.now());
    await super.retireAll(entries);
  }
}
