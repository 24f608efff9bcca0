// The pure JSON-LD mapping both ways: the export field by field (Google's required and
// recommended JobPosting properties), the import of the variants job boards publish, and the
// round trip export -> import.
import { describe, expect, it } from 'vitest';
import { postingToJsonLd as toJsonLd, type JsonLdPostingSource } from '../../../src/postings/json-ld/posting-to-json-ld.js';
import { jsonLdToPosting, type ImportedPosting } from '../../../src/postings/json-ld/json-ld-to-posting.js';
import { findQualificationMentions } from '../../../src/postings/json-ld/qualification-mentions.js';
import { DegreeLevel, EmploymentType, PostingStatus } from '../../../src/shared/enums.js';

const CATALOG = [
  { code: 'CMM', name: 'Certified Medical Manager' },
  { code: 'CPAM', name: 'Certified Patient Account Manager' },
  { code: 'NHA', name: 'Nursing Home Administrator License' },
  { code: 'RHIA', name: 'Registered Health Information Administrator' },
];
const names = new Map(CATALOG.map((c) => [c.code, c.name]));
const ctx = { employerName: 'Hillcrest Health', qualificationName: (code: string) => names.get(code) };
const NOW = new Date('2026-12-01T12:00:00Z');
/** The document as plain JSON (schema-dts's types are for building it, not for reading it back). */
const postingToJsonLd = (p: JsonLdPostingSource, c: typeof ctx): Record<string, unknown> => toJsonLd(p, c) as unknown as Record<string, unknown>;

const onSite: JsonLdPostingSource = {
  id: '6b0f208ab4b3c58926a867bd',
  externalRef: 'HC-1001',
  title: 'Practice Manager',
  description: 'Run a 12-physician cardiology practice.',
  employmentType: EmploymentType.FULL_TIME,
  status: PostingStatus.OPEN,
  postedAt: new Date('2026-11-20T09:00:00Z'),
  closedAt: null,
  validThrough: null,
  city: 'Austin',
  state: 'TX',
  zip: '78701',
  remote: false,
  salaryMin: 85000,
  salaryMax: 105000,
  minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
  minYearsExperience: 3,
  requiredQualificationCodes: ['CMM'],
  preferredQualificationCodes: ['CPAM'],
  skills: ['budgeting', 'EHR'],
  occupationCode: '11-9111.00',
};
const remote: JsonLdPostingSource = {
  ...onSite,
  id: '6b0f208ab4b3c58926a867be',
  externalRef: null,
  title: 'Remote Revenue Cycle Manager',
  employmentType: EmploymentType.JOB_SHARE,
  city: null,
  zip: null,
  remote: true,
  salaryMin: null,
  salaryMax: null,
  minDegree: null,
  minYearsExperience: 0,
  requiredQualificationCodes: [],
  preferredQualificationCodes: [],
  skills: [],
};

function imported(doc: unknown): ImportedPosting {
  const r = jsonLdToPosting(doc, CATALOG, NOW);
  if (!r.ok) throw new Error(r.message);
  return r.posting;
}

