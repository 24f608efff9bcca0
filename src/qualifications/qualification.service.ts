// The credential catalog. Every other feature validates codes and reads stateSpecific
// through this service; the catalog is small, so it is cached per process and refreshed on
// write here and after a short TTL (other instances' writes; a shared cache would be Redis).
import type { Principal } from '../auth/principal.js';
import { requireAdmin } from '../auth/access-policy.js';
import type { QualificationKind } from '../shared/enums.js';
import type { IndexChangeSink } from '../shared/index-change-sink.js';
import { normalizeCode } from '../shared/normalize.js';
import { InputChecks } from '../shared/validation.js';
import type { QualificationRepository } from './qualification.repository.js';
import type { QualificationRecord } from './qualification.model.js';

export interface QualificationInputData {
  code: string;
  name: string;
  kind: QualificationKind;
  issuer?: string | null;
  stateSpecific?: boolean | null;
  renewalMonths?: number | null;
  continuingEducationHours?: number | null;
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const CACHE_TTL_MS = 30_000;

export class QualificationService {
  private cache: { at: number; byCode: Map<string, QualificationRecord> } | null = null;

  constructor(
    private readonly repo: QualificationRepository,
    private readonly index: IndexChangeSink,
  ) {}

  async list(kind?: QualificationKind): Promise<QualificationRecord[]> {
    const all = [...(await this.catalog()).values()].sort((a, b) => a.code.localeCompare(b.code));
    return kind ? all.filter((q) => q.kind === kind) : all;
  }

  async catalog(): Promise<ReadonlyMap<string, QualificationRecord>> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_TTL_MS) {
      const rows = await this.repo.findAll();
      this.cache = { at: Date.now(), byCode: new Map(rows.map((q) => [q.code, q])) };
    }
    return this.cache.byCode;
  }

  /** Records a problem for every code in `codes` that the catalog lacks. */
  async checkCodesExist(codes: readonly string[], field: string, checks: InputChecks): Promise<void> {
    const catalog = await this.catalog();
    codes.forEach((code, i) => {
      if (!catalog.has(code)) checks.add(`${field}[${i}]`, `unknown qualification code ${JSON.stringify(code)}`);
    });
  }

  async upsert(actor: Principal, input: QualificationInputData): Promise<QualificationRecord> {
    requireAdmin(actor, 'change the qualification catalog');
    const code = normalizeCode(input.code);
    const checks = new InputChecks()
      .require(CODE_PATTERN.test(code), 'input.code', 'must be 1-20 upper-case letters, digits or dashes')
      .require(input.name.trim().length > 0, 'input.name', 'must not be empty')
      .require(input.renewalMonths == null || input.renewalMonths > 0, 'input.renewalMonths', 'must be positive')
      .require(
        input.continuingEducationHours == null || input.continuingEducationHours >= 0,
        'input.continuingEducationHours',
        'must not be negative',
      );
    checks.throwIfAny();
    this.cache = null;
    const before = (await this.catalog()).get(code);
    const saved = await this.repo.upsertByCode({
      code,
      name: input.name.trim(),
      kind: input.kind,
      issuer: input.issuer?.trim() || null,
      stateSpecific: input.stateSpecific ?? false,
      renewalMonths: input.renewalMonths ?? null,
      continuingEducationHours: input.continuingEducationHours ?? null,
    });
    this.cache = null;
    if (before && before.stateSpecific !== saved.stateSpecific) {
      // Search documents flatten a state-specific licence with the posting's state.
      await this.index.stateSpecificChanged(code);
    }
    return saved;
  }
}
