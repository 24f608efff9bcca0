// Career and market intelligence from the index (DESIGN §9 "Career steps", "Talent supply"):
// the engine counts (search/career-queries.ts), the pure rules in src/matching form, order
// and word the answers. Access is that of the ranked lists the counts summarise: nextSteps as
// matchesForCandidate, talentSupply as candidatesForPosting.
import type { Principal } from '../auth/principal.js';
import { assertCanRankCandidatesFor, assertCanSeeMatchesOf, assertMayAskMatchesFor, assertMayManagePostings } from '../auth/access-policy.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { PostingService } from '../postings/posting.service.js';
import { checkPostingFilter, type PostingFilterArgs } from '../postings/posting-filter.validation.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { SearchEngine } from '../search/search-engine.js';
import { candidateProfile } from '../candidates/candidate-profile.js';
import { postingProfile } from '../postings/posting-profile.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { pageWindow } from '../shared/pagination.js';
import { InputChecks, parseId } from '../shared/validation.js';
import { yearsOfExperience } from '../matching/experience.js';
import { careerStepView, orderSteps, type CareerStepView } from '../matching/career-steps.js';
import { postingRequirementSet, relaxationViews, relaxationsOf, type RelaxationView } from '../matching/talent-supply.js';
import { requirementFilter } from '../search/documents/requirement-filter.js';

/** nextSteps' default page (the contract's `first = 5`). */
export const DEFAULT_STEPS = 5;

export interface TalentSupplyView {
  eligible: number;
  relaxations: RelaxationView[];
}

export class CareerMarketService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly postings: PostingService,
    private readonly candidates: CandidateService,
    private readonly qualifications: QualificationService,
    private readonly clock: Clock,
  ) {}

  async nextSteps(actor: Principal, candidateIdArg: string, args: { filter?: PostingFilterArgs | null; first?: number | null }): Promise<CareerStepView[]> {
    assertMayAskMatchesFor(actor, candidateIdArg);
    const candidateId = parseId(candidateIdArg, 'candidateId');
    const checks = new InputChecks();
    const filter = checkPostingFilter(args.filter, checks);
    checks.throwIfAny();
    // Same bounds and message as a page's `first` (1..100).
    const { limit } = pageWindow(args.first ?? DEFAULT_STEPS, null);
    const [candidate] = await this.candidates.findByIds([candidateId]);
    if (!candidate) throw notFound('Candidate', candidateIdArg);
    assertCanSeeMatchesOf(actor, candidate);

    const today = this.clock.today();
    const profile = candidateProfile(candidate);
    const steps = await this.engine.careerSteps({ candidate: profile, filter, catalog: await this.qualifications.catalog(), today });
    const years = yearsOfExperience(profile.experience, today);
    return orderSteps(steps, limit).map((s) => careerStepView(s, years));
  }

  async talentSupply(actor: Principal, postingIdArg: string): Promise<TalentSupplyView> {
    assertMayManagePostings(actor, 'read the talent supply of a posting');
    const postingId = parseId(postingIdArg, 'postingId');
    const [posting] = await this.postings.findByIds([postingId]);
    if (!posting) throw notFound('JobPosting', postingIdArg);
    assertCanRankCandidatesFor(actor, posting);

    const requirements = postingRequirementSet(postingProfile(posting), await this.qualifications.catalog());
    const relaxations = relaxationsOf(requirements);
    const filters = [requirements, ...relaxations.map((r) => r.requirements)].map(requirementFilter);
    const [eligible, ...counts] = await this.engine.countCandidates({ filters, today: this.clock.today() });
    return { eligible, relaxations: relaxationViews(requirements, relaxations, eligible, counts) };
  }
}
