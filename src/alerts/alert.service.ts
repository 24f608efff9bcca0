// Alert rules: who may create which kind (the callers who may run the underlying query,
// src/auth/access-policy.ts), input checks, ownership for listing, deletion, deliveries and
// live events. The signing secret is derived (alert-secret.ts) and returned once.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import {
  assertCanRankCandidatesFor,
  assertCanSeeMatchesOf,
  assertMayAskMatchesFor,
  requireRole,
  type KeyPrincipal,
} from '../auth/access-policy.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { PostingService } from '../postings/posting.service.js';
import { checkPostingFilter, type PostingFilterArgs } from '../postings/posting-filter.validation.js';
import type { AlertsConfig } from '../config.js';
import type { Clock } from '../shared/clock.js';
import { DomainError, notFound } from '../shared/errors.js';
import { enforceInputLimits } from '../shared/input-limits.js';
import { InputChecks, InputProblemsError, parseId } from '../shared/validation.js';
import type { AlertKindName } from './alert-conditions.js';
import type { AlertRecord, DeliveryRecord } from './alert.model.js';
import type { AlertRepository } from './alert.repository.js';
import type { DeliveryRepository } from './delivery.repository.js';
import type { AlertRuntimeApi } from './alert-runtime-api.js';
import type { AlertEventPayload } from './alert-events.js';
import { deriveWebhookSecret, newSecretSalt } from './alert-secret.js';
import { webhookUrlProblem } from './webhook-target.js';

export const MAX_ALERT_QUERY_LENGTH = 200;
const MAX_LISTED = 1_000;

export interface AlertInputData {
  kind: AlertKindName;
  candidateId?: string | null;
  postingId?: string | null;
  query?: string | null;
  filter?: PostingFilterArgs | null;
  webhookUrl?: string | null;
}

const isAdmin = (p: KeyPrincipal): boolean => p.role === 'ADMIN';

