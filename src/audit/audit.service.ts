// The audit trail of mutations. Entries are written by the audit plugin (one place for every
// mutation) and read by admins only.
import { Types } from 'mongoose';
import { requireAdmin } from '../auth/access-policy.js';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../shared/clock.js';
import { pageWindow, type Page } from '../shared/pagination.js';
import type { AuditOutcome, AuditRecord } from './audit.model.js';
import type { AuditFilter, AuditRepository } from './audit.repository.js';

export interface AuditEvent {
  actor: Principal;
  operation: string;
  targetId: string | null;
  outcome: AuditOutcome;
  errorCode: string | null;
}

export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const at = this.clock.now();
    await this.repo.insertMany(
      events.map((e) => ({
        _id: new Types.ObjectId(),
        at,
        keyId: e.actor.kind === 'key' ? e.actor.keyId : null,
        role: e.actor.kind === 'key' ? e.actor.role : null,
        operation: e.operation,
        targetId: e.targetId,
        outcome: e.outcome,
        errorCode: e.errorCode,
      })),
    );
  }

  /** Entries about a record or made with its keys, for a data export (callers authorize). */
  async about(targetId: string, keyIds: readonly string[], limit: number): Promise<AuditRecord[]> {
    return this.repo.about(targetId, keyIds, limit);
  }

  /** Erasure: entries stay (operation, time, outcome) but point at `replacement` instead. */
  async replaceTarget(targetId: string, replacement: string): Promise<number> {
    return this.repo.replaceTarget(targetId, replacement);
  }

  async list(
    actor: Principal,
    args: AuditFilter & { first?: number | null; after?: string | null },
  ): Promise<Page<AuditRecord>> {
    requireAdmin(actor, 'read the audit log');
    const window = pageWindow(args.first, args.after);
    const { rows, total } = await this.repo.page(
      { keyId: args.keyId, operation: args.operation, targetId: args.targetId },
      window.offset,
      window.limit,
    );
    return { items: rows, offset: window.offset, totalCount: total };
  }
}
