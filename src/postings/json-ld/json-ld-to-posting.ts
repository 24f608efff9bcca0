// schema.org JobPosting JSON-LD (what postingToJsonLd emits, and the variants job boards
// publish) -> a posting upsert input. Pure: no I/O, the catalog is a parameter. What maps onto
// a posting field is mapped; what does not (an unknown salary unit, free-text education or
// experience, other locations, qualifications text we cannot read fully) is kept in the
// description, never guessed into a hard requirement. The item is then validated like any
// other upsert item (posting-input.ts).
import { PostingStatus, type DegreeLevel, type EmploymentType } from '../../shared/enums.js';
import { degreeRank } from '../../shared/enums.js';
import { credentialCategoryIn, degreeLevelInText, employmentTypeIn, YEARLY_FACTOR } from './json-ld-vocabulary.js';
import { asList, dateOf, htmlToText, isObject, numberOf, textOf, typesOf, type JsonObject } from './json-ld-values.js';
import { findQualificationMentions, type CatalogName } from './qualification-mentions.js';

export interface ImportedPosting {
  externalRef: string;
  title: string;
  description: string;
  employmentType?: EmploymentType;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  remote: boolean;
  salaryMin?: number | null;
  salaryMax?: number | null;
  minDegree?: { minLevel: DegreeLevel; fields: string[] } | null;
  minYearsExperience: number;
  requiredQualificationCodes: string[];
  preferredQualificationCodes: string[];
  skills: string[];
  status: PostingStatus;
  occupationCode?: string;
  validThrough?: Date | null;
  postedAt?: Date;
}

export type JsonLdMapping = { ok: true; posting: ImportedPosting } | { ok: false; field: string; message: string };

const MAX_REF = 200;
const fail = (field: string, message: string): JsonLdMapping => ({ ok: false, field, message: `${field}: ${message}` });

function salary(doc: JsonObject, notes: string[]): { salaryMin: number | null; salaryMax: number | null } {
  const none = { salaryMin: null, salaryMax: null };
  const base = asList(doc.baseSalary).find(isObject);
  if (!base) return none;
  const currency = textOf(base.currency)?.toUpperCase() ?? 'USD';
  const value = base.value;
  const q = isObject(value) ? value : {};
  let min = isObject(value) ? numberOf(q.minValue ?? q.value) : numberOf(value);
  let max = isObject(value) ? numberOf(q.maxValue ?? q.value) : numberOf(value);
  const unit = (textOf(q.unitText) ?? textOf(base.unitText) ?? 'YEAR').toUpperCase();
  const factor = YEARLY_FACTOR[unit];
  if (currency !== 'USD' || factor === undefined || (min === undefined && max === undefined)) {
    notes.push(`Salary: ${[min, max].filter((n) => n !== undefined).join('-') || textOf(value) || ''} ${currency} per ${unit.toLowerCase()}`.trim());
    return none;
  }
  if (min !== undefined) min = Math.round(min * factor);
  if (max !== undefined) max = Math.round(max * factor);
  return { salaryMin: min ?? null, salaryMax: max ?? null };
}

function place(doc: JsonObject, notes: string[]): { city: string | null; state: string | null; zip: string | null } {
  const places = asList(doc.jobLocation).filter(isObject);
  const addresses = places.map((p) => (isObject(p.address) ? p.address : typeof p.address === 'string' ? { streetAddress: p.address } : p));
  const read = (a: JsonObject) => {
    const region = textOf(a.addressRegion);
    let city = textOf(a.addressLocality) ?? null;
    let state = region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : null;
    // "Austin, TX" as one string.
    const line = textOf(a.streetAddress);
    const m = !city && line ? /^\s*([^,]+),\s*([A-Za-z]{2})\b/.exec(line) : null;
    if (m) {
      city = m[1].trim();
      state = m[2].toUpperCase();
    }
    const zip = /^(\d{5})(-\d{4})?$/.exec(textOf(a.postalCode) ?? '')?.[1] ?? null;
    return { city, state, zip, region };
  };
  const [first, ...others] = addresses.map(read);
  for (const o of others) notes.push(`Also at: ${[o.city, o.state ?? o.region].filter(Boolean).join(', ')}`);
  if (first && first.region && !first.state) notes.push(`Location: ${[first.city, first.region].filter(Boolean).join(', ')}`);
  return { city: first?.city ?? null, state: first?.state ?? null, zip: first?.zip ?? null };
}

function remoteState(doc: JsonObject): { remote: boolean; state: string | null } {
  const remote = asList(doc.jobLocationType).some((t) => textOf(t)?.toUpperCase() === 'TELECOMMUTE');
  const reqs = asList(doc.applicantLocationRequirements).filter(isObject);
  const states = reqs.filter((r) => typesOf(r).includes('State')).map((r) => textOf(r.name)).filter((s): s is string => !!s && /^[A-Za-z]{2}$/.test(s));
  return { remote, state: states.length === 1 ? states[0].toUpperCase() : null };
}

