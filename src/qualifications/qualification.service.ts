// The credential catalog. Every other feature validates codes and reads stateSpecific
// through this service; the catalog is small, so it is cached per process and refreshed on
// write here and after a short TTL (other instances' writes; a shared cache would be Redis).
import type { Principal } from '../auth/principal.js';
import { requireAdmin } from '../auth/access-policy.js';
import type { QualificationKind } from '../shared/enums.js';
import { enforceInputLimits } from '../shared/input-limits.js';
import type { IndexChangeSink } from '../shared/index-change-sink.js';
import { normalizeCode } from '../shared/normalize.js';
import { InputChecks } from '../shared/validation.js';
import type { QualificationRepository } from './qualification.repository.js';
import type { QualificationRecord } from './qualification.model.js';
import { checkStateRenewals } from './qualification.validation.js';

export interface QualificationInputData {
  code: string;
  name: string;
  kind: QualificationKind;
  issuer?: string | null;
  stateSpecific?: boolean | null;
  renewalMonths?: number | null;
  continuingEducationHours?: number | null;
  renewalByState?: readonly { state: string; renewalMonths?: number | null; continuingEducationHours?: number | null }[] | null;
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const CACHE_TTL_MS = 30_000;

export class QualificationService {
  private cache: { at: number; byCode: Map<string, QualificationRecord> } | null = null;
  /** The reload in progress: concurrent callers share it (single flight) instead of each reading. */
  private loading: Promise<Map<string, QualificationRecord>> | null = null;
  /** Bumped by every write, so a reload that started before a write does not install stale rows. */
  private generation = 0;
  /** How many times the catalog was read from MongoDB (the single-flight test counts them). */
  loads = 0;

  constructor(
    private readonly repo: QualificationRepository,
    private readonly index: IndexChangeSink,
  ) {}

  async list(kind?: QualificationKind): Promise<QualificationRecord[]> {
    const all = [...(await this.catalog()).values()].sort((a, b) => a.code.localeCompare(b.code));
    return kind ? all.filter((q) => q.kind === kind) : all;
  }

  async catalog(): Promise<ReadonlyMap<string, QualificationRecord>> {
    if (this.cache && Date.now() - this.cache.at <= CACHE_TTL_MS) return this.cache.byCode;
    if (!this.loading) {
      const flight: Promise<Map<string, QualificationRecord>> = this.reload().finally(() => {
        if (this.loading === flight) this.loading = null;
      });
      this.loading = flight;
    }
    return this.loading;
  }

  private async reload(): Promise<Map<string, QualificationRecord>> {
    const generation = this.generation;
    this.loads++;
    const rows = await this.repo.findAll();
    const byCode = new Map(rows.map((q) => [q.code, q]));
    if (generation === this.generation) this.cache = { at: Date.now(), byCode };
    return byCode;
  }

  private invalidate(): void {
    this.generation++;
    this.cache = null;
    this.loading = null;
  }

  /** Records a problem for every code in `codes` that the catalog lacks. */
  async checkCodesExist(codes: readonly string[], field: string, checks: InputChecks): Promise<void> {
    const catalog = await this.catalog();
    codes.forEach((code, i) => {
      if (!catalog.has(code)) checks.add(`${field}[${i}]`, `unknown qualification code ${JSON.stringify(code)}`);
    });
  }

  /**
   * Gives entries of a database seeded before per-state cycles existed the seed's rows: only
   * where the field is absent, so an admin's edit (even to "none") is kept. Returns how many
   * entries it filled.
   */
  async fillAbsentRenewalByState(entries: readonly { code: string; renewalByState: QualificationInputData['renewalByState'] }[]): Promise<number> {
    let filled = 0;
    for (const e of entries) {
      const checks = new InputChecks();
      const rows = checkStateRenewals(e.renewalByState ?? [], checks);
      checks.throwIfAny();
      if (await this.repo.setRenewalByStateWhereAbsent(normalizeCode(e.code), rows)) filled++;
    }
    if (filled > 0) this.invalidate();
    return filled;
  }

  async upsert(actor: Principal, input: QualificationInputData): Promise<QualificationRecord> {
    requireAdmin(actor, 'change the qualification catalog');
    enforceInputLimits('QualificationInput', input);
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
    const renewalByState = checkStateRenewals(input.renewalByState ?? [], checks);
    checks.throwIfAny();
    this.invalidate();
    const before = (await this.catalog()).get(code);
    const saved = await this.repo.upsertByCode({
      code,
      name: input.name.trim(),
      kind: input.kind,
      issuer: input.issuer?.trim() || null,
      stateSpecific: input.stateSpecific ?? false,
      renewalMonths: input.renewalMonths ?? null,
      continuingEducationHours: input.continuingEducationHours ?? null,
      renewalByState,
    });
    this.invalidate();
    if (before && before.stateSpecific !== saved.stateSpecific) {
      // Search documents flatten a state-specific licence with the posting's state.
      await this.index.stateSpecificChanged(code);
    }
    return saved;
  }
}
