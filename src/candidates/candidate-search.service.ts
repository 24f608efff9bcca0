// Recruiters', job boards' and admins' search of discoverable candidates, and the admins' full
// list. The engine retrieves and orders ids (words and every CandidateFilter field are engine
// filters); MongoDB supplies the page's records, and has the last word over a lagging index.
import { Types } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import { assertMayListCandidates, assertMaySearchCandidates } from '../auth/access-policy.js';
import type { QualificationService } from '../qualifications/qualification.service.js';
import type { CandidateFacetCounts, CandidateSearchFilter, SearchEngine } from '../search/search-engine.js';
import { postingDegreeTokens, requiredQualificationToken } from '../search/documents/search-tokens.js';
import { normalizeCode, normalizeState, normalizeTerms } from '../shared/normalize.js';
import type { Clock } from '../shared/clock.js';
import { degreeRank, type CareSetting, type DegreeLevel } from '../shared/enums.js';
import { keysetWindow, type KeysetPage } from '../shared/keyset-pagination.js';
import { pageFromHits, pageWindow, type Page } from '../shared/pagination.js';
import { InputChecks, isUsState } from '../shared/validation.js';
import { distanceFromCentre, resolveNear, type GeoRadiusArgs } from '../geo/geo-input.js';
import type { CandidateRecord } from './candidate.model.js';
import type { CandidateRepository } from './candidate.repository.js';

export interface CandidateFilterArgs {
  states?: string[] | null;
  qualifications?: { code: string; state?: string | null }[] | null;
  minDegree?: { minLevel: DegreeLevel; fields?: string[] | null } | null;
  minYearsExperience?: number | null;
  settings?: CareSetting[] | null;
  near?: GeoRadiusArgs | null;
}

export interface SearchCandidatesArgs {
  query?: string | null;
  filter?: CandidateFilterArgs | null;
  first?: number | null;
  after?: string | null;
}

/** What a candidate connection's facets are counted over. */
export type CandidateFacetSource =
  | { kind: 'search'; text: string | null; filter: CandidateSearchFilter | null }
  | { kind: 'list' };

export interface CandidateHit {
  candidate: CandidateRecord;
  distanceMiles: number | null;
}

const MAX_QUERY_LENGTH = 200;
const MAX_YEARS = 60;
/** DESIGN §10: every list in an input has a maximum. */
const MAX_LIST = 100;

export class CandidateSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly repo: CandidateRepository,
    private readonly qualifications: QualificationService,
    private readonly clock: Clock,
  ) {}

  async search(actor: Principal, args: SearchCandidatesArgs): Promise<{ page: Page<CandidateHit>; facets: CandidateFacetSource }> {
    assertMaySearchCandidates(actor);
    const checks = new InputChecks();
    const text = args.query?.trim() ?? '';
    checks.require(text.length <= MAX_QUERY_LENGTH, 'query', `must be at most ${MAX_QUERY_LENGTH} characters`);
    const filter = await this.checkFilter(args.filter, checks);
    checks.throwIfAny();
    const { offset, limit } = pageWindow(args.first, args.after);
    const res = await this.engine.searchCandidates({ text: text || null, filter, today: this.clock.today(), offset, limit });
    const records = await this.repo.findForPage(res.ids.map((id) => new Types.ObjectId(id)));
    const near = filter?.near ?? null;
    const page = pageFromHits(records, offset, res.total, (c) =>
      c.discoverable ? { candidate: c, distanceMiles: near ? distanceFromCentre(near, c) : null } : null,
    );
    return { page, facets: { kind: 'search', text: text || null, filter } };
  }

  /** Admins: every candidate, discoverable or not, newest first. */
  async list(actor: Principal, first: number | null, after: string | null): Promise<KeysetPage<CandidateRecord>> {
    assertMayListCandidates(actor);
    return this.repo.listNewest(keysetWindow(first, after));
  }

  async facets(source: CandidateFacetSource): Promise<CandidateFacetCounts> {
    const codes = [...(await this.qualifications.catalog()).keys()].sort();
    if (source.kind === 'list') return this.repo.facets(this.clock.today(), codes);
    return this.engine.candidateFacets({ text: source.text, filter: source.filter, today: this.clock.today(), qualificationCodes: codes });
  }

  /** Validates the filter and resolves it for the engine: codes to tokens, zip to a centre. */
  private async checkFilter(f: CandidateFilterArgs | null | undefined, checks: InputChecks): Promise<CandidateSearchFilter | null> {
    if (!f) return null;
    const catalog = await this.qualifications.catalog();
    for (const [field, list] of [['states', f.states], ['qualifications', f.qualifications], ['minDegree.fields', f.minDegree?.fields]] as const) {
      checks.require((list?.length ?? 0) <= MAX_LIST, `filter.${field}`, `must have at most ${MAX_LIST} items`);
    }
    const states = f.states?.map((s) => normalizeState(s) ?? '');
    states?.forEach((s, i) => checks.require(isUsState(s), `filter.states[${i}]`, 'must be a two-letter US state code'));
    const qualificationTokens = (f.qualifications ?? []).map((q, i) => {
      const code = normalizeCode(q.code);
      const state = normalizeState(q.state) || null;
      const entry = catalog.get(code);
      if (!entry) checks.add(`filter.qualifications[${i}].code`, `unknown qualification code ${JSON.stringify(q.code)}`);
      if (state) checks.require(isUsState(state), `filter.qualifications[${i}].state`, 'must be a two-letter US state code');
      return requiredQualificationToken(code, state, entry?.stateSpecific === true);
    });
    const fields = normalizeTerms(f.minDegree?.fields ?? []);
    f.minDegree?.fields?.forEach((field, i) => checks.require(field.trim() !== '', `filter.minDegree.fields[${i}]`, 'must not be empty'));
    const years = f.minYearsExperience;
    if (years != null) {
      checks.require(Number.isFinite(years) && years >= 0 && years <= MAX_YEARS, 'filter.minYearsExperience', `must be between 0 and ${MAX_YEARS}`);
    }
    return {
      states,
      qualificationTokens,
      degreeTokens: f.minDegree ? postingDegreeTokens(degreeRank(f.minDegree.minLevel), [...new Set(fields)]) : null,
      minYearsExperience: years ?? null,
      settings: f.settings ?? null,
      near: resolveNear(f.near, 'filter.near', checks),
    };
  }
}