function education(doc: JsonObject, notes: string[]): ImportedPosting['minDegree'] {
  const levels: DegreeLevel[] = [];
  for (const e of asList(doc.educationRequirements)) {
    if (isObject(e)) {
      const level = textOf(e.credentialCategory) ? credentialCategoryIn(textOf(e.credentialCategory)!) : undefined;
      if (level) levels.push(level);
      const extra = textOf(e.name) ?? textOf(e.description) ?? (level ? undefined : textOf(e.credentialCategory));
      if (extra) notes.push(`Education: ${extra}`);
    } else if (typeof e === 'string' && e.trim()) {
      // Free text: the level it names is the minimum; the rest (a field of study) stays readable.
      const level = degreeLevelInText(e);
      if (level) levels.push(level);
      notes.push(`Education: ${e.trim()}`);
    }
  }
  if (levels.length === 0) return null;
  const lowest = levels.reduce((a, b) => (degreeRank(b) < degreeRank(a) ? b : a));
  return { minLevel: lowest, fields: [] };
}

function experience(doc: JsonObject, notes: string[]): number {
  let years = 0;
  for (const e of asList(doc.experienceRequirements)) {
    if (isObject(e)) {
      const months = numberOf(e.monthsOfExperience);
      if (months !== undefined) years = Math.max(years, months / 12);
      const extra = textOf(e.description) ?? textOf(e.name);
      if (extra) notes.push(`Experience: ${extra}`);
    } else if (typeof e === 'string' && e.trim()) {
      const m = /(\d+(?:\.\d+)?)\s*\+?\s*(?:-\s*\d+\s*)?(years?|yrs?|months?)/i.exec(e);
      if (m) years = Math.max(years, /^m/i.test(m[2]) ? Number(m[1]) / 12 : Number(m[1]));
      notes.push(`Experience: ${e.trim()}`);
    } else if (typeof e === 'number') {
      years = Math.max(years, e / 12);
    }
  }
  return Math.round(years * 100) / 100;
}

function skillsOf(doc: JsonObject): string[] {
  return asList(doc.skills)
    .flatMap((s) => (typeof s === 'string' ? s.split(/[,;\n]/) : [textOf(s) ?? '']))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function occupation(doc: JsonObject): string | undefined {
  const code = textOf(asList(doc.occupationalCategory)[0]);
  const m = code ? /^(\d{2}-\d{4})(\.\d{2})?\b/.exec(code) : null;
  return m ? `${m[1]}${m[2] ?? '.00'}` : undefined;
}

function externalRefOf(doc: JsonObject): string | undefined {
  const id = asList(doc.identifier)[0];
  const ref = isObject(id) ? textOf(id.value) : textOf(id);
  return ref ?? textOf(doc.url);
}

/** Maps one document; `now` decides whether a past validThrough means "closed". */
export function jsonLdToPosting(doc: unknown, catalog: readonly CatalogName[], now: Date): JsonLdMapping {
  if (!isObject(doc)) return fail('document', 'must be a JSON object');
  if (!typesOf(doc).includes('JobPosting')) return fail('@type', 'must be "JobPosting"');
  const externalRef = externalRefOf(doc);
  if (!externalRef) return fail('identifier', 'needs identifier.value (or url): it is the externalRef');
  if (externalRef.length > MAX_REF) return fail('identifier', `at most ${MAX_REF} characters (got ${externalRef.length})`);

  const notes: string[] = [];
  const title = textOf(doc.title) ?? '';
  let description = htmlToText(textOf(doc.description) ?? '');
  const loc = place(doc, notes);
  const remote = remoteState(doc);
  const qualText = asList(doc.qualifications).map(textOf).filter(Boolean).join('\n');
  const fromQualifications = findQualificationMentions(qualText, catalog);
  // Codes in the description count too, but its text is already kept in full.
  const fromDescription = findQualificationMentions(description, catalog);
  const required = [...new Set([...fromQualifications.required, ...fromDescription.required])];
  const preferred = [...new Set([...fromQualifications.preferred, ...fromDescription.preferred])].filter((c) => !required.includes(c));
  if (qualText && !fromQualifications.fullyUnderstood) notes.push(`Qualifications: ${qualText}`);
  const minDegree = education(doc, notes);
  const minYearsExperience = experience(doc, notes);
  const pay = salary(doc, notes);
  const employmentType = asList(doc.employmentType).map((t) => employmentTypeIn(textOf(t) ?? '')).find((t) => t !== undefined);
  const validThrough = dateOf(doc.validThrough) ?? null;
  if (notes.length > 0) description = [description, ...notes].filter(Boolean).join('\n\n');

  return {
    ok: true,
    posting: {
      externalRef,
      title,
      description,
      ...(employmentType ? { employmentType } : {}),
      city: loc.city,
      state: loc.state ?? remote.state,
      zip: loc.zip,
      remote: remote.remote,
      ...pay,
      minDegree,
      minYearsExperience,
      requiredQualificationCodes: required,
      preferredQualificationCodes: preferred,
      skills: skillsOf(doc),
      status: validThrough && validThrough.getTime() < now.getTime() ? PostingStatus.CLOSED : PostingStatus.OPEN,
      ...(occupation(doc) ? { occupationCode: occupation(doc) } : {}),
      validThrough,
      ...(dateOf(doc.datePosted) ? { postedAt: dateOf(doc.datePosted) } : {}),
    },
  };
}
