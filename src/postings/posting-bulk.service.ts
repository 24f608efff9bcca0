// Bulk upsert of postings from a feed (DESIGN §9 "Bulk upsert"): up to 1,000 items, each
// checked on its own with the rules and messages of createJobPosting (posting-input.ts), then
// every valid change written in bulk (posting-bulk-writer.ts) and handed to the index as ONE
// outbox entry (recordBatch; the drain or the change log makes one engine call of it). Items
// that would change nothing are "unchanged": not written, not indexed. Results come back in
// request order. With LOG_LEVEL=debug each call logs where its time went.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { assertCanManagePosting, assertMayManagePostings } from '../auth/access-policy.js';
import type { EmployerRecord } from '../employers/employer.model.js';
import type { EmployerService } from '../employers/employer.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { IndexChangeSink } from '../shared/index-change-sink.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { enforceInputLimits, LIMITS } from '../shared/input-limits.js';
import { InputProblemsError, isObjectId } from '../shared/validation.js';
import type { Logger } from '../shared/logger.js';
import { PhaseTimer } from '../shared/phase-timer.js';
import type { PostingData, PostingRepository } from './posting.repository.js';
import { buildPostingData, feedKeyOf, feedPostingId, postingProblems, type PostingInputFields } from './posting-input.js';
import { PostingBulkWriter } from './posting-bulk-writer.js';

export interface PostingUpsertData extends PostingInputFields {
  externalRef: string;
  employerId: string;
  /** Imports only (JSON-LD datePosted): the posting date of a new posting. */
  postedAt?: Date | null;
}

export interface BulkItemError {
  code: string;
  message: string;
  field: string | null;
}

export type BulkOutcomeKind = 'created' | 'updated' | 'unchanged' | 'failed';

export interface BulkItemOutcome {
  index: number;
  externalRef: string | null;
  id: string | null;
  outcome: BulkOutcomeKind;
  error: BulkItemError | null;
}

export interface BulkOutcome {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  items: BulkItemOutcome[];
}

/** An item refused before it became an upsert input (e.g. a JSON-LD document that does not map). */
export interface PreFailedItem {
  failed: BulkItemError;
  externalRef: string | null;
}

export type BulkItem = PostingUpsertData | PreFailedItem;

/** `input.salaryMin` -> `salaryMin`: the bulk error names the item's own field. */
const itemField = (field: string | undefined): string | null => (field ? field.replace(/^input\./, '') : null);

function errorOf(err: unknown): BulkItemError {
  if (err instanceof DomainError) return { code: err.code, message: err.message, field: itemField(err.field) };
  throw err;
}

interface Pending {
  index: number;
  externalRef: string;
  employer: EmployerRecord;
  input: PostingUpsertData;
}

const CONFLICT: BulkItemError = {
  code: 'CONFLICT',
  message: 'input.externalRef: another request wrote a posting with this externalRef at the same time; send the item again',
  field: 'externalRef',
};
const WRITE_FAILED: BulkItemError = { code: 'INTERNAL_SERVER_ERROR', message: 'The item could not be written; send it again', field: null };

export class PostingBulkService {
  private readonly writer: PostingBulkWriter;

  constructor(
    repo: PostingRepository,
    private readonly employers: EmployerService,
    private readonly qualifications: QualificationService,
    index: IndexChangeSink,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {
    this.writer = new PostingBulkWriter(repo, index);
  }

  async upsert(actor: Principal, items: readonly BulkItem[]): Promise<BulkOutcome> {
    assertMayManagePostings(actor, 'upsert job postings');
    if (items.length > LIMITS.bulkItems) {
      throw new InputProblemsError([{ field: 'inputs', problem: `at most ${LIMITS.bulkItems} entries (got ${items.length})` }]);
    }
    const now = this.clock.now();
    const timer = new PhaseTimer();
    const results: BulkItemOutcome[] = items.map((item, index) => ({
      index,
      externalRef: 'failed' in item ? item.externalRef : (item.externalRef?.trim() ?? null),
      id: null,
      outcome: 'failed',
      error: 'failed' in item ? item.failed : null,
    }));
    const fail = (index: number, error: BulkItemError) => Object.assign(results[index], { outcome: 'failed', id: null, error });

    // 1. What can be checked on the item alone: limits, ids, ownership.
    const checked: { index: number; input: PostingUpsertData; employerId: Types.ObjectId }[] = [];
    items.forEach((item, index) => {
      if ('failed' in item) return;
      try {
        enforceInputLimits('JobPostingUpsertInput', item);
        if (!isObjectId(item.employerId)) throw new InputProblemsError([{ field: 'input.employerId', problem: 'is not a valid id' }]);
        if (!item.externalRef.trim()) throw new InputProblemsError([{ field: 'input.externalRef', problem: 'must not be empty' }]);
        assertCanManagePosting(actor, { employerId: item.employerId.toLowerCase() }, 'upsert job postings for this employer');
        checked.push({ index, input: item, employerId: new Types.ObjectId(item.employerId) });
      } catch (err) {
        fail(index, { ...errorOf(err), field: errorOf(err).field ?? 'employerId' });
      }
    });

    // 2. Employers (one look-up for the batch), duplicates within the request, the posting rules.
    const employerIds = [...new Map(checked.map((c) => [c.employerId.toHexString(), c.employerId])).values()];
    const employers = new Map((await this.employers.findByIds(employerIds)).flatMap((e) => (e ? [[e._id.toHexString(), e] as const] : [])));
    const firstAt = new Map<string, number>();
    const pending: (Pending & { data: PostingData })[] = [];
    for (const c of checked) {
      const employer = employers.get(c.employerId.toHexString());
      if (!employer) {
        fail(c.index, { code: 'NOT_FOUND', message: `Employer ${JSON.stringify(`${c.input.employerId} (input.employerId)`)} was not found`, field: 'employerId' });
        continue;
      }
      const externalRef = c.input.externalRef.trim();
      const key = feedKeyOf(employer._id, externalRef)!;
      const earlier = firstAt.get(key);
      if (earlier !== undefined) {
        fail(c.index, { code: 'BAD_USER_INPUT', message: `input.externalRef: appears more than once for this employer in the request (first at index ${earlier})`, field: 'externalRef' });
        continue;
      }
      firstAt.set(key, c.index);
      const data = buildPostingData({ ...c.input, externalRef }, employer, now, c.input.postedAt);
      const problems = await postingProblems(data, this.qualifications);
      if (problems.length > 0) {
        fail(c.index, errorOf(new InputProblemsError(problems)));
        continue;
      }
      pending.push({ index: c.index, externalRef, employer, input: c.input, data });
    }

    // 3. What is stored, what changed, the writes and the index (posting-bulk-writer.ts).
    timer.lap('validate');
    const writes = await this.writer.write(pending.map((p) => ({ index: p.index, data: p.data, id: feedPostingId(p.data.feedKey!) })), now, timer);
    for (const w of writes) {
      if ('failed' in w) fail(w.index, { ...(w.failed === 'conflict' ? CONFLICT : WRITE_FAILED) });
      else Object.assign(results[w.index], { id: w.id, outcome: w.outcome, error: null });
    }
    timer.log(this.logger, 'upsertJobPostings', { items: items.length, written: writes.filter((w) => 'outcome' in w && w.outcome !== 'unchanged').length });

    const count = (kind: BulkOutcomeKind) => results.filter((r) => r.outcome === kind).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), failed: count('failed'), items: results };
  }
}