describe('postingToJsonLd', () => {
  it('emits a posting with degree, years, salary and state field by field', () => {
    expect(postingToJsonLd(onSite, ctx)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Practice Manager',
      description: 'Run a 12-physician cardiology practice.',
      identifier: { '@type': 'PropertyValue', name: 'Hillcrest Health', value: 'HC-1001' },
      datePosted: '2026-11-20T09:00:00.000Z',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: 'Hillcrest Health' },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', postalCode: '78701', addressCountry: 'US' },
      },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 85000, maxValue: 105000, unitText: 'YEAR' } },
      educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'bachelor degree' },
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 36 },
      qualifications: 'Required: CMM (Certified Medical Manager). Preferred: CPAM (Certified Patient Account Manager).',
      skills: 'budgeting, EHR',
      occupationalCategory: '11-9111.00',
    });
  });

  it('emits a remote posting as TELECOMMUTE with the applicant location, no validThrough while open', () => {
    const doc = postingToJsonLd(remote, ctx) ;
    expect(doc.jobLocationType).toBe('TELECOMMUTE');
    expect(doc.applicantLocationRequirements).toEqual({ '@type': 'State', name: 'TX' });
    expect(doc.jobLocation).toBeUndefined();
    expect(doc.employmentType).toBe('PART_TIME'); // JOB_SHARE has no Google value of its own
    expect(doc.identifier).toEqual({ '@type': 'PropertyValue', name: 'Hillcrest Health', value: remote.id });
    for (const absent of ['validThrough', 'baseSalary', 'educationRequirements', 'experienceRequirements', 'qualifications', 'skills']) {
      expect(doc[absent], absent).toBeUndefined();
    }
    const nationwide = postingToJsonLd({ ...remote, state: null }, ctx) ;
    expect(nationwide.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'USA' });
  });

  it('has every property Google requires, and validThrough when known (a feed date, or the day a closed posting closed)', () => {
    for (const p of [onSite, remote]) {
      const doc = postingToJsonLd(p, ctx) ;
      for (const required of ['title', 'description', 'datePosted', 'hiringOrganization']) expect(doc[required], required).toBeTruthy();
      expect(doc.jobLocation ?? doc.jobLocationType).toBeTruthy();
    }
    const closed = postingToJsonLd({ ...onSite, status: PostingStatus.CLOSED, closedAt: new Date('2026-11-30T00:00:00Z') }, ctx) ;
    expect(closed.validThrough).toBe('2026-11-30T00:00:00.000Z');
    const dated = postingToJsonLd({ ...onSite, validThrough: new Date('2027-01-31T00:00:00Z') }, ctx) ;
    expect(dated.validThrough).toBe('2027-01-31T00:00:00.000Z');
    expect((postingToJsonLd({ ...onSite, minDegree: { minLevel: DegreeLevel.DOCTORATE, fields: [] } }, ctx) as unknown as { educationRequirements: { credentialCategory: string } }).educationRequirements.credentialCategory).toBe('postgraduate degree');
    expect((postingToJsonLd({ ...onSite, employmentType: EmploymentType.CONTRACT }, ctx) as unknown as { employmentType: string }).employmentType).toBe('CONTRACTOR');
  });
});

