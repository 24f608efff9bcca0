import type { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { requireAdmin } from '../auth/access-policy.js';
import { notFound } from '../shared/errors.js';
import type { CareSetting } from '../shared/enums.js';
import { InputChecks, isUsState, normalizeState, parseId } from '../shared/validation.js';
import type { EmployerRepository } from './employer.repository.js';
import type { EmployerRecord } from './employer.model.js';

export interface EmployerInputData {
  name: string;
  setting: CareSetting;
  city?: string | null;
  state?: string | null;
}

export class EmployerService {
  constructor(private readonly repo: EmployerRepository) {}

  async get(id: string): Promise<EmployerRecord | null> {
    return this.repo.findById(parseId(id, 'id'));
  }

  async require(id: Types.ObjectId, field: string): Promise<EmployerRecord> {
    const employer = await this.repo.findById(id);
    if (!employer) throw notFound('Employer', `${id.toHexString()} (${field})`);
    return employer;
  }

  async findByIds(ids: readonly Types.ObjectId[]): Promise<(EmployerRecord | undefined)[]> {
    return this.repo.findByIds(ids);
  }

  async create(actor: Principal, input: EmployerInputData, id?: Types.ObjectId): Promise<EmployerRecord> {
    requireAdmin(actor, 'create employers');
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