export class AlertService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly runtime: AlertRuntimeApi,
    private readonly candidates: CandidateService,
    private readonly postings: PostingService,
    private readonly config: AlertsConfig,
    private readonly clock: Clock,
  ) {}

  async create(actor: Principal, input: AlertInputData): Promise<{ alert: AlertRecord; secret: string }> {
    const key = requireRole(actor, ['ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'], 'create alerts');
    enforceInputLimits('AlertInput', input);
    const checks = new InputChecks();
    const has = (v: unknown) => v !== null && v !== undefined;
    const only = (field: keyof AlertInputData, allowed: boolean) =>
      checks.require(allowed || !has(input[field]), `input.${field}`, `is not used by ${input.kind} alerts`);
    const query = input.query?.trim() || null;
    only('candidateId', input.kind === 'POSTINGS_FOR_CANDIDATE');
    only('postingId', input.kind === 'CANDIDATES_FOR_POSTING');
    only('query', input.kind === 'SAVED_SEARCH');
    only('filter', input.kind !== 'CANDIDATES_FOR_POSTING');
    if (input.kind === 'POSTINGS_FOR_CANDIDATE') checks.require(has(input.candidateId), 'input.candidateId', 'is required for POSTINGS_FOR_CANDIDATE alerts');
    if (input.kind === 'CANDIDATES_FOR_POSTING') checks.require(has(input.postingId), 'input.postingId', 'is required for CANDIDATES_FOR_POSTING alerts');
    checks.require((query?.length ?? 0) <= MAX_ALERT_QUERY_LENGTH, 'input.query', `must be at most ${MAX_ALERT_QUERY_LENGTH} characters`);
    const filter = checkPostingFilter(input.filter, checks);
    const webhookUrl = input.webhookUrl?.trim() || null;
    const urlProblem = webhookUrl === null ? null : webhookUrlProblem(webhookUrl, this.config.allowPrivateTargets);
    if (urlProblem) checks.add('input.webhookUrl', urlProblem);
    checks.throwIfAny();

    let candidateId: Types.ObjectId | null = null;
    let postingId: Types.ObjectId | null = null;
    if (input.kind === 'POSTINGS_FOR_CANDIDATE') {
      // The rules of matchesForCandidate: the candidate itself, job boards (opted-in candidates), admins.
      assertMayAskMatchesFor(key, input.candidateId!);
      candidateId = parseId(input.candidateId!, 'input.candidateId');
      const [candidate] = await this.candidates.findByIds([candidateId]);
      if (!candidate) throw notFound('Candidate', input.candidateId!);
      assertCanSeeMatchesOf(key, candidate);
    } else if (input.kind === 'CANDIDATES_FOR_POSTING') {
      // The rules of candidatesForPosting: admins, recruiters for their own employer's postings.
      postingId = parseId(input.postingId!, 'input.postingId');
      const [posting] = await this.postings.findByIds([postingId]);
      if (!posting) throw notFound('JobPosting', input.postingId!);
      assertCanRankCandidatesFor(key, posting);
    }
    if ((await this.alerts.countOwned(key.keyId)) >= this.config.maxPerKey) {
      throw new DomainError('CONFLICT', `An API key may hold at most ${this.config.maxPerKey} alerts; delete some first`);
    }
    const now = this.clock.now();
    const alert: AlertRecord = {
      _id: new Types.ObjectId(),
      kind: input.kind,
      ownerKeyId: key.keyId,
      candidateId,
      postingId,
      query,
      filter,
      webhookUrl,
      secretSalt: newSecretSalt(),
      active: true,
      consecutiveFailures: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.alerts.create(alert);
    await this.runtime.add(alert);
    await this.runtime.noteChange(alert._id);
    return { alert, secret: deriveWebhookSecret(this.config.secretKey, alert._id.toHexString(), alert.secretSalt) };
  }

  /** The caller's own alerts (admins: every alert), oldest first. */
  async list(actor: Principal): Promise<AlertRecord[]> {
    const key = requireRole(actor, ['ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'], 'list alerts');
    return this.alerts.list(isAdmin(key) ? null : key.keyId, MAX_LISTED);
  }

  async delete(actor: Principal, idArg: string): Promise<boolean> {
    const alert = await this.owned(actor, idArg, 'id', 'delete alerts');
    if (!alert) return false;
    this.runtime.remove(alert._id.toHexString());
    await this.deliveries.deleteForAlerts([alert._id]);
    const deleted = await this.alerts.delete(alert._id);
    await this.runtime.noteChange(alert._id);
    return deleted;
  }

  async deliveriesOf(actor: Principal, alertIdArg: string, first: number | null | undefined): Promise<DeliveryRecord[]> {
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InputProblemsError([{ field: 'first', problem: 'must be between 1 and 100' }]);
    const alert = await this.owned(actor, alertIdArg, 'alertId', 'read alert deliveries');
    if (!alert) throw notFound('Alert', alertIdArg);
    return this.deliveries.forAlert(alert._id, limit);
  }

  /** Live events of the caller's alerts, or of one of them (checked now: NOT_FOUND / FORBIDDEN). */
  async subscribe(actor: Principal, alertIdArg: string | null | undefined): Promise<AsyncIterableIterator<AlertEventPayload>> {
    const key = requireRole(actor, ['ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'], 'subscribe to alert events');
    if (alertIdArg == null) return this.runtime.bus.subscribe((e) => e.ownerKeyId === key.keyId);
    const alert = await this.owned(actor, alertIdArg, 'alertId', 'subscribe to alert events');
    if (!alert) throw notFound('Alert', alertIdArg);
    const id = alert._id.toHexString();
    return this.runtime.bus.subscribe((e) => e.event.alertId === id);
  }

  /** The alert if the caller owns it (admins: any); null when there is none; FORBIDDEN for another's. */
  private async owned(actor: Principal, idArg: string, field: string, action: string): Promise<AlertRecord | null> {
    const key = requireRole(actor, ['ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'], action);
    const alert = await this.alerts.findById(parseId(idArg, field));
    if (alert && !isAdmin(key) && alert.ownerKeyId !== key.keyId) {
      throw new DomainError('FORBIDDEN', `Not allowed: a ${key.role} key cannot ${action} (the alert belongs to another API key)`);
    }
    return alert;
  }
}
