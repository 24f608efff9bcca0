// Rules for job postings: validation, defaults from the employer, closing, and telling the
// search index about every change.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { assertCanManagePosting, assertMayManagePostings } from '../auth/access-policy.js';
import type { EmployerService } from '../employers/employer.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { IndexChangeSink } from '../shared/index-change-sink.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { PostingStatus } from '../shared/enums.js';
import { normalizeList, normalizeState } from '../shared/normalize.js';
import { InputProblemsError, parseId } from '../shared/validation.js';
import { enforceInputLimits } from '../shared/input-limits.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingData, PostingRepository } from './posting.repository.js';
import { buildPostingData, feedPostingId, postingProblems, toDegreeRequirement, withLocation, type PostingUpdateData } from './posting-input.js';
import { storedLocation } from '../geo/geo-input.js';

export type { DegreeRequirementData, PostingUpdateData } from './posting-input.js';

export interface PostingCreateData extends PostingUpdateData {
  employerId: string;
  title: string;
  description: string;
  externalRef?: string | null;
  postedAt?: Date | null;
}

export class PostingService {
  constructor(
    private readonly repo: PostingRepository,
    private readonly employers: EmployerService,
    private readonly qualifications: QualificationService,
    private readonly index: IndexChangeSink,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<PostingRecord | null> {
    return this.repo.findById(parseId(id, 'id'));
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(PostingRecord | undefined)[]> {
    return this.repo.findByIds(ids);
  }

  /** The records of a result page, from a short-lived cache (src/shared/mongo/page-record-cache.ts). */
  async findForPage(ids: readonly Types.ObjectId[]): Promise<(PostingRecord | undefined)[]> {
    return this.repo.findForPage(ids);
  }

  async forEmployers(employerIds: readonly Types.ObjectId[], status?: PostingStatus): Promise<PostingRecord[]> {
    return this.repo.findByEmployers(employerIds, status);
  }

  /** `id`: the seed loader's own; else derived from the feed key when there is one (feedPostingId), else random. */
  async create(actor: Principal, input: PostingCreateData, givenId?: Types.ObjectId): Promise<PostingRecord> {
    assertCanManagePosting(actor, { employerId: input.employerId }, 'create job postings for this employer');
    enforceInputLimits('JobPostingInput', input);
    const employerId = parseId(input.employerId, 'input.employerId');
    const employer = await this.employers.require(employerId, 'input.employerId');
    const data = buildPostingData({ ...input, status: PostingStatus.OPEN }, employer, this.clock.now(), input.postedAt);
    await this.validate(data);
    withLocation(data);
    const id = givenId ?? (data.feedKey ? feedPostingId(data.feedKey) : new Types.ObjectId());
    await this.index.record('posting', [id]);
    const saved = await this.repo.create(data, id);
    await this.index.committed('posting', [id]);
    return saved;
  }

  async update(actor: Principal, idArg: string, input: PostingUpdateData): Promise<PostingRecord> {
    assertMayManagePostings(actor, 'update job postings');
    enforceInputLimits('JobPostingUpdateInput', input);
    const id = parseId(idArg, 'id');
    const current = await this.repo.findById(id);
    if (!current) throw notFound('JobPosting', idArg);
    assertCanManagePosting(actor, current, 'update this job posting');
    const changes: Partial<PostingData> = {};
    if (input.title != null) changes.title = input.title.trim();
    if (input.description != null) changes.description = input.description.trim();
    if (input.setting != null) changes.setting = input.setting;
    if (input.employmentType != null) changes.employmentType = input.employmentType;
    if (input.city !== undefined) changes.city = input.city?.trim() || null;
    if (input.state !== undefined) changes.state = normalizeState(input.state) || null;
    if (input.zip !== undefined) changes.zip = input.zip?.trim() || null;
    if (input.remote != null) changes.remote = input.remote;
    if (input.salaryMin !== undefined) changes.salaryMin = input.salaryMin;
    if (input.salaryMax !== undefined) changes.salaryMax = input.salaryMax;
    if (input.minDegree !== undefined) changes.minDegree = toDegreeRequirement(input.minDegree);
    if (input.minYearsExperience != null) changes.minYearsExperience = input.minYearsExperience;
    if (input.requiredQualificationCodes != null) {
      changes.requiredQualificationCodes = normalizeList(input.requiredQualificationCodes, 'upper');
    }
    if (input.preferredQualificationCodes != null) {
      changes.preferredQualificationCodes = normalizeList(input.preferredQualificationCodes, 'upper');
    }
    if (input.skills != null) changes.skills = normalizeList(input.skills);
    // Validate the posting as it would be after the change: e.g. a new salaryMin against the old salaryMax.
    await this.validate({ ...current, ...changes });
    if (changes.zip !== undefined || changes.city !== undefined || changes.state !== undefined) {
      Object.assign(changes, storedLocation({ ...current, ...changes }));
    }
    await this.index.record('posting', [id]);
    const saved = await this.repo.update(id, changes);
    if (!saved) throw notFound('JobPosting', idArg);
    await this.index.committed('posting', [id]);
    return saved;
  }

  async close(actor: Principal, idArg: string): Promise<PostingRecord> {
    assertMayManagePostings(actor, 'close job postings');
    const id = parseId(idArg, 'id');
    const current = await this.repo.findById(id);
    if (!current) throw notFound('JobPosting', idArg);
    assertCanManagePosting(actor, current, 'close this job posting');
    if (current.status === PostingStatus.CLOSED) return current;
    await this.index.record('posting', [id]);
    const saved = await this.repo.update(id, { status: PostingStatus.CLOSED, closedAt: this.clock.now() });
    if (!saved) throw notFound('JobPosting', idArg);
    await this.index.committed('posting', [id]);
    return saved;
  }

  /** Deletes the posting (its employer's recruiters, admins); false when there was none. */
  async delete(actor: Principal, idArg: string): Promise<boolean> {
    assertMayManagePostings(actor, 'delete job postings');
    const id = parseId(idArg, 'id');
    const current = await this.repo.findById(id);
    if (!current) return false;
    assertCanManagePosting(actor, current, 'delete this job posting');
    // Through the outbox like every index change: the drain finds it gone in MongoDB and deletes it.
    await this.index.record('posting', [id]);
    const deleted = await this.repo.deleteById(id);
    await this.index.committed('posting', [id]);
    return deleted;
  }

  /** Whether the employer still has postings (deleteEmployer refuses then). */
  async employerHasPostings(employerId: Types.ObjectId): Promise<boolean> {
    return this.repo.existsForEmployer(employerId);
  }

  private async validate(p: PostingData): Promise<void> {
    const problems = await postingProblems(p, this.qualifications);
    if (problems.length > 0) throw new InputProblemsError(problems);
  }
}
