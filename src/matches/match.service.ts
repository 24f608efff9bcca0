// Ranked, explained matches both ways. The engine filters and orders over the whole index;
// this service loads only the page's records from MongoDB and computes each exact score and
// explanation with the pure matching module.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { assertCanRankCandidatesFor, assertCanSeeMatchesOf, assertMayAskMatchesFor, assertMayManagePostings } from '../auth/access-policy.js';
import type { CandidateRecord } from '../candidates/candidate.model.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { PostingRecord } from '../postings/posting.model.js';
import type { PostingService } from '../postings/posting.service.js';
import { checkPostingFilter, type PostingFilterArgs } from '../postings/posting-filter.validation.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { SearchEngine } from '../search/search-engine.js';
import { candidateProfile } from '../candidates/candidate-profile.js';
import { postingProfile } from '../postings/posting-profile.js';
import type { Clock } from '../shared/clock.js';
import { PostingStatus } from '../shared/enums.js';
import { notFound } from '../shared/errors.js';
import { pageFromHits, pageWindow, type Page } from '../shared/pagination.js';
import { InputChecks, parseId } from '../shared/validation.js';
import { matchCandidateToPosting } from '../matching/match.js';
import type { MatchResult } from '../matching/matching.types.js';
import { distanceFromCentre } from '../geo/geo-input.js';

export interface MatchPageArgs {
  includeIneligible?: boolean | null;
  first?: number | null;
  after?: string | null;
}

export interface JobMatchItem {
  posting: PostingRecord;
  result: MatchResult;
  /** Miles from filter.near's centre, when it is given. */
  distanceMiles: number | null;
}

export interface CandidateMatchItem {
  candidate: CandidateRecord;
  result: MatchResult;
}

export class MatchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly postings: PostingService,
    private readonly candidates: CandidateService,
    private readonly qualifications: QualificationService,
    private readonly clock: Clock,
  ) {}

  async matchesForCandidate(
    actor: Principal,
    candidateIdArg: string,
    args: MatchPageArgs & { filter?: PostingFilterArgs | null; asOf?: string | null },
  ): Promise<Page<JobMatchItem>> {
    assertMayAskMatchesFor(actor, candidateIdArg);
    const candidateId = parseId(candidateIdArg, 'candidateId');
    const checks = new InputChecks();
    const filter = checkPostingFilter(args.filter, checks);
    // DESIGN §9 asOf: eligibility and score on that day (a start date, a renewal), never the past.
    const today = this.clock.today();
    if (args.asOf != null) checks.require(args.asOf >= today, 'asOf', `must not be before today (${today})`);
    checks.throwIfAny();
    const on = args.asOf ?? today;
    const window = pageWindow(args.first, args.after);
    const [candidate] = await this.candidates.findByIds([candidateId]);
    if (!candidate) throw notFound('Candidate', candidateIdArg);
    assertCanSeeMatchesOf(actor, candidate);

    // Keyed by upper-case code already (upsert normalises), so it is the matching module's lookup.
    const catalog = await this.qualifications.catalog();
    const profile = candidateProfile(candidate);
    const page = await this.engine.rankPostingsForCandidate({
      candidate: profile,
      filter,
      includeIneligible: args.includeIneligible ?? false,
      catalog,
      today: on,
      ...window,
    });
    const records = await this.postings.findForPage(page.hits.map((h) => new Types.ObjectId(h.id)));
    // MongoDB has the last word over a lagging index: a closed posting or a changed requirement.
    return pageFromHits(records, window.offset, page.total, (posting) => {
      if (posting.status !== PostingStatus.OPEN) return null;
      const result = matchCandidateToPosting(profile, postingProfile(posting), catalog, on);
      const distanceMiles = filter?.near ? distanceFromCentre(filter.near, posting) : null;
      return result.eligible || args.includeIneligible ? { posting, result, distanceMiles } : null;
    });
  }

  async candidatesForPosting(actor: Principal, postingIdArg: string, args: MatchPageArgs): Promise<Page<CandidateMatchItem>> {
    assertMayManagePostings(actor, 'rank candidates for a posting');
    const postingId = parseId(postingIdArg, 'postingId');
    const window = pageWindow(args.first, args.after);
    const [posting] = await this.postings.findByIds([postingId]);
    if (!posting) throw notFound('JobPosting', postingIdArg);
    assertCanRankCandidatesFor(actor, posting);

    // Keyed by upper-case code already (upsert normalises), so it is the matching module's lookup.
    const catalog = await this.qualifications.catalog();
    const today = this.clock.today();
    const profile = postingProfile(posting);
    const page = await this.engine.rankCandidatesForPosting({
      posting: profile,
      includeIneligible: args.includeIneligible ?? false,
      catalog,
      today,
      ...window,
    });
    const records = await this.candidates.findForPage(page.hits.map((h) => new Types.ObjectId(h.id)));
    return pageFromHits(records, window.offset, page.total, (candidate) => {
      if (!candidate.discoverable) return null;
      const result = matchCandidateToPosting(candidateProfile(candidate), profile, catalog, today);
      return result.eligible || args.includeIneligible ? { candidate, result } : null;
    });
  }
}
