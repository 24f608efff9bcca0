// Issuing, listing and revoking API keys (admins only). The plaintext key is returned once,
// by issue(); only its SHA-256 digest is stored, so a database leak yields no usable key.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { EmployerService } from '../employers/employer.service.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { enforceInputLimits, LIMITS } from '../shared/input-limits.js';
import { InputChecks, parseId } from '../shared/validation.js';
import { requireAdmin } from '../auth/access-policy.js';
import type { ApiKeyRecord } from './api-key.model.js';
import type { ApiKeyRepository } from './api-key.repository.js';
import { formatIssuedKey, hashApiKey } from './authentication.service.js';
import type { Principal, Role } from '../auth/principal.js';

export interface IssueApiKeyData {
  role: Role;
  label: string;
  employerId?: string | null;
  candidateId?: string | null;
}

const MAX_LABEL = LIMITS.label;

export class ApiKeyService {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly employers: EmployerService,
    private readonly candidates: CandidateService,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Principal, input: IssueApiKeyData): Promise<{ key: string; record: ApiKeyRecord }> {
    requireAdmin(actor, 'issue API keys');
    enforceInputLimits('IssueApiKeyInput', input);
    const label = input.label.trim();
    const wantsEmployer = input.role === 'RECRUITER';
    const wantsCandidate = input.role === 'CANDIDATE';
    new InputChecks()
      .require(label.length > 0 && label.length <= MAX_LABEL, 'input.label', `must be 1-${MAX_LABEL} characters`)
      .require(!wantsEmployer || !!input.employerId, 'input.employerId', 'is required for a RECRUITER key')
      .require(wantsEmployer || !input.employerId, 'input.employerId', 'is only allowed for a RECRUITER key')
      .require(!wantsCandidate || !!input.candidateId, 'input.candidateId', 'is required for a CANDIDATE key')
      .require(wantsCandidate || !input.candidateId, 'input.candidateId', 'is only allowed for a CANDIDATE key')
      .throwIfAny();

    let employerId: Types.ObjectId | null = null;
    let candidateId: Types.ObjectId | null = null;
    if (wantsEmployer && input.employerId) {
      employerId = parseId(input.employerId, 'input.employerId');
      await this.employers.require(employerId, 'input.employerId');
    }
    if (wantsCandidate && input.candidateId) {
      candidateId = parseId(input.candidateId, 'input.candidateId');
      const [candidate] = await this.candidates.findByIds([candidateId]);
      if (!candidate) throw notFound('Candidate', `${input.candidateId} (input.candidateId)`);
    }

    const id = new Types.ObjectId();
    const key = formatIssuedKey(id, randomBytes(32).toString('base64url'));
    const record = await this.repo.create({
      _id: id,
      keyHash: hashApiKey(key).toString('hex'),
      role: input.role,
      label,
      employerId,
      candidateId,
      createdAt: this.clock.now(),
      createdBy: actor.kind === 'key' ? actor.keyId : 'anonymous',
      revokedAt: null,
    });
    return { key, record };
  }

  async revoke(actor: Principal, idArg: string): Promise<ApiKeyRecord> {
    requireAdmin(actor, 'revoke API keys');
    const revoked = await this.repo.revoke(parseId(idArg, 'id'), this.clock.now());
    if (!revoked) throw notFound('ApiKey', idArg);
    return revoked;
  }

  /** The keys bound to a candidate, for its data export (callers authorize). */
  async keysOfCandidate(candidateId: Types.ObjectId): Promise<ApiKeyRecord[]> {
    return this.repo.forCandidate(candidateId);
  }

  /** Erasure: revokes and unlinks the candidate's keys; returns how many there were. */
  async eraseCandidateKeys(candidateId: Types.ObjectId): Promise<number> {
    return this.repo.revokeAndUnlinkCandidate(candidateId, this.clock.now(), 'key of an erased candidate');
  }

  /** deleteEmployer: its recruiter keys stop working. */
  async revokeEmployerKeys(employerId: Types.ObjectId): Promise<number> {
    return this.repo.revokeForEmployer(employerId, this.clock.now());
  }

  async list(actor: Principal, includeRevoked: boolean): Promise<ApiKeyRecord[]> {
    requireAdmin(actor, 'list API keys');
    return this.repo.list(includeRevoked);
  }
}
