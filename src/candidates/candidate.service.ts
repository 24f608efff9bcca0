// Rules for candidate profiles: validation, normalisation, derived facts (years of
// experience, current credentials) and index notifications.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { assertCanReadCandidate, assertCanUpdateCandidate, canSeeCandidateEmail, requireAdmin } from '../auth/access-policy.js';
import { isQualificationCurrent, renewalRuleFor, renewalStatus, yearsOfExperience, type RenewalStatus } from '../matching/index.js';
import type { QualificationRecord } from '../qualifications/qualification.model.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { IndexChangeSink } from '../shared/index-change-sink.js';
import type { Clock } from '../shared/clock.js';
import type { CareSetting, DegreeLevel } from '../shared/enums.js';
import { notFound } from '../shared/errors.js';
import { normalizeCode, normalizeEmail, normalizeList, normalizeState } from '../shared/normalize.js';
import { InputChecks, parseId } from '../shared/validation.js';
import { enforceInputLimits } from '../shared/input-limits.js';
import type { CandidateRecord, HeldQualificationRecord } from './candidate.model.js';
import type { CandidateData, CandidateRepository } from './candidate.repository.js';
import { checkCandidate } from './candidate.validation.js';
import { checkZip, storedLocation } from '../geo/geo-input.js';

export interface CandidateUpdateData {
  name?: string | null;
  email?: string | null;
  headline?: string | null;
  summary?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  degrees?: { level: DegreeLevel; field: string; institution?: string | null; year?: number | null }[] | null;
  qualifications?:
    | {
        code: string;
        earnedOn?: string | null;
        expiresOn?: string | null;
        state?: string | null;
        continuingEducation?: { date: string; hours: number; provider?: string | null; title?: string | null }[] | null;
      }[]
    | null;
  experience?: { title: string; setting?: CareSetting | null; startDate: string; endDate?: string | null }[] | null;
  skills?: string[] | null;
  discoverable?: boolean | null;
}

export interface CandidateCreateData extends CandidateUpdateData {
  name: string;
  email: string;
}

const blankToNull = (v: string | null | undefined): string | null => v?.trim() || null;

export class CandidateService {
  constructor(
    private readonly repo: CandidateRepository,
    private readonly qualifications: QualificationService,
    private readonly index: IndexChangeSink,
    private readonly clock: Clock,
  ) {}

  async get(actor: Principal, id: string): Promise<CandidateRecord | null> {
    assertCanReadCandidate(actor, id);
    return this.repo.findById(parseId(id, 'id'));
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]> {
    return this.repo.findByIds(ids);
  }

  /** The records of a result page, from a short-lived cache (src/shared/mongo/page-record-cache.ts). */
  async findForPage(ids: readonly Types.ObjectId[]): Promise<(CandidateRecord | undefined)[]> {
    return this.repo.findForPage(ids);
  }

  yearsOfExperience(c: Pick<CandidateRecord, 'experience'>): number {
    return yearsOfExperience(c.experience, this.clock.today());
  }

  /** Emails are personal data: only admins and the candidate themself may read them. */
  canSeeEmail(actor: Principal, candidateId: string): boolean {
    return canSeeCandidateEmail(actor, candidateId);
  }

  isCurrent(q: HeldQualificationRecord): boolean {
    return isQualificationCurrent(q, this.clock.today());
  }

  /** DESIGN §9 renewal on today, by the catalog entry's cycle (or its state's). */
  renewal(q: HeldQualificationRecord, entry: QualificationRecord | undefined): RenewalStatus {
    return renewalStatus(heldForRenewal(q), renewalRuleFor(entry, q.state), this.clock.today());
  }

  async create(actor: Principal, input: CandidateCreateData, id = new Types.ObjectId()): Promise<CandidateRecord> {
    requireAdmin(actor, 'create candidates');
    enforceInputLimits('CandidateInput', input);
    const n = normalizeChanges(input);
    const data: CandidateData = {
      name: n.name ?? '',
      email: n.email ?? '',
      headline: n.headline ?? null,
      summary: n.summary ?? null,
      city: n.city ?? null,
      state: n.state ?? null,
      zip: n.zip ?? null,
      latitude: null,
      longitude: null,
      degrees: n.degrees ?? [],
      qualifications: n.qualifications ?? [],
      experience: n.experience ?? [],
      skills: n.skills ?? [],
      discoverable: n.discoverable ?? true,
    };
    await this.validate(data);
    Object.assign(data, storedLocation(data));
    await this.index.record('candidate', [id]);
    const saved = await this.repo.create(data, id);
    await this.index.committed('candidate', [id]);
    return saved;
  }

