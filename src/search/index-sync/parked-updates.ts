// Admins' view of the outbox entries the engine refused permanently (parked), for the
// parkedIndexUpdates query.
import type { Principal } from '../../auth/principal.js';
import { requireAdmin } from '../../auth/access-policy.js';
import type { IndexedEntity } from '../../shared/index-change-sink.js';
import type { OutboxRepository } from './outbox.repository.js';

export const MAX_PARKED_LISTED = 100;

export interface ParkedIndexUpdate {
  /** The outbox entry: "<kind>:<documentId>". */
  id: string;
  kind: IndexedEntity;
  documentId: string;
  error: string;
  parkedAt: Date;
}

/** Longest parked first, at most `limit` (1 to MAX_PARKED_LISTED). */
export async function parkedUpdates(outbox: Pick<OutboxRepository, 'parked'>, actor: Principal, limit = MAX_PARKED_LISTED): Promise<ParkedIndexUpdate[]> {
  requireAdmin(actor, 'read parked index updates');
  const entries = await outbox.parked(Math.min(Math.max(limit, 1), MAX_PARKED_LISTED));
  return entries.map((e) => ({
    id: e._id,
    kind: e.entity,
    documentId: e.entityId,
    error: e.lastError ?? '',
    parkedAt: e.parkedAt ?? e.nextAttemptAt,
  }));
}
