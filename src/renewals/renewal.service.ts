// renewalsDue (DESIGN §9 "Renewal"): a candidate's held qualifications due within a number
// of days (lapsed ones too), soonest first, each with the open postings it keeps them
// eligible for. Those are counted by the search engine (eligible on today, requiring the code,
// page of one: only the total is read), never by loading postings here.
import type { Principal } from '../auth/principal.js';
import { assertMaySeeRenewalsOf } from '../auth/access-policy.js';
import { candidateProfile } from '../candidates/candidate-profile.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { QualificationRecord } from '../qualifications/qualification.model.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { SearchEngine } from '../search/search-engine.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { InputChecks, parseId } from '../shared/validation.js';
import { daysUntil, type RenewalStatus } from '../matching/renewal.js';

/** withinDays from 0 to ten years: a renewal cycle is at most a few years. */
export const MAX_WITHIN_DAYS = 3650;

export interface RenewalDueItem {
  qualification: QualificationRecord;
  state: string | null;
  renewal: RenewalStatus;
  matchesAtRisk: number;
}

export class RenewalService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly candidates: CandidateService,
    private readonly qualifications: QualificationService,
    private readonly clock: Clock,
  ) {}

  async renewalsDue(actor: Principal, candidateIdArg: string, withinDays: number | null | undefined): Promise<RenewalDueItem[]> {
    assertMaySeeRenewalsOf(actor, candidateIdArg);
    const candidateId = parseId(candidateIdArg, 'candidateId');
    const within = withinDays ?? 180;
    new InputChecks()
      .require(Number.isInteger(within) && within >= 0 && within <= MAX_WITHIN_DAYS, 'withinDays', `must be from 0 to ${MAX_WITHIN_DAYS}`)
      .throwIfAny();
    const [candidate] = await this.candidates.findByIds([candidateId]);
    if (!candidate) throw notFound('Candidate', candidateIdArg);

    const catalog = await this.qualifications.catalog();
    const today = this.clock.today();
    const due: Omit<RenewalDueItem, 'matchesAtRisk'>[] = [];
    for (const held of candidate.qualifications) {
      const entry = catalog.get(held.code);
      if (!entry) continue;
      const renewal = this.candidates.renewal(held, entry);
      if (renewal.dueOn !== null && daysUntil(renewal.dueOn, today) <= within) due.push({ qualification: entry, state: held.state, renewal });
    }
    due.sort(
      (a, b) =>
        cmp(a.renewal.dueOn!, b.renewal.dueOn!) || cmp(a.qualification.code, b.qualification.code) || cmp(a.state ?? '', b.state ?? ''),
    );

    // "Open postings the candidate is eligible for today that require it": per code, so a
    // licence held in two states shows the same count on both rows.
    const profile = candidateProfile(candidate);
    const counts = new Map<string, Promise<number>>();
    const countFor = (code: string): Promise<number> => {
      let n = counts.get(code);
      if (!n) {
        n = this.engine
          .rankPostingsForCandidate({ candidate: profile, filter: { requiredCode: code }, includeIneligible: false, catalog, today, offset: 0, limit: 1 })
          .then((page) => page.total);
        counts.set(code, n);
      }
      return n;
    };
    return Promise.all(due.map(async (d) => ({ ...d, matchesAtRisk: await countFor(d.qualification.code) })));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
