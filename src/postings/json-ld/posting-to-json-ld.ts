// A posting as schema.org JobPosting JSON-LD for Google's job-posting structured data (the
// fields the contract lists; DESIGN §9 for the vocabulary). Pure: the caller supplies the
// employer's name and the catalog's names.
import type { JobPosting, WithContext } from 'schema-dts';
import { PostingStatus, type DegreeLevel, type EmploymentType } from '../../shared/enums.js';
import { CREDENTIAL_CATEGORY_OUT, EMPLOYMENT_TYPE_OUT } from './json-ld-vocabulary.js';

export interface JsonLdPostingSource {
  id: string;
  externalRef: string | null;
  title: string;
  description: string;
  employmentType: EmploymentType;
  status: PostingStatus;
  postedAt: Date;
  closedAt: Date | null;
  validThrough: Date | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  minDegree: { minLevel: DegreeLevel; fields: readonly string[] } | null;
  minYearsExperience: number;
  requiredQualificationCodes: readonly string[];
  preferredQualificationCodes: readonly string[];
  skills: readonly string[];
  occupationCode: string;
}

export interface JsonLdContext {
  employerName: string;
  /** Catalog names by code, to spell qualifications out ("CMM (Certified Medical Manager)"). */
  qualificationName(code: string): string | undefined;
}

/**
 * When the posting stops being valid, when known: the feed's own date, or the day a closed
 * posting was closed (Google reads a past validThrough as "expired"). Open postings without
 * a date get none (the contract: only when known).
 */
function validThroughOf(p: JsonLdPostingSource): Date | null {
  if (p.validThrough) return p.validThrough;
  return p.status === PostingStatus.CLOSED ? p.closedAt : null;
}

function qualificationsText(p: JsonLdPostingSource, ctx: JsonLdContext): string | undefined {
  const spell = (code: string) => {
    const name = ctx.qualificationName(code);
    return name ? `${code} (${name})` : code;
  };
  const parts: string[] = [];
  if (p.requiredQualificationCodes.length > 0) parts.push(`Required: ${p.requiredQualificationCodes.map(spell).join(', ')}.`);
  if (p.preferredQualificationCodes.length > 0) parts.push(`Preferred: ${p.preferredQualificationCodes.map(spell).join(', ')}.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function address(p: JsonLdPostingSource) {
  return {
    '@type': 'PostalAddress' as const,
    ...(p.city ? { addressLocality: p.city } : {}),
    ...(p.state ? { addressRegion: p.state } : {}),
    ...(p.zip ? { postalCode: p.zip } : {}),
    addressCountry: 'US',
  };
}

export function postingToJsonLd(p: JsonLdPostingSource, ctx: JsonLdContext): WithContext<JobPosting> {
  const validThrough = validThroughOf(p);
  const qualifications = qualificationsText(p, ctx);
  const hasPlace = !!(p.city || p.state || p.zip);
  const doc: WithContext<JobPosting> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: p.title,
    description: p.description,
    identifier: { '@type': 'PropertyValue', name: ctx.employerName, value: p.externalRef ?? p.id },
    datePosted: p.postedAt.toISOString(),
    ...(validThrough ? { validThrough: validThrough.toISOString() } : {}),
    employmentType: EMPLOYMENT_TYPE_OUT[p.employmentType],
    hiringOrganization: { '@type': 'Organization', name: ctx.employerName },
    // A remote posting names where applicants may live; an office it also has (a city) stays
    // as its jobLocation, which Google reads as "remote or on site".
    ...(p.remote
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: p.state ? { '@type': 'State', name: p.state } : { '@type': 'Country', name: 'USA' },
          ...(p.city ? { jobLocation: { '@type': 'Place', address: address(p) } } : {}),
        }
      : { jobLocation: { '@type': 'Place', address: hasPlace ? address(p) : { '@type': 'PostalAddress', addressCountry: 'US' } } }),
    ...(p.salaryMin !== null || p.salaryMax !== null
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'USD',
            value: {
              '@type': 'QuantitativeValue',
              ...(p.salaryMin !== null ? { minValue: p.salaryMin } : {}),
              ...(p.salaryMax !== null ? { maxValue: p.salaryMax } : {}),
              unitText: 'YEAR',
            },
          },
        }
      : {}),
    ...(p.minDegree
      ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: CREDENTIAL_CATEGORY_OUT[p.minDegree.minLevel] } }
      : {}),
    ...(p.minYearsExperience > 0
      ? { experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: Math.round(p.minYearsExperience * 12 * 100) / 100 } }
      : {}),
    ...(qualifications ? { qualifications } : {}),
    ...(p.skills.length > 0 ? { skills: p.skills.join(', ') } : {}),
    occupationalCategory: p.occupationCode,
  };
  return doc;
}
