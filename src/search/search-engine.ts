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
import type { CareSetting, EmploymentType } from '../shared/enums.js';
import type { GeoRadius } from '../matching/geo.js';
import type { FacetCount } from '../matching/facets.js';
import type { CandidateProfile, CatalogQualification, IsoDate, PostingProfile } from '../matching/matching.types.js';
import type { CareerSearch } from './career-queries.js';
import type { CandidateSearchDocument, PostingSearchDocument } from './search-documents.js';

export type { CandidateCountsQuery, CareerStepsQuery } from './career-queries.js';
export type { CandidateQualificationEntry, CandidateSearchDocument, PostingSearchDocument } from './search-documents.js';

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
