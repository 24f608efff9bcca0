import type { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { requireAdmin } from '../auth/access-policy.js';
import { notFound } from '../shared/errors.js';
import type { CareSetting } from '../shared/enums.js';
import { InputChecks, isUsState, parseId } from '../shared/validation.js';
import { normalizeState } from '../shared/normalize.js';
import { enforceInputLimits } from '../shared/input-limits.js';
import type { EmployerRepository } from './employer.repository.js';
import type { EmployerRecord } from './employer.model.js';
import { keysetWindow, type KeysetPage } from '../shared/keyset-pagination.js';

export interface EmployerInputData {
  name: string;
  setting: CareSetting;
  city?: string | null;
  state?: string | null;
}

const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 20_000;

export class EmployerService {
  /**
   * Every ranked page names up to 20 employers. Employers change rarely (no update operation
   * exists), so a short per-process cache saves those look-ups; across instances an entry is
   * at most CACHE_TTL_MS old (a shared cache would be Redis).
   */
  private readonly cache = new Map<string, { record: EmployerRecord; at: number }>();

  constructor(private readonly repo: EmployerRepository) {}

  async get(id: string): Promise<EmployerRecord | null> {
    return this.repo.findById(parseId(id, 'id'));
  }

  /** Public list by name A-Z; `query` matches any part of the name, in any case. */
  async list(query: string | null, first: number | null, after: string | null): Promise<KeysetPage<EmployerRecord>> {
    const text = query?.trim() ?? '';
    new InputChecks().require(text.length <= 200, 'query', 'must be at most 200 characters').throwIfAny();
    return this.repo.list(text || null, keysetWindow(first, after));
  }

  async require(id: Types.ObjectId, field: string): Promise<EmployerRecord> {
    const employer = await this.repo.findById(id);
    if (!employer) throw notFound('Employer', `${id.toHexString()} (${field})`);
    return employer;
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(EmployerRecord | undefined)[]> {
    const now = Date.now();
    const fresh = (id: Types.ObjectId) => {
      const hit = this.cache.get(id.toHexString());
      return hit && now - hit.at < CACHE_TTL_MS ? hit.record : undefined;
    };
    const missing = ids.filter((id) => !fresh(id));
    if (missing.length > 0) {
      const loaded = await this.repo.findByIds(missing);
      if (this.cache.size + loaded.length > CACHE_MAX) this.cache.clear();
      for (const record of loaded) if (record) this.cache.set(record._id.toHexString(), { record, at: now });
    }
    return ids.map((id) => fresh(id) ?? this.cache.get(id.toHexString())?.record);
  }

  /** Deletes the record (callers check the rules: src/data-rights/record-deletion.service.ts). */
  async deleteRecord(id: Types.ObjectId): Promise<boolean> {
    this.cache.delete(id.toHexString());
    return this.repo.deleteById(id);
  }

  async create(actor: Principal, input: EmployerInputData, id?: Types.ObjectId): Promise<EmployerRecord> {
    requireAdmin(actor, 'create employers');
    enforceInputLimits('EmployerInput', input);
    const state = normalizeState(input.state);
    new InputChecks()
      .require(input.name.trim().length > 0, 'input.name', 'must not be empty')
      .require(!state || isUsState(state), 'input.state', 'must be a two-letter US state code')
      .throwIfAny();
    return this.repo.create(
      { name: input.name.trim(), setting: input.setting, city: input.city?.trim() || null, state: state || null },
      id,
    );
  }
}
