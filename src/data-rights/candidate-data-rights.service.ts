// The candidate's data rights (DESIGN §9 "Erasure"): erasure and export, over the one list of
// holders (candidate-data-holders.ts). Allowed to the candidate's own key and to admins.
import type { Principal } from '../auth/principal.js';
import { assertCanManageCandidateData } from '../auth/access-policy.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { notFound } from '../shared/errors.js';
import { parseId } from '../shared/validation.js';
import { candidateDataHolders, type CandidateDataHolder, type HolderContext, type HolderServices } from './candidate-data-holders.js';

export class CandidateDataRightsService {
  private readonly holders: CandidateDataHolder[];

  constructor(
    private readonly services: HolderServices,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.holders = candidateDataHolders(services);
  }

  private async context(idArg: string): Promise<HolderContext> {
    const candidateId = parseId(idArg, 'id');
    return { candidateId, keys: await this.services.apiKeys.keysOfCandidate(candidateId) };
  }

  /**
   * Erases the candidate from every holder. Every holder runs even when the profile is gone
   * already, so an erasure cut short (a crash half-way) is completed by the next call. True
   * when anything was there; a second call returns false.
   */
  async erase(actor: Principal, idArg: string): Promise<boolean> {
    assertCanManageCandidateData(actor, idArg, 'delete the data');
    const ctx = await this.context(idArg);
    let changed = 0;
    for (const holder of this.holders) {
      const result = await holder.erase(ctx);
      changed += result.changed;
      if (result.indexed === false) {
        this.logger.warn(`Erasure of candidate ${idArg}: the search engine is unavailable; its removal is queued and applied when it returns`);
      }
    }
    return changed > 0;
  }

  /** Everything held about the candidate, one key per holder. */
  async export(actor: Principal, idArg: string): Promise<Record<string, unknown>> {
    assertCanManageCandidateData(actor, idArg, 'export the data');
    const ctx = await this.context(idArg);
    const out: Record<string, unknown> = { subject: { type: 'Candidate', id: ctx.candidateId.toHexString() }, exportedAt: this.clock.now().toISOString() };
    for (const holder of this.holders) out[holder.name] = await holder.export(ctx);
    if (out.candidate === null) throw notFound('Candidate', idArg);
    return out;
  }
}