describe('jsonLdToPosting', () => {
  const base = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Office Manager', description: 'Front office lead.', identifier: { '@type': 'PropertyValue', value: 'B-1' } };

  it('reads baseSalary.value as a number or a range, and converts HOUR / MONTH / YEAR to yearly', () => {
    expect(imported({ ...base, baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: 72000 } })).toMatchObject({ salaryMin: 72000, salaryMax: 72000 });
    const hour = { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 30, maxValue: 40.5, unitText: 'HOUR' } };
    expect(imported({ ...base, baseSalary: hour })).toMatchObject({ salaryMin: 62400, salaryMax: 84240 });
    const month = { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', value: 6000, unitText: 'MONTH' } };
    expect(imported({ ...base, baseSalary: month })).toMatchObject({ salaryMin: 72000, salaryMax: 72000 });
    const year = { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: '90,000', unitText: 'YEAR' } };
    expect(imported({ ...base, baseSalary: year })).toMatchObject({ salaryMin: 90000, salaryMax: null });
  });

  it('keeps a salary it cannot convert (another currency) in the description instead', () => {
    const p = imported({ ...base, baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', value: 50000, unitText: 'YEAR' } } });
    expect(p).toMatchObject({ salaryMin: null, salaryMax: null });
    expect(p.description).toContain('Salary: 50000-50000 EUR per year');
  });

  it('reads jobLocation as a list (the first is the posting\'s, the others stay in the description) and TELECOMMUTE as remote', () => {
    const p = imported({
      ...base,
      jobLocation: [
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Dallas', addressRegion: 'tx', postalCode: '75201-1234', addressCountry: 'US' } },
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Houston', addressRegion: 'TX' } },
      ],
    });
    expect(p).toMatchObject({ city: 'Dallas', state: 'TX', zip: '75201', remote: false });
    expect(p.description).toContain('Also at: Houston, TX');
    const r = imported({ ...base, jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ '@type': 'State', name: 'OH' }] });
    expect(r).toMatchObject({ remote: true, state: 'OH', city: null });
  });

  it('reads educationRequirements as credential objects or text, experienceRequirements as months or text', () => {
    const objects = imported({
      ...base,
      educationRequirements: [
        { '@type': 'EducationalOccupationalCredential', credentialCategory: 'postgraduate degree' },
        { '@type': 'EducationalOccupationalCredential', credentialCategory: 'bachelor degree' },
      ],
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 60 },
    });
    expect(objects).toMatchObject({ minDegree: { minLevel: 'BACHELOR', fields: [] }, minYearsExperience: 5 });
    expect(objects.description).toBe('Front office lead.');
    expect(imported({ ...base, educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'postgraduate degree' } }).minDegree?.minLevel).toBe('MASTER');

    const text = imported({ ...base, educationRequirements: "Bachelor's degree in health administration", experienceRequirements: '3+ years of practice management' });
    expect(text).toMatchObject({ minDegree: { minLevel: 'BACHELOR' }, minYearsExperience: 3 });
    // The text names more than the level and the number: it is kept for people to read.
    expect(text.description).toContain("Education: Bachelor's degree in health administration");
    expect(text.description).toContain('Experience: 3+ years of practice management');
  });

  it('finds qualification codes and names: required only when the text says so, else preferred', () => {
    const p = imported({
      ...base,
      description: 'Hiring now. RHIA is a plus.',
      qualifications: 'Certified Medical Manager required. CPAM preferred.',
    });
    expect(p.requiredQualificationCodes).toEqual(['CMM']);
    expect(p.preferredQualificationCodes.sort()).toEqual(['CPAM', 'RHIA']);
    expect(p.description).toBe('Hiring now. RHIA is a plus.');
    // Alternatives cannot be required; unknown credentials stay in the description.
    const alt = imported({ ...base, qualifications: 'Must hold CMM or CPAM, and a BLS card.' });
    expect(alt.requiredQualificationCodes).toEqual([]);
    expect(alt.preferredQualificationCodes.sort()).toEqual(['CMM', 'CPAM']);
    expect(alt.description).toContain('Qualifications: Must hold CMM or CPAM, and a BLS card.');
    expect(findQualificationMentions('CMM is not required', CATALOG)).toMatchObject({ required: [], preferred: ['CMM'] });
    expect(findQualificationMentions('Required: CMM, RHIA', CATALOG)).toMatchObject({ required: ['CMM', 'RHIA'], fullyUnderstood: true });
  });

  it('takes url when there is no identifier, maps employment types and dates, and strips HTML from the description', () => {
    const p = imported({
      '@type': ['JobPosting'],
      title: 'Director',
      url: 'https://jobs.example.org/42',
      description: '<p>Lead &amp; grow.</p><ul><li>Budgets</li></ul>',
      employmentType: ['CONTRACTOR'],
      validThrough: '2026-11-01',
      skills: ['budgeting', { '@type': 'DefinedTerm', name: 'coding' }],
      occupationalCategory: '11-9111',
    });
    expect(p).toMatchObject({ externalRef: 'https://jobs.example.org/42', employmentType: 'CONTRACT', status: 'CLOSED', skills: ['budgeting', 'coding'], occupationCode: '11-9111.00' });
    expect(p.description).toBe('Lead & grow.\n- Budgets');
  });

  it('refuses documents it cannot map, naming the field', () => {
    expect(jsonLdToPosting({ ...base, '@type': 'Event' }, CATALOG, NOW)).toMatchObject({ ok: false, field: '@type' });
    expect(jsonLdToPosting({ ...base, identifier: undefined }, CATALOG, NOW)).toMatchObject({ ok: false, field: 'identifier' });
    expect(jsonLdToPosting('text', CATALOG, NOW)).toMatchObject({ ok: false, field: 'document' });
  });
});

describe('round trip export -> import', () => {
  it.each([
    ['on site', onSite],
    ['remote', { ...remote, city: 'Columbus', state: 'OH', salaryMin: 60000, salaryMax: null, minDegree: { minLevel: DegreeLevel.MASTER, fields: [] }, minYearsExperience: 1.5 }],
  ])('keeps title, description, state, city, salary, employment type, degree level, years and remote (%s)', (_name, p) => {
    const back = imported(postingToJsonLd(p, ctx));
    expect(back).toMatchObject({
      title: p.title,
      description: p.description,
      state: p.state,
      city: p.city,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      employmentType: p.employmentType === EmploymentType.JOB_SHARE ? EmploymentType.PART_TIME : p.employmentType,
      minDegree: p.minDegree ? { minLevel: p.minDegree.minLevel } : null,
      minYearsExperience: p.minYearsExperience,
      remote: p.remote,
      requiredQualificationCodes: p.requiredQualificationCodes,
      preferredQualificationCodes: p.preferredQualificationCodes,
      skills: p.skills,
      externalRef: p.externalRef ?? p.id,
    });
  });
});