  async update(actor: Principal, idArg: string, input: CandidateUpdateData): Promise<CandidateRecord> {
    assertCanUpdateCandidate(actor, idArg);
    enforceInputLimits('CandidateUpdateInput', input);
    const id = parseId(idArg, 'id');
    const current = await this.repo.findById(id);
    if (!current) throw notFound('Candidate', idArg);
    const changes = normalizeChanges(input);
    await this.validate(changes);
    if (changes.zip !== undefined || changes.city !== undefined || changes.state !== undefined) {
      Object.assign(changes, storedLocation({ ...current, ...changes }));
    }
    await this.index.record('candidate', [id]);
    const saved = await this.repo.update(id, changes);
    if (!saved) throw notFound('Candidate', idArg);
    await this.index.committed('candidate', [id]);
    return saved;
  }

  /**
   * Erasure's MongoDB and index part (callers authorize; src/data-rights): the record goes, and
   * the index removal is applied before this returns, or stays queued durably when the engine
   * is down (the drainer indexes current MongoDB state, so it never comes back).
   */
  async eraseRecord(id: Types.ObjectId): Promise<{ deleted: boolean; indexed: boolean }> {
    await this.index.record('candidate', [id]);
    const deleted = await this.repo.deleteById(id);
    const indexed = await this.index.applyNow('candidate', [id]);
    return { deleted, indexed };
  }

  private async validate(data: Partial<CandidateData>): Promise<void> {
    const checks = new InputChecks();
    checkCandidate(data, await this.qualifications.catalog(), this.clock.now().getUTCFullYear(), checks, this.clock.today());
    checkZip(data.zip, 'input.zip', checks);
    checks.throwIfAny();
  }
}

/** A stored holding as the renewal rules read it (records older than CE have none). */
export function heldForRenewal(q: HeldQualificationRecord) {
  return { earnedOn: q.earnedOn, expiresOn: q.expiresOn, state: q.state, continuingEducation: q.continuingEducation ?? [] };
}

/** Only the fields the client sent; `null` on a nullable text field clears it. */
function normalizeChanges(input: CandidateUpdateData): Partial<CandidateData> {
  const out: Partial<CandidateData> = {};
  if (input.name != null) out.name = input.name.trim();
  if (input.email != null) out.email = normalizeEmail(input.email);
  if (input.headline !== undefined) out.headline = blankToNull(input.headline);
  if (input.summary !== undefined) out.summary = blankToNull(input.summary);
  if (input.city !== undefined) out.city = blankToNull(input.city);
  if (input.state !== undefined) out.state = normalizeState(input.state) || null;
  if (input.zip !== undefined) out.zip = input.zip?.trim() || null;
  if (input.degrees != null) {
    out.degrees = input.degrees.map((d) => ({
      level: d.level,
      field: d.field.trim(),
      institution: blankToNull(d.institution),
      year: d.year ?? null,
    }));
  }
  if (input.qualifications != null) {
    out.qualifications = input.qualifications.map((q) => ({
      code: normalizeCode(q.code),
      earnedOn: q.earnedOn ?? null,
      expiresOn: q.expiresOn ?? null,
      state: normalizeState(q.state) || null,
      continuingEducation: (q.continuingEducation ?? []).map((e) => ({
        date: e.date,
        hours: e.hours,
        provider: blankToNull(e.provider),
        title: blankToNull(e.title),
      })),
    }));
  }
  if (input.experience != null) {
    out.experience = input.experience.map((e) => ({
      title: e.title.trim(),
      setting: e.setting ?? null,
      startDate: e.startDate,
      endDate: e.endDate ?? null,
    }));
  }
  if (input.skills != null) out.skills = normalizeList(input.skills);
  if (input.discoverable != null) out.discoverable = input.discoverable;
  return out;
}
