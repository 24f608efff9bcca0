// Pure builder of the posting search document from a plain posting (no mongoose types), and
// the inverse view the engines score with. Normalisation is the matching module's, so the
// index and the exact path agree on what "the same skill/field/code" means.
import { DEGREE_LEVEL_ORDER, degreeRank, type DegreeLevel } from '../../shared/enums.js';
import type { CatalogQualification, PostingProfile } from '../../matching/matching.types.js';
import { normalizeCode, normalizeTerms } from '../../shared/normalize.js';
import { distinctCodes } from '../../shared/normalize.js';
import type { PostingSearchDocument } from '../search-engine.js';
import { postingDegreeTokens, requiredQualificationToken } from './search-tokens.js';
import { salaryBand } from '../../matching/facets.js';

/** The listing fields as the index stores them, plus the posting's own requirements. */
export interface PostingDocumentSource
  extends Pick<
    PostingSearchDocument,
    | 'id' | 'title' | 'description' | 'employerId' | 'employerName' | 'setting' | 'employmentType'
    | 'city' | 'state' | 'remote' | 'salaryMin' | 'salaryMax' | 'status' | 'minYearsExperience'
  > {
  postedAt: Date;
  minDegree: { minLevel: DegreeLevel; fields: readonly string[] } | null;
  requiredQualificationCodes: readonly string[];
  preferredQualificationCodes: readonly string[];
  skills: readonly string[];
  /** The stored location (from zip or city+state); absent: unknown. */
  latitude?: number | null;
  longitude?: number | null;
}

/** Catalog keyed by upper-case code, as the matching module takes it. */
export type CatalogLookup = ReadonlyMap<string, CatalogQualification>;

export function catalogLookup(catalog: readonly CatalogQualification[]): CatalogLookup {
  return new Map(catalog.map((q) => [normalizeCode(q.code), q]));
}

function optionalState(state: string | null): string | null {
  return state == null || state.trim() === '' ? null : normalizeCode(state);
}

/** Required tokens of a posting profile; shared by document building and candidate ranking. */
export function requiredTokensFor(
  codes: readonly string[],
  state: string | null,
  catalog: CatalogLookup,
): string[] {
  const s = optionalState(state);
  return distinctCodes(codes).map((c) => requiredQualificationToken(c, s, catalog.get(c)?.stateSpecific === true));
}

export function buildPostingDocument(src: PostingDocumentSource, catalog: CatalogLookup): PostingSearchDocument {
  const minDegreeRank = src.minDegree ? degreeRank(src.minDegree.minLevel) : null;
  const minDegreeFields = src.minDegree ? normalizeTerms(src.minDegree.fields) : [];
  const state = optionalState(src.state);
  return {
    id: src.id,
    title: src.title,
    description: src.description,
    employerId: src.employerId,
    employerName: src.employerName,
    setting: src.setting,
    employmentType: src.employmentType,
    city: src.city ?? null,
    state,
    remote: src.remote,
    salaryMin: src.salaryMin ?? null,
    salaryMax: src.salaryMax ?? null,
    salaryCeiling: src.salaryMax ?? src.salaryMin ?? null,
    salaryBand: salaryBand(src.salaryMax ?? src.salaryMin ?? null),
    latitude: src.latitude ?? null,
    longitude: src.longitude ?? null,
    status: src.status,
    postedAt: src.postedAt.getTime(),
    skills: normalizeTerms(src.skills),
    minDegreeRank,
    minDegreeFields,
    degreeTokens: postingDegreeTokens(minDegreeRank, minDegreeFields),
    minYearsExperience: src.minYearsExperience,
    requiredQualificationCodes: distinctCodes(src.requiredQualificationCodes),
    requiredQualificationTokens: requiredTokensFor(src.requiredQualificationCodes, state, catalog),
    preferredQualificationCodes: distinctCodes(src.preferredQualificationCodes),
    preferredQualificationTokens: requiredTokensFor(src.preferredQualificationCodes, state, catalog),
  };
}

/** The matching module's view of an indexed posting (what exact scoring needs). */
export function postingProfileFromDocument(doc: PostingSearchDocument): PostingProfile {
  return {
    id: doc.id,
    minDegree:
      doc.minDegreeRank === null
        ? null
        : { minLevel: DEGREE_LEVEL_ORDER[doc.minDegreeRank], fields: doc.minDegreeFields },
    minYearsExperience: doc.minYearsExperience,
    requiredQualificationCodes: doc.requiredQualificationCodes,
    preferredQualificationCodes: doc.preferredQualificationCodes,
    skills: doc.skills,
    state: doc.state,
    setting: doc.setting,
    postedAt: new Date(doc.postedAt),
  };
}
