// Feeds out and in: a posting as schema.org JSON-LD (for JobPosting.jsonLd and the crawler
// route GET /jobs/<id>.jsonld), and JSON-LD documents imported through the bulk upsert. The
// mapping itself is pure (json-ld/); this service only supplies the employer and catalog.
import type { JobPosting, WithContext } from 'schema-dts';
import type { Principal } from '../auth/principal.js';
import { assertCanManagePosting } from '../auth/access-policy.js';
import type { EmployerService } from '../employers/employer.service.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { Clock } from '../shared/clock.js';
import { PostingStatus } from '../shared/enums.js';
import { LIMITS } from '../shared/input-limits.js';
import { InputProblemsError, isObjectId, parseId } from '../shared/validation.js';
import type { BulkItem, BulkOutcome, PostingBulkService } from './posting-bulk.service.js';
import type { PostingService } from './posting.service.js';
import { postingToJsonLd, type JsonLdPostingSource } from './json-ld/posting-to-json-ld.js';
import { jsonLdToPosting } from './json-ld/json-ld-to-posting.js';
import { toPostingView } from './posting.types.js';

export class PostingFeedService {
  constructor(
    private readonly postings: PostingService,
    private readonly bulk: PostingBulkService,
    private readonly employers: EmployerService,
    private readonly qualifications: QualificationService,
    private readonly clock: Clock,
  ) {}

  /** The posting's JSON-LD; `employerName` from the request's loader. */
  async jsonLd(p: JsonLdPostingSource, employerName: string): Promise<WithContext<JobPosting>> {
    const catalog = await this.qualifications.catalog();
    return postingToJsonLd(p, { employerName, qualificationName: (code) => catalog.get(code)?.name });
  }

  /** For crawlers: an open posting's JSON-LD, or null (unknown id, malformed id, closed). */
  async openPostingJsonLd(id: string): Promise<WithContext<JobPosting> | null> {
    if (!isObjectId(id)) return null;
    const record = await this.postings.get(id);
    if (!record || record.status !== PostingStatus.OPEN) return null;
    const [employer] = await this.employers.findByIds([record.employerId]);
    return this.jsonLd(toPostingView(record), employer?.name ?? '');
  }

  /** JSON-LD documents of one employer, mapped and then upserted like upsertJobPostings items. */
  async importJsonLd(actor: Principal, employerIdArg: string, documents: readonly unknown[]): Promise<BulkOutcome> {
    assertCanManagePosting(actor, { employerId: employerIdArg.toLowerCase() }, 'import job postings for this employer');
    if (documents.length > LIMITS.bulkItems) {
      throw new InputProblemsError([{ field: 'documents', problem: `at most ${LIMITS.bulkItems} entries (got ${documents.length})` }]);
    }
    const employerId = parseId(employerIdArg, 'employerId');
    await this.employers.require(employerId, 'employerId');
    const catalog = [...(await this.qualifications.catalog()).values()].map((q) => ({ code: q.code, name: q.name }));
    const now = this.clock.now();
    const items: BulkItem[] = documents.map((doc) => {
      const size = JSON.stringify(doc ?? null).length;
      if (size > LIMITS.jsonLdDocument) {
        return { externalRef: null, failed: { code: 'BAD_USER_INPUT', field: 'document', message: `document: at most ${LIMITS.jsonLdDocument} characters of JSON (got ${size})` } };
      }
      const mapped = jsonLdToPosting(doc, catalog, now);
      if (!mapped.ok) return { externalRef: null, failed: { code: 'BAD_USER_INPUT', field: mapped.field, message: mapped.message } };
      const { postedAt, ...posting } = mapped.posting;
      return { ...posting, employerId: employerIdArg, postedAt: postedAt && postedAt < now ? postedAt : null };
    });
    return this.bulk.upsert(actor, items);
  }
}
