// The alert conditions as pure functions over compact entity states (no I/O). A state is what
// the detector keeps of a posting or candidate between two writes (alert-state.repository.ts),
// so "newly true" is: the condition holds for the new state and did not for the previous one.
// Eligibility and score are the matching module's (src/matching); the PostingFilter rule is the
// one the embedded engine applies (search/embedded/posting-filter.ts); words are tokenised
// like the embedded full-text index (any word of the saved query may match).
import { PostingStatus, type CareSetting, type EmploymentType } from '../shared/enums.js';
import { matchCandidateToPosting, type CandidateProfile, type CatalogQualification, type IsoDate, type PostingProfile } from '../matching/index.js';
import { compilePostingFilter, postingPassesFilter, type CompiledPostingFilter } from '../search/embedded/posting-filter.js';
import { tokenize } from '../search/embedded/embedded-text-index.js';
import { postingDegreeTokens } from '../search/documents/search-tokens.js';
import type { CandidateSearchDocument, PostingSearchDocument, PostingSearchFilter } from '../search/search-engine.js';
import { postingProfileFromDocument } from '../search/documents/posting-document.js';

/** Distinct words kept per posting for saved searches' "before" check (long descriptions are cut). */
export const MAX_STATE_WORDS = 2_000;

export type AlertKindName = 'POSTINGS_FOR_CANDIDATE' | 'CANDIDATES_FOR_POSTING' | 'SAVED_SEARCH';

/** What the PostingFilter rule reads of a posting. */
export type PostingFilterView = Pick<
  PostingSearchDocument,
  'state' | 'setting' | 'employmentType' | 'remote' | 'salaryCeiling' | 'employerId' | 'latitude' | 'longitude'
>;

export interface PostingState {
  id: string;
  version: number;
  open: boolean;
  profile: PostingProfile;
  view: PostingFilterView;
  /** The posting's required tokens and degree tokens, for the bucket look-ups of alert-index.ts. */
  requiredTokens: string[];
  degreeTokens: string[];
  words: string[];
}

export interface CandidateState {
  id: string;
  version: number;
  discoverable: boolean;
  profile: CandidateProfile;
  /** qualificationExpiry's tokens (code, and code+state) and degree tokens: bucket keys. */
  qualificationTokens: string[];
  degreeTokens: string[];
}

/** A compiled alert: what evaluation needs, nothing else. */
export interface AlertCondition {
  id: string;
  kind: AlertKindName;
  ownerKeyId: string;
  candidateId: string | null;
  postingId: string | null;
  filter: CompiledPostingFilter | null;
  /** The filter in a canonical form: alerts with equal keys pass or fail a posting together. */
  filterKey: string;
  /** Saved search words (tokenised query); empty: any posting passing the filter. */
  words: string[];
  /** The filter as given (bucketing reads its lists). */
  rawFilter: PostingSearchFilter | null;
  /** Where events are delivered besides subscriptions (not part of the condition). */
  webhookUrl: string | null;
}

export function compileAlertCondition(a: Omit<AlertCondition, 'filter' | 'filterKey' | 'words'> & { query: string | null }): AlertCondition {
  const filterKey = canonicalJson(a.rawFilter);
  const shared = a.rawFilter ? sharedFilter(filterKey, a.rawFilter) : null;
  return {
    id: a.id,
    kind: a.kind,
    ownerKeyId: a.ownerKeyId,
    candidateId: a.candidateId,
    postingId: a.postingId,
    rawFilter: shared?.raw ?? null,
    webhookUrl: a.webhookUrl,
    filter: shared?.filter ?? null,
    filterKey,
    words: [...new Set(tokenize(a.query ?? ''))],
  };
}

/**
 * One compiled filter (and one copy of the filter as given) per distinct filter: 100,000 alerts
 * share a few hundred (a state and a setting), and a compiled filter's vocabularies made up
 * most of the index's 1.7 KB per alert. An entry lives while some alert holds its filter.
 */
const filters = new Map<string, { filter: WeakRef<CompiledPostingFilter>; raw: PostingSearchFilter }>();
const unused = new FinalizationRegistry<string>((key) => {
  if (filters.get(key)?.filter.deref() === undefined) filters.delete(key);
});

