// THE list of what the service holds about a candidate (DESIGN §9 "Erasure"; GDPR access and
// erasure, CCPA). exportCandidateData reads every holder, deleteCandidate erases every holder,
// so a new collection with data about candidates is added HERE and nowhere else.
//
// Not listed, on purpose: the search index (derived from MongoDB; erased through the outbox
// by the `profile` holder), the outbox, the index change log and the applied journal (they
// hold only the id, are retired once applied, trimmed after a day / at the next snapshot).
import type { Types } from 'mongoose';
import type { ApiKeyService } from '../api-keys/api-key.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { CandidateRecord } from '../candidates/candidate.model.js';
import type { ApiKeyRecord } from '../api-keys/api-key.model.js';
import type { AlertRepository } from '../alerts/alert.repository.js';

/** What an erased candidate's audit entries point at instead of its id. */
export const ERASED_SUBJECT = 'erased-candidate';

/** Audit entries of an export: at most this many (oldest first). */
const MAX_AUDIT_EXPORTED = 10_000;

export interface HolderContext {
  candidateId: Types.ObjectId;
  /** The keys bound to the candidate, read once before any holder runs. */
  keys: readonly ApiKeyRecord[];
}

export interface CandidateDataHolder {
  /** The export's key for this holder's data; also names the MongoDB collection. */
  name: string;
  /** Everything this holder has about the candidate, as JSON; null when it has nothing. */
  export(ctx: HolderContext): Promise<unknown>;
  /** Removes it, or strips what identifies the candidate; returns how many records changed (0: nothing there). */
  erase(ctx: HolderContext): Promise<{ changed: number; indexed?: boolean }>;
}

export interface HolderServices {
  candidates: CandidateService;
  apiKeys: ApiKeyService;
  audit: AuditService;
  alerts: AlertRepository;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function profileJson(c: CandidateRecord): Record<string, unknown> {
  const { _id, createdAt, updatedAt, ...rest } = c;
  return { id: _id.toHexString(), ...rest, createdAt: iso(createdAt), updatedAt: iso(updatedAt) };
}

/** In erasure order: the profile first (so searches stop finding it at once), then the rest. */
export function candidateDataHolders(s: HolderServices): CandidateDataHolder[] {
  return [
    {
      name: 'candidate',
      async export({ candidateId }) {
        const [c] = await s.candidates.findByIds([candidateId]);
        return c ? profileJson(c) : null;
      },
      async erase({ candidateId }) {
        const { deleted, indexed } = await s.candidates.eraseRecord(candidateId);
        return { changed: deleted ? 1 : 0, indexed };
      },
    },
    {
      name: 'apiKeys',
      // Metadata only: the key's secret is never stored (only its SHA-256), its digest is not shown.
      async export({ keys }) {
        return keys.map((k) => ({
          id: k._id.toHexString(),
          role: k.role,
          label: k.label,
          createdAt: iso(k.createdAt),
          createdBy: k.createdBy,
          revokedAt: iso(k.revokedAt),
        }));
      },
      async erase({ candidateId }) {
        return { changed: await s.apiKeys.eraseCandidateKeys(candidateId) };
      },
    },
    {
      name: 'auditLog',
      async export({ candidateId, keys }) {
        const entries = await s.audit.about(candidateId.toHexString(), keys.map((k) => k._id.toHexString()), MAX_AUDIT_EXPORTED);
        return entries.map((e) => ({
          id: e._id.toHexString(),
          at: iso(e.at),
          operation: e.operation,
          keyId: e.keyId,
          role: e.role,
          targetId: e.targetId,
          outcome: e.outcome,
          errorCode: e.errorCode,
        }));
      },
      // Entries hold no name, e-mail or profile data, only the id: it is replaced. Entries made
      // with the candidate's keys keep the key id, which no longer leads to the candidate.
      // Stripping them does not count as "something was there": entries written after an
      // erasure (a refused request naming the id) must not make a second delete return true.
      async erase({ candidateId }) {
        await s.audit.replaceTarget(candidateId.toHexString(), ERASED_SUBJECT);
        return { changed: 0 };
      },
    },
    {
      name: 'alerts',
      // Never the signing secret (it is derived, not stored) nor its salt.
      async export({ candidateId }) {
        const alerts = await s.alerts.boundToCandidate(candidateId);
        return alerts.map((a) => ({
          id: a._id.toHexString(),
          kind: a.kind,
          query: a.query,
          filter: a.filter,
          webhookUrl: a.webhookUrl,
          active: a.active,
          createdAt: iso(a.createdAt),
        }));
      },
      // Not erased here: the alert detector deletes a gone candidate's alerts, their deliveries
      // and its stored matching state when the candidate's removal reaches the index (which
      // deleteCandidate applies before it returns), and drops them from its in-memory index in
      // the same step. Erasing them here too would leave that index holding deleted alerts.
      async erase() {
        return { changed: 0 };
      },
    },
  ];
}
