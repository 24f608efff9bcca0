// Conversion of documents and query profiles to the kernel's packed form. Documents intern
// their strings (the vocabulary grows with indexed data only); query profiles only look
// strings up, so a query never grows engine memory, and an unknown string gets id -1, which
// matches nothing.
import { degreeRank } from '../../shared/enums.js';
import type { CandidateProfile, CatalogQualification, PostingProfile } from '../../matching/matching.types.js';
import { isoToEpochDay } from '../../matching/dates.js';
import { normalizeTerm, normalizeTerms } from '../../shared/normalize.js';
import { requiredDegreeRank } from '../../matching/degree.js';
import { NO_DEGREE_RANK } from '../../matching/scoring.js';
import type { CandidateSearchDocument, PostingSearchDocument } from '../search-engine.js';
import { qualificationExpiryMap } from '../documents/candidate-document.js';
import { requiredTokensFor } from '../documents/posting-document.js';
import { SETTING_INDEX, packCandidate, packPosting, type Vocabulary } from './match-kernel.js';

export interface Vocabularies {
  skills: Vocabulary;
  fields: Vocabulary;
  tokens: Vocabulary;
}

type Resolve = (v: Vocabulary, s: string) => number;
const intern: Resolve = (v, s) => v.intern(s);
const lookup: Resolve = (v, s) => v.lookup(s);

function settingsSince(experience: CandidateProfile['experience']): { settingIndex: number; sinceDay: number }[] {
  const first = new Map<number, number>();
  for (const e of experience) {
    const i = e.setting == null ? undefined : SETTING_INDEX.get(e.setting);
    const day = isoToEpochDay(e.startDate);
    if (i === undefined || Number.isNaN(day)) continue;
    if (!first.has(i) || day < first.get(i)!) first.set(i, day);
  }
  return [...first].map(([settingIndex, sinceDay]) => ({ settingIndex, sinceDay }));
}

function packCandidateFrom(
  vocab: Vocabularies,
  resolve: Resolve,
  degrees: CandidateProfile['degrees'],
  expiry: Record<string, number>,
  skills: readonly string[],
  experience: CandidateProfile['experience'],
): Int32Array {
  return packCandidate({
    degrees: degrees.map((d) => ({ rank: degreeRank(d.level), fieldId: resolve(vocab.fields, normalizeTerm(d.field)) })),
    tokens: Object.entries(expiry).map(([t, day]) => ({ tokenId: resolve(vocab.tokens, t), expiryDay: day })),
    skills: normalizeTerms(skills).map((s) => resolve(vocab.skills, s)),
    settings: settingsSince(experience),
  });
}

/** The document fields the kernel reads (the Meilisearch adapter retrieves only these). */
export type CandidateScoringFields = Pick<CandidateSearchDocument, 'degrees' | 'qualificationExpiry' | 'skills' | 'experience'>;
export type PostingScoringFields = Pick<
  PostingSearchDocument,
  'minDegreeRank' | 'setting' | 'minDegreeFields' | 'requiredQualificationTokens' | 'preferredQualificationTokens' | 'skills'
>;

export function compactCandidateDocument(doc: CandidateScoringFields, vocab: Vocabularies): Int32Array {
  return packCandidateFrom(vocab, intern, doc.degrees, doc.qualificationExpiry, doc.skills, doc.experience);
}

export function compactCandidateProfile(profile: CandidateProfile, vocab: Vocabularies): Int32Array {
  return packCandidateFrom(vocab, lookup, profile.degrees, qualificationExpiryMap(profile.qualifications), profile.skills, profile.experience);
}

export function compactPostingDocument(doc: PostingScoringFields, vocab: Vocabularies): Int32Array {
  return packPosting(
    doc.minDegreeRank ?? NO_DEGREE_RANK,
    SETTING_INDEX.get(doc.setting) ?? -1,
    doc.minDegreeFields.map((f) => vocab.fields.intern(f)),
    doc.requiredQualificationTokens.map((t) => vocab.tokens.intern(t)),
    doc.preferredQualificationTokens.map((t) => vocab.tokens.intern(t)),
    doc.skills.map((s) => vocab.skills.intern(s)),
  );
}

export function compactPostingProfile(
  posting: PostingProfile,
  catalog: ReadonlyMap<string, CatalogQualification>,
  vocab: Vocabularies,
): Int32Array {
  return packPosting(
    requiredDegreeRank(posting),
    SETTING_INDEX.get(posting.setting) ?? -1,
    normalizeTerms(posting.minDegree?.fields ?? []).map((f) => lookup(vocab.fields, f)),
    requiredTokensFor(posting.requiredQualificationCodes, posting.state, catalog).map((t) => lookup(vocab.tokens, t)),
    requiredTokensFor(posting.preferredQualificationCodes, posting.state, catalog).map((t) => lookup(vocab.tokens, t)),
    normalizeTerms(posting.skills).map((s) => lookup(vocab.skills, s)),
  );
}
