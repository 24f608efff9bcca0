// Pure builder of the candidate search document from a plain profile. `today` is when the
// experience anchor is taken; the document stays exact for later days until
// experienceValidUntilDay (index-sync re-upserts candidates whose anchor expired).
import { DEGREE_LEVEL_ORDER, degreeRank, type CareSetting } from '../../shared/enums.js';
import type { CandidateProfile, IsoDate } from '../../matching/matching.types.js';
import { isoToEpochDay } from '../../matching/dates.js';
import { experienceGrowthAnchor } from '../../matching/experience.js';
import { normalizeCode, normalizeTerm, normalizeTerms } from '../../shared/normalize.js';
import type { CandidateSearchDocument } from '../search-engine.js';
import { NO_EXPIRY_DAY, candidateDegreeTokens, qualificationToken } from './search-tokens.js';

export interface CandidateDocumentSource extends CandidateProfile {
  discoverable: boolean;
  state: string | null;
  headline?: string | null;
  summary?: string | null;
  /** Titles of the experience entries (free text for searchCandidates). */
  experienceTitles?: readonly string[];
  /** The stored location (from zip or city+state); absent: unknown. */
  latitude?: number | null;
  longitude?: number | null;
}

function optionalCode(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : normalizeCode(value);
}

/** Token -> latest expiry day over every holding (renewals keep the newest date). */
export function qualificationExpiryMap(
  quals: readonly { code: string; state: string | null; expiresOn: IsoDate | null }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of quals) {
    const day = q.expiresOn == null ? NO_EXPIRY_DAY : isoToEpochDay(q.expiresOn);
    if (Number.isNaN(day)) continue;
    const state = optionalCode(q.state);
    const tokens = state === null ? [qualificationToken(q.code, null)] : [qualificationToken(q.code, null), qualificationToken(q.code, state)];
    for (const t of tokens) {
      if (!(t in out) || out[t] < day) out[t] = day;
    }
  }
  return out;
}

export function buildCandidateDocument(src: CandidateDocumentSource, today: IsoDate): CandidateSearchDocument {
  const degrees = src.degrees.map((d) => ({ level: d.level, field: normalizeTerm(d.field) }));
  const qualifications = src.qualifications.map((q) => ({
    code: normalizeCode(q.code),
    state: optionalCode(q.state),
    expiresOn: q.expiresOn ?? null,
  }));
  const experience = src.experience.map((e) => ({
    startDate: e.startDate,
    endDate: e.endDate ?? null,
    setting: e.setting ?? null,
  }));
  const anchor = experienceGrowthAnchor(experience, today);
  const highest = degrees.reduce((best, d) => Math.max(best, degreeRank(d.level)), -1);
  const settings = [...new Set(experience.map((e) => e.setting).filter((s): s is CareSetting => s != null))];
  return {
    id: src.id,
    discoverable: src.discoverable,
    state: optionalCode(src.state),
    degrees,
    degreeTokens: candidateDegreeTokens(degrees.map((d) => ({ rank: degreeRank(d.level), field: d.field }))),
    qualifications,
    qualificationExpiry: qualificationExpiryMap(qualifications),
    experience,
    indexedOnDay: isoToEpochDay(today),
    experienceClosedDays: anchor.closedDays,
    experienceEffectiveStartDay: anchor.effectiveStartDay,
    experienceValidUntilDay: anchor.validUntilDay,
    skills: normalizeTerms(src.skills),
    headline: src.headline ?? null,
    summary: src.summary ?? null,
    experienceTitles: [...(src.experienceTitles ?? [])],
    experienceSettings: settings.sort(),
    highestDegree: highest < 0 ? null : DEGREE_LEVEL_ORDER[highest],
    latitude: src.latitude ?? null,
    longitude: src.longitude ?? null,
  };
}

