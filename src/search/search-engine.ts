// The search-engine port. MongoDB is the source of truth; an engine only holds the documents
// upserted into it (built by posting-document.ts / candidate-document.ts) and answers
// retrieval questions with ids in a deterministic order. Services load the page's entities
// from MongoDB and compute the exact explanation themselves.
//
// Catalog: which qualification codes are state-specific is passed with each ranking query
// (`catalog`, keyed by upper-case code, the matching module's shape), not to the constructor,
// so engines hold no catalog state. Posting documents
// carry required-qualification tokens computed with the catalog at build time; when a code's
// `stateSpecific` flag changes, the postings requiring it must be re-upserted (index-sync).
import type { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../shared/enums.js';
import type { GeoRadius } from '../matching/geo.js';
import type { FacetCount } from '../matching/facets.js';
import type {
  CandidateDegree,
  CandidateProfile,
  CatalogQualification,
  ExperienceInterval,
  IsoDate,
  PostingProfile,
} from '../matching/matching.types.js';
import type { CareerSearch } from './career-queries.js';

export type { CandidateCountsQuery, CareerStepsQuery } from './career-queries.js';

/** What the index knows about a posting. Free-text terms (skills, fields) are normalised. */
export interface PostingSearchDocument {
  id: string;
  /** The record's updatedAt in epoch ms when built from MongoDB: what reconciliation compares. */
  version?: number;
  title: string;
  description: string;
  employerId: string;
  employerName: string;
  setting: CareSetting;
  employmentType: EmploymentType;
  city: string | null;
  /** Two-letter upper-case code, or null. */
  state: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  /** salaryMax, else salaryMin: what `minSalary` is compared with (null: never reaches it). */
  salaryCeiling: number | null;
  status: PostingStatus;
  /** Epoch milliseconds. */
  postedAt: number;
  skills: string[];
  /** Rank in DEGREE_LEVEL_ORDER of the minimum degree, or null when no degree is required. */
  minDegreeRank: number | null;
  minDegreeFields: string[];
  /** The candidate must hold at least one of these degree tokens (see documents/search-tokens.ts). */
  degreeTokens: string[];
  minYearsExperience: number;
  /** Upper-case codes, in the posting's order. */
  requiredQualificationCodes: string[];
  /** One token per required code; state-specific codes carry the posting's state ("NHA_in_TX"). */
  requiredQualificationTokens: string[];
  preferredQualificationCodes: string[];
  /** Same token rule as the required ones: a preferred licence counts in the posting's state. */
  preferredQualificationTokens: string[];
  /** From the zip, else the city+state centroid (stored in MongoDB too); null: unknown. */
  latitude: number | null;
  longitude: number | null;
  /** salaryBand(salaryCeiling) (matching/facets.ts), the salaryBands facet's value. */
  salaryBand: string | null;
}

/** One held qualification as the candidate entered it (code and state upper case). */
export interface CandidateQualificationEntry {
  code: string;
  state: string | null;
  expiresOn: IsoDate | null;
}

/** What the index knows about a candidate. */
export interface CandidateSearchDocument {
  id: string;
  /** The record's updatedAt in epoch ms when built from MongoDB: what reconciliation compares. */
  version?: number;
  discoverable: boolean;
  state: string | null;
  /** Degree levels with normalised fields. */
  degrees: CandidateDegree[];
  /** Every degree token the candidate satisfies (see documents/search-tokens.ts). */
  degreeTokens: string[];
  qualifications: CandidateQualificationEntry[];
  /**
   * Token -> latest expiry epoch day (NO_EXPIRY_DAY when it never expires). Tokens are the bare
   * code, plus code+state for a qualification held with a state, so "held AND current on day D
   * AND granted in S" is the single comparison `qualificationExpiry[token(code, S)] >= D`.
   */
  qualificationExpiry: Record<string, number>;
  experience: ExperienceInterval[];
  /**
   * experienceGrowthAnchor() taken on `indexedOnDay`: experience days on a day d in
   * [indexedOnDay, experienceValidUntilDay) are `d - experienceEffectiveStartDay` while a
   * position is open, else `experienceClosedDays`; outside that range use the intervals.
   */
  indexedOnDay: number;
  experienceClosedDays: number;
  experienceEffectiveStartDay: number | null;
  experienceValidUntilDay: number | null;
  skills: string[];
  /** Free text searchCandidates matches (headline x3, experience titles and skills x2, summary x1). */
  headline: string | null;
  summary: string | null;
  experienceTitles: string[];
  /** Distinct settings of the experience entries (CandidateFilter.settings). */
  experienceSettings: CareSetting[];
  /** The highest degree level held, or null (the degreeLevels facet). */
  highestDegree: DegreeLevel | null;
  latitude: number | null;
  longitude: number | null;
}

/** A resolved `near` (the service turns a zip into its centroid): centre and radius in miles. */
export type GeoRadiusFilter = GeoRadius;

/**
 * GraphQL's PostingFilter. Absent, null and EMPTY lists all mean "no constraint"; states are
 * compared upper-cased; minSalary keeps postings whose salaryCeiling reaches it (postings with no
 * salary never do).
 */
export interface PostingSearchFilter {
  states?: readonly string[] | null;
  settings?: readonly CareSetting[] | null;
  employmentTypes?: readonly EmploymentType[] | null;
  remote?: boolean | null;
  minSalary?: number | null;
  employerId?: string | null;
  /** Postings located within the radius; remote postings never pass. */
  near?: GeoRadiusFilter | null;
  /**
   * Postings whose required qualification codes include this code (upper case). Not part of
   * GraphQL's PostingFilter: renewalsDue counts a candidate's matches that depend on a code.
   */
  requiredCode?: string | null;
}

/** RELEVANCE (default with words), NEWEST (default without), SALARY (ceiling desc), DISTANCE (needs near). */
export type PostingSortKey = 'RELEVANCE' | 'NEWEST' | 'SALARY' | 'DISTANCE';

export interface SearchPostingsQuery {
  /**
   * Words; blank means "every open posting, newest first". Any word may match; relevance is the
   * engine's own (BM25 embedded, Meilisearch ranking rules in production), so the two engines
   * may order equally relevant postings differently before the postedAt/id tie-break.
   */
  text?: string | null;
  filter?: PostingSearchFilter | null;
  /**
   * Default: RELEVANCE with words, NEWEST without. Ties: NEWEST postedAt desc then id asc;
   * SALARY salaryCeiling desc (no salary last), then postedAt desc, id asc; DISTANCE distance
   * asc, then id asc. RELEVANCE ties follow the engine (see `text`).
   */
  sort?: PostingSortKey | null;
  offset: number;
  limit: number;
}

export interface IdPage {
  ids: string[];
  total: number;
  /** With filter.near: each hit's distance from the centre in miles, parallel to ids. */
  distancesMiles?: number[];
}

/** Words and filter of a search whose disjunctive facet counts are wanted. */
export interface PostingFacetsQuery {
  text?: string | null;
  filter?: PostingSearchFilter | null;
}

/** Disjunctive counts (contract-next PostingFacets): non-zero, count desc then value asc. */
export interface PostingFacetCounts {
  states: FacetCount[];
  settings: FacetCount[];
  employmentTypes: FacetCount[];
  remote: FacetCount[];
  salaryBands: FacetCount[];
}

/** CandidateFilter with codes resolved to tokens by the service (it has the catalog). */
export interface CandidateSearchFilter {
  /** Upper-case two-letter codes: the candidate's own state. */
  states?: readonly string[] | null;
  /** qualificationToken()s: ALL held, current on `today` (code+state for state-specific ones). */
  qualificationTokens?: readonly string[] | null;
  /** postingDegreeTokens() of the minDegree: the candidate holds at least one. */
  degreeTokens?: readonly string[] | null;
  minYearsExperience?: number | null;
  settings?: readonly CareSetting[] | null;
  near?: GeoRadiusFilter | null;
}

export interface SearchCandidatesQuery {
  /** Words over headline, summary, skills and experience titles; blank: every candidate. */
  text?: string | null;
  filter?: CandidateSearchFilter | null;
  today: IsoDate;
  offset: number;
  limit: number;
}

export interface CandidateFacetsQuery {
  text?: string | null;
  filter?: CandidateSearchFilter | null;
  today: IsoDate;
  /** Catalog codes (upper case) the qualifications facet counts. */
  qualificationCodes: readonly string[];
}

export interface CandidateFacetCounts {
  states: FacetCount[];
  /** By held qualification code current on `today`. */
  qualifications: FacetCount[];
  /** By highest degree level. */
  degreeLevels: FacetCount[];
}

export interface RankedHit {
  id: string;
  /** The exact match score (0..1) of the matching module. */
  score: number;
  eligible: boolean;
  /** Number of unmet requirements (0 when eligible). */
  missingCount: number;
  /** With filter.near: miles from its centre. */
  distanceMiles?: number;
}

export interface RankedPage {
  hits: RankedHit[];
  /** Eligible count, or all open filtered postings / discoverable candidates with includeIneligible. */
  total: number;
}

export interface RankPostingsQuery {
  candidate: CandidateProfile;
  filter?: PostingSearchFilter | null;
  includeIneligible: boolean;
  catalog: ReadonlyMap<string, CatalogQualification>;
  /**
   * The reference date eligibility and score are judged on: today, or matchesForCandidate's
   * asOf (a later day). Qualifications must be current on it and the candidate's experience
   * is counted up to it, open positions running on; engines never read the clock themselves.
   */
  today: IsoDate;
  offset: number;
  limit: number;
}

export interface RankCandidatesQuery {
  posting: PostingProfile;
  includeIneligible: boolean;
  catalog: ReadonlyMap<string, CatalogQualification>;
  today: IsoDate;
  offset: number;
  limit: number;
}

export interface SearchHealth {
  ok: boolean;
  engine: 'embedded' | 'meilisearch';
  detail?: string;
}

/**
 * Every method may reject with SearchUnavailableError (search-errors.ts) when the engine
 * cannot answer; callers map it to SEARCH_UNAVAILABLE and (for writes) queue the change.
 * Orders are deterministic: searchPostings by relevance, then postedAt desc, then id asc;
 * ranking by score desc, postedAt desc (postings) then id asc.
 */
export interface SearchEngine extends CareerSearch {
  readonly kind: 'embedded' | 'meilisearch';
  searchPostings(query: SearchPostingsQuery): Promise<IdPage>;
  /** Disjunctive facet counts over the open postings the search would return. */
  postingFacets(query: PostingFacetsQuery): Promise<PostingFacetCounts>;
  /**
   * Discoverable candidates matching words and filter: by relevance with words (ties by the
   * engine, then id), else most years of experience on `today` first, ties by id asc.
   */
  searchCandidates(query: SearchCandidatesQuery): Promise<IdPage>;
  candidateFacets(query: CandidateFacetsQuery): Promise<CandidateFacetCounts>;
  rankPostingsForCandidate(query: RankPostingsQuery): Promise<RankedPage>;
  rankCandidatesForPosting(query: RankCandidatesQuery): Promise<RankedPage>;
  upsertPostings(docs: readonly PostingSearchDocument[]): Promise<void>;
  deletePostings(ids: readonly string[]): Promise<void>;
  upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void>;
  deleteCandidates(ids: readonly string[]): Promise<void>;
  /**
   * Ids of up to `limit` candidates whose stored experience anchor no longer covers `today`
   * (experienceValidUntilDay passed). Their filters are still decided exactly afterwards, but
   * re-upserting them keeps engine-side filters and totals tight.
   */
  staleCandidateIds(today: IsoDate, limit: number): Promise<string[]>;
  /**
   * [id, version] of every document this engine was given and still holds, whatever its status
   * (closed postings and hidden candidates included; version 0 when a document had none).
   * Reconciliation compares it with MongoDB's ids and updatedAt.
   */
  indexedVersions(entity: 'posting' | 'candidate'): Promise<Array<[string, number]>>;
  /** Removes every document and (re)applies index settings. */
  reset(): Promise<void>;
  health(): Promise<SearchHealth>;
  /** Documents held per index, for /metrics (optional: test doubles need not count). */
  documentCounts?(): Promise<{ postings: number; candidates: number }>;
  close(): Promise<void>;
}