function sharedFilter(key: string, raw: PostingSearchFilter): { filter: CompiledPostingFilter; raw: PostingSearchFilter } {
  const known = filters.get(key);
  const filter = known?.filter.deref();
  if (known && filter) return { filter, raw: known.raw };
  const compiled = compilePostingFilter(raw);
  filters.set(key, { filter: new WeakRef(compiled), raw });
  unused.register(compiled, key);
  return { filter: compiled, raw };
}

export function postingWords(doc: Pick<PostingSearchDocument, 'title' | 'description' | 'employerName' | 'skills'>): string[] {
  const words = new Set<string>();
  for (const text of [doc.title, doc.employerName, ...doc.skills, doc.description]) {
    for (const w of tokenize(text)) {
      if (words.size >= MAX_STATE_WORDS) return [...words];
      words.add(w);
    }
  }
  return [...words];
}

export function postingStateOf(doc: PostingSearchDocument): PostingState {
  return {
    id: doc.id,
    version: doc.version ?? 0,
    open: doc.status === PostingStatus.OPEN,
    profile: postingProfileFromDocument(doc),
    view: {
      state: doc.state,
      setting: doc.setting as CareSetting,
      employmentType: doc.employmentType as EmploymentType,
      remote: doc.remote,
      salaryCeiling: doc.salaryCeiling,
      employerId: doc.employerId,
      latitude: doc.latitude,
      longitude: doc.longitude,
    },
    requiredTokens: doc.requiredQualificationTokens,
    degreeTokens: doc.degreeTokens.length > 0 ? doc.degreeTokens : postingDegreeTokens(doc.minDegreeRank, doc.minDegreeFields),
    words: postingWords(doc),
  };
}

export function candidateStateOf(doc: CandidateSearchDocument): CandidateState {
  return {
    id: doc.id,
    version: doc.version ?? 0,
    discoverable: doc.discoverable,
    profile: {
      id: doc.id,
      degrees: doc.degrees,
      qualifications: doc.qualifications.map((q) => ({ code: q.code, state: q.state, expiresOn: q.expiresOn })),
      experience: doc.experience,
      skills: doc.skills,
    },
    qualificationTokens: Object.keys(doc.qualificationExpiry),
    degreeTokens: doc.degreeTokens,
  };
}

export interface EvalContext {
  catalog: ReadonlyMap<string, CatalogQualification>;
  today: IsoDate;
}

export function passesFilter(p: PostingState, filter: CompiledPostingFilter | null): boolean {
  // postingPassesFilter reads only the PostingFilterView fields of a document.
  return filter === null || postingPassesFilter(p.view as PostingSearchDocument, filter);
}

/** The score when the (posting, candidate) pair satisfies a match alert, else null. */
export function matchScoreIfEligible(p: PostingState | undefined, c: CandidateState | undefined, ctx: EvalContext): number | null {
  if (!p || !c || !p.open || !c.discoverable) return null;
  const m = matchCandidateToPosting(c.profile, p.profile, ctx.catalog, ctx.today);
  return m.eligible ? m.score : null;
}

/** POSTINGS_FOR_CANDIDATE: open, passes the alert's filter, the candidate (discoverable) eligible. */
export function postingsForCandidateHolds(a: AlertCondition, p: PostingState | undefined, c: CandidateState | undefined, ctx: EvalContext): number | null {
  if (!p || !passesFilter(p, a.filter)) return null;
  return matchScoreIfEligible(p, c, ctx);
}

/** SAVED_SEARCH: open, passes the filter, and (with words) shares at least one word. */
export type FilterCheck = (p: PostingState, filter: CompiledPostingFilter | null, key: string) => boolean;

export function savedSearchHolds(a: AlertCondition, p: PostingState | undefined, words: ReadonlySet<string> = new Set(p?.words), passes: FilterCheck = passesFilter): boolean {
  if (!p || !p.open || !passes(p, a.filter, a.filterKey)) return false;
  return a.words.length === 0 || a.words.some((w) => words.has(w));
}

/**
 * passesFilter for one posting, once per distinct filter: the alerts a posting write concerns
 * share a few filters (a state and a setting), and evaluating each alert's copy took most of
 * detection's CPU at 100,000 alerts.
 */
export function filterMemo(p: PostingState): FilterCheck {
  const known = new Map<string, boolean>();
  return (q, filter, key) => {
    if (q !== p) return passesFilter(q, filter);
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = passesFilter(p, filter)));
    return v;
  };
}

/** JSON with object keys sorted, so equal filters stored in any key order give one key. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}
