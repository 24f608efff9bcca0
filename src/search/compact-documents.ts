// Conversion of documents and query profiles to the kernel's compact form. Documents intern
// their strings (the vocabulary grows with indexed data only); query profiles only look
// strings up, so a query can never grow engine memory, and an unknown string gets id -1,
// which matches nothing.
import { degreeRank } from '../shared/enums.js';
import type { CandidateProfile, CatalogQualification, PostingProfile } from '../matching/matching.types.js';
import { NO_DEGREE_RANK } from '../matching/scoring.js';
import { isoToEpochDay } from '../matching/dates.js';
import { normalizeTerm, normalizeTerms } from '../matching/normalize.js';
import { requiredDegreeRank } from '../matching/degree.js';
import type { CandidateSearchDocument, PostingSearchDocument } from './search-engine.js';
import { qualificationExpiryMap } from './candidate-document.js';
import { requiredTokensFor } from './posting-document.js';
import { SETTING_COUNT, SETTING_INDEX, type CompactCandidate, type CompactPosting, type Vocabulary } from './match-kernel.js';

export interface Vocabularies {
  skills: Vocabulary;
  fields: Vocabulary;
  tokens: Vocabulary;
}

type Resolve = (v: Vocabulary, s: string) => number;
const intern: Resolve = (v, s) => v.intern(s);
const lookup: Resolve = (v, s) => v.lookup(s);

function ids(v: Vocabulary, values: readonly string[], resolve: Resolve): Int32Array {
  return Int32Array.from(values, (s) => resolve(v, s));
}

function settingSince(experience: CandidateProfile['experience']): Float64Array {
  const out = new Float64Array(SETTING_COUNT).fill(Infinity);
  for (const e of experience) {
    const i = e.setting == null ? undefined : SETTING_INDEX.get(e.setting);
    const day = isoToEpochDay(e.startDate);
    if (i !== undefined && day < out[i]) out[i] = day;
  }
  return out;
}

function compactCandidate(
  vocab: Vocabularies,
  resolve: Resolve,
  degrees: CandidateProfile['degrees'],
  expiry: Record<string, number>,
  skills: readonly string[],
  experience: CandidateProfile['experience'],
): CompactCandidate {
  const tokens = Object.keys(expiry);
  return {
    degreeRanks: Int8Array.from(degrees, (d) => degreeRank(d.level)),
    degreeFieldIds: Int32Array.from(degrees, (d) => resolve(vocab.fields, normalizeTerm(d.field))),
    tokenIds: ids(vocab.tokens, tokens, resolve),
    tokenExpiryDays: Float64Array.from(tokens, (t) => expiry[t]),
    skillIds: ids(vocab.skills, normalizeTerms(skills), resolve),
    settingSinceDays: settingSince(experience),
  };
}

export function compactCandidateDocument(doc: CandidateSearchDocument, vocab: Vocabularies): CompactCandidate {
  return compactCandidate(vocab, intern, doc.degrees, doc.qualificationExpiry, doc.skills, doc.experience);
}

export function compactCandidateProfile(profile: CandidateProfile, vocab: Vocabularies): CompactCandidate {
  return compactCandidate(
    vocab,
    lookup,
    profile.degrees,
    qualificationExpiryMap(profile.qualifications),
    profile.skills,
    profile.experience,
  );
}

export function compactPostingDocument(doc: PostingSearchDocument, vocab: Vocabularies): CompactPosting {
  return {
    minRank: doc.minDegreeRank ?? NO_DEGREE_RANK,
    fieldIds: ids(vocab.fields, doc.minDegreeFields, intern),
    minYears: doc.minYearsExperience,
    requiredTokenIds: ids(vocab.tokens, doc.requiredQualificationTokens, intern),
    preferredTokenIds: ids(vocab.tokens, doc.preferredQualificationTokens, intern),
    skillIds: ids(vocab.skills, doc.skills, intern),
    settingIndex: SETTING_INDEX.get(doc.setting) ?? -1,
  };
}

export function compactPostingProfile(
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  vocab: Vocabularies,
): CompactPosting {
  return {
    minRank: requiredDegreeRank(posting),
    fieldIds: ids(vocab.fields, normalizeTerms(posting.minDegree?.fields ?? []), lookup),
    minYears: posting.minYearsExperience,
    requiredTokenIds: ids(vocab.tokens, requiredTokensFor(posting.requiredQualificationCodes, posting.state, catalog), lookup),
    preferredTokenIds: ids(vocab.tokens, requiredTokensFor(posting.preferredQualificationCodes, posting.state, catalog), lookup),
    skillIds: ids(vocab.skills, normalizeTerms(posting.skills), lookup),
    settingIndex: SETTING_INDEX.get(posting.setting) ?? -1,
  };
}
