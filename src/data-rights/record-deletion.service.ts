// deleteEmployer: admins only, refused (CONFLICT) while the employer has postings of any
// status, so no posting is left pointing at nothing. Its recruiter keys are revoked with it.
import type { Principal } from '../auth/principal.js';
import { requireAdmin } from '../auth/access-policy.js';
import type { ApiKeyService } from '../api-keys/api-key.service.js';
import type { EmployerService } from '../employers/employer.service.js';
import type { PostingService } from '../postings/posting.service.js';
import { conflict } from '../shared/errors.js';
import { parseId } from '../shared/validation.js';

export class RecordDeletionService {
  constructor(
    private readonly employers: EmployerService,
    private readonly postings: PostingService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async deleteEmployer(actor: Principal, idArg: string): Promise<boolean> {
    requireAdmin(actor, 'delete employers');
    const id = parseId(idArg, 'id');
    if (!(await this.employers.get(idArg))) return false;
    if (await this.postings.employerHasPostings(id)) {
      throw conflict('id', 'the employer still has job postings; delete them first (deleteJobPosting)');
    }
    const deleted = await this.employers.deleteRecord(id);
    if (deleted) await this.apiKeys.revokeEmployerKeys(id);
    return deleted;
  }
}
