// Human sentences for MissingRequirement.detail and the match summary. Wording lives here so
// the rules (eligibility.ts) stay free of text.
import { DegreeLevel, QualificationKind, RequirementKind, degreeRank } from '../shared/enums.js';
import type { CandidateDegree, CatalogQualification, MissingRequirement } from './matching.types.js';
import type { QualificationStatus } from './qualifications.js';
import { degreeFieldMatches } from './degree.js';

const DEGREE_NAMES: Record<DegreeLevel, { required: string; held: string }> = {
  [DegreeLevel.HIGH_SCHOOL]: { required: 'a high school diploma', held: 'high school diploma' },
  [DegreeLevel.ASSOCIATE]: { required: "an associate's degree", held: "associate's" },
  [DegreeLevel.BACHELOR]: { required: "a bachelor's degree", held: "bachelor's" },
  [DegreeLevel.MASTER]: { required: "a master's degree", held: "master's" },
  [DegreeLevel.DOCTORATE]: { required: 'a doctorate', held: 'doctorate' },
};

/** "A", "A or B", "A, B or C" (conjunction configurable). */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function describeHeld(d: CandidateDegree): string {
  const field = d.field.trim();
  return field === '' ? DEGREE_NAMES[d.level].held : `${DEGREE_NAMES[d.level].held} in ${field}`;
}

function highest(degrees: readonly CandidateDegree[]): CandidateDegree | null {
  let best: CandidateDegree | null = null;
  for (const d of degrees) if (best === null || degreeRank(d.level) > degreeRank(best.level)) best = d;
  return best;
}

export function degreeDetail(minLevel: DegreeLevel, fields: readonly string[], degrees: readonly CandidateDegree[]): string {
  const trimmed = fields.map((f) => f.trim()).filter((f) => f !== '');
  const req = `Requires ${DEGREE_NAMES[minLevel].required}${trimmed.length > 0 ? ` in ${joinList(trimmed, 'or')}` : ''}`;
  const top = highest(degrees);
  if (top === null) return `${req}; highest held: none`;
  let text = `${req}; highest held: ${describeHeld(top)}`;
  // When the highest degree is in another field, the best one in a listed field is the
  // useful fact ("you have the field, just not the level").
  if (trimmed.length > 0 && !degreeFieldMatches(top.field, trimmed)) {
    const inField = highest(degrees.filter((d) => degreeFieldMatches(d.field, trimmed)));
    if (inField !== null) text += `; best in a listed field: ${describeHeld(inField)}`;
  }
  return text;
}

/** Years shown rounded DOWN to one decimal, so 4.96 years never reads "5.0" next to "Requires 5". */
export function formatYearsHeld(years: number): string {
  return (Math.floor(years * 10 + 1e-9) / 10).toFixed(1);
}

function formatYearsRequired(min: number): string {
  const n = Number(min.toFixed(2));
  return `${n} year${n === 1 ? '' : 's'}`;
}

export function experienceDetail(minYears: number, years: number): string {
  return `Requires ${formatYearsRequired(minYears)} of experience; has ${formatYearsHeld(years)}`;
}

function credentialNoun(code: string, entry: CatalogQualification | undefined): string {
  return entry?.kind === QualificationKind.CERTIFICATION ? `${code} certification` : `${code} licence`;
}

function heldIn(states: readonly string[]): string {
  return states.length === 0 ? 'held with no state recorded' : `held in ${joinList(states, 'and')}`;
}

export function qualificationDetail(
  code: string,
  status: Exclude<QualificationStatus, { ok: true }>,
  entry: CatalogQualification | undefined,
): string {
  switch (status.reason) {
    case 'NOT_HELD':
      return `${code} not held`;
    case 'EXPIRED':
      return `${code} expired on ${status.expiresOn}`;
    case 'WRONG_STATE':
      return `${credentialNoun(code, entry)} ${heldIn(status.heldStates)}, posting is in ${status.postingState}`;
    case 'EXPIRED_WRONG_STATE':
      return `${credentialNoun(code, entry)} ${heldIn(status.heldStates)} expired on ${status.expiresOn}, posting is in ${status.postingState}`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface SummaryInput {
  eligible: boolean;
  missing: readonly MissingRequirement[];
  requirementCount: number;
  preferredHeld: number;
  preferredTotal: number;
  sharedSkills: number;
  postingSkillCount: number;
}

/** One sentence: "Eligible: meets all 3 requirements and holds 1 of 2 preferred qualifications; 2 shared skills." */
export function summarize(s: SummaryInput): string {
  if (!s.eligible) {
    const labels = s.missing.map((m) =>
      m.kind === RequirementKind.QUALIFICATION ? (m.code ?? 'qualification') : m.kind === RequirementKind.DEGREE ? 'degree' : 'experience',
    );
    return `Not eligible: missing ${plural(labels.length, 'requirement', 'requirements')} (${labels.join(', ')}).`;
  }
  const req =
    s.requirementCount === 0
      ? 'no hard requirements'
      : s.requirementCount === 1
        ? 'meets the 1 requirement'
        : `meets all ${s.requirementCount} requirements`;
  const pref =
    s.preferredTotal > 0
      ? ` and holds ${s.preferredHeld} of ${plural(s.preferredTotal, 'preferred qualification', 'preferred qualifications')}`
      : '';
  const skills =
    s.postingSkillCount > 0
      ? `; ${s.sharedSkills === 0 ? 'no shared skills' : plural(s.sharedSkills, 'shared skill', 'shared skills')}`
      : '';
  return `Eligible: ${req}${pref}${skills}.`;
}
