// JSON-LD through HTTP: JobPosting.jsonLd, the crawler route GET /jobs/<id>.jsonld (open
// postings only), importJobPostingsJsonLd with sample documents in each variant, and the round
// trip export -> import between two employers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';

const POSTING_FIELDS = 'id title description state city zip salaryMin salaryMax employmentType remote status minYearsExperience minDegree { minLevel } requiredQualifications { code } preferredQualifications { code } skills externalRef occupationCode';
const IMPORT = `mutation($e: ID!, $d: [JSON!]!) { importJobPostingsJsonLd(employerId: $e, documents: $d) {
  created updated unchanged failed items { index externalRef id outcome error { code field message } } } }`;

interface Posting { id: string; title: string; description: string; state: string | null; city: string | null; zip: string | null; salaryMin: number | null; salaryMax: number | null; employmentType: string; remote: boolean; status: string; minYearsExperience: number; minDegree: { minLevel: string } | null; requiredQualifications: { code: string }[]; preferredQualifications: { code: string }[]; skills: string[]; externalRef: string | null; occupationCode: string }
interface Bulk { created: number; updated: number; unchanged: number; failed: number; items: { index: number; externalRef: string | null; id: string | null; outcome: string; error: { code: string; field: string; message: string } | null }[] }

describe('JSON-LD out and in', () => {
  let t: TestApp;
  let employerA = '';
  let employerB = '';
  let postingId = '';
  const base = () => t.url.replace(/\/graphql$/, '');
  const posting = async (id: string) => (await must<{ jobPosting: Posting }>(t, `{ jobPosting(id: "${id}") { ${POSTING_FIELDS} } }`)).jobPosting;
  const jsonLd = async (id: string) => (await must<{ jobPosting: { jsonLd: Record<string, unknown> } }>(t, `{ jobPosting(id: "${id}") { jsonLd } }`)).jobPosting.jsonLd;
  const importDocs = async (employerId: string, documents: unknown[], key?: string | null) => t.gql<{ importJobPostingsJsonLd: Bulk }>(IMPORT, { e: employerId, d: documents }, key);

  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '100000' } });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    await upsertQualification(t, { code: 'CPAM', name: 'Certified Patient Account Manager', kind: 'CERTIFICATION' });
    employerA = await createEmployer(t, { name: 'Lakeside Health', setting: 'HOSPITAL', state: 'TX' });
    employerB = await createEmployer(t, { name: 'Riverbend Clinics', setting: 'GROUP_PRACTICE', state: 'OH' });
    postingId = await createPosting(t, {
      employerId: employerA, title: 'Practice Manager', description: 'Run a 12-physician practice.', city: 'Austin', state: 'TX', zip: '78701',
      salaryMin: 85000, salaryMax: 105000, minDegree: { minLevel: 'BACHELOR' }, minYearsExperience: 3,
      requiredQualificationCodes: ['CMM'], preferredQualificationCodes: ['CPAM'], skills: ['budgeting'], externalRef: 'LH-77',
    });
  });
  afterAll(async () => t?.close());

  it('JobPosting.jsonLd is schema.org JobPosting structured data, field by field', async () => {
    const doc = await jsonLd(postingId);
    const stored = await must<{ jobPosting: { postedAt: string } }>(t, `{ jobPosting(id: "${postingId}") { postedAt } }`);
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Practice Manager',
      description: 'Run a 12-physician practice.',
      datePosted: stored.jobPosting.postedAt,
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: 'Lakeside Health' },
      identifier: { '@type': 'PropertyValue', name: 'Lakeside Health', value: 'LH-77' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', postalCode: '78701', addressCountry: 'US' } },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 85000, maxValue: 105000, unitText: 'YEAR' } },
      educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'bachelor degree' },
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 36 },
      qualifications: 'Required: CMM (Certified Medical Manager). Preferred: CPAM (Certified Patient Account Manager).',
      skills: 'budgeting',
      occupationalCategory: '11-9111.00',
    });
    expect(doc.validThrough).toBeUndefined();
    expect((await posting(postingId)).occupationCode).toBe('11-9111.00');
  });

  it('GET /jobs/<id>.jsonld serves the same document as application/ld+json, for open postings only', async () => {
    const res = await fetch(`${base()}/jobs/${postingId}.jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(await res.json()).toEqual(await jsonLd(postingId));

    const closedId = await createPosting(t, { employerId: employerA, title: 'Closed one', description: 'x' });
    await must(t, `mutation { closeJobPosting(id: "${closedId}") { id } }`);
    for (const path of [`/jobs/${closedId}.jsonld`, '/jobs/6b0f208ab4b3c58926a867bd.jsonld', '/jobs/nope.jsonld', `/jobs/${postingId}.json`]) {
      const r = await fetch(`${base()}${path}`);
      expect(r.status, path).toBe(404);
      expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('imports sample documents in each variant job boards publish', async () => {
    const docs = [
      { // salary as a plain (yearly) number, jobLocation as a list, education and experience as text
        '@context': 'https://schema.org', '@type': 'JobPosting', identifier: { '@type': 'PropertyValue', name: 'Board', value: 'V-1' },
        title: 'Clinic Administrator', description: '<p>Own the clinic budget.</p>', employmentType: 'FULL_TIME',
        baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: 98000 },
        jobLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Columbus', addressRegion: 'OH', postalCode: '43215', addressCountry: 'US' } }],
        educationRequirements: "Master's degree in health administration",
        experienceRequirements: '5 years of clinic operations',
        qualifications: 'CMM required; CPAM a plus.',
      },
      { // hourly range, remote, credential objects, months
        '@type': 'JobPosting', url: 'https://board.example.org/jobs/V-2', title: 'Remote Billing Supervisor', description: 'Supervise remote billers.',
        employmentType: 'PART_TIME', jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'State', name: 'OH' },
        baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 30, maxValue: 35, unitText: 'HOUR' } },
        educationRequirements: [{ '@type': 'EducationalOccupationalCredential', credentialCategory: 'associate degree' }],
        experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 18 },
      },
      { // monthly salary, contractor
        '@type': 'JobPosting', identifier: 'V-3', title: 'Interim Practice Director', description: 'Six-month engagement. Certified Patient Account Manager preferred.',
        employmentType: 'CONTRACTOR', baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', value: 9000, unitText: 'MONTH' } },
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Dayton', addressRegion: 'OH' } },
      },
      { '@type': 'Event', identifier: 'V-4', title: 'Not a job' },
    ];
    const res = await importDocs(employerB, docs);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const r = res.data!.importJobPostingsJsonLd;
    expect(r.items.map((i) => [i.externalRef, i.outcome])).toEqual([['V-1', 'created'], ['https://board.example.org/jobs/V-2', 'created'], ['V-3', 'created'], [null, 'failed']]);
    expect(r.items[3].error).toMatchObject({ code: 'BAD_USER_INPUT', field: '@type' });

    const [p1, p2, p3] = await Promise.all(r.items.slice(0, 3).map((i) => posting(i.id!)));
    expect(p1).toMatchObject({ city: 'Columbus', state: 'OH', zip: '43215', salaryMin: 98000, salaryMax: 98000, minDegree: { minLevel: 'MASTER' }, minYearsExperience: 5, remote: false });
    expect(p1.requiredQualifications.map((q) => q.code)).toEqual(['CMM']);
    expect(p1.preferredQualifications.map((q) => q.code)).toEqual(['CPAM']);
    expect(p1.description).toContain('Own the clinic budget.');
    expect(p1.description).toContain("Education: Master's degree in health administration");
    expect(p2).toMatchObject({ remote: true, state: 'OH', salaryMin: 62400, salaryMax: 72800, employmentType: 'PART_TIME', minDegree: { minLevel: 'ASSOCIATE' }, minYearsExperience: 1.5 });
    expect(p3).toMatchObject({ employmentType: 'CONTRACT', salaryMin: 108000, city: 'Dayton', state: 'OH' });
    expect(p3.requiredQualifications).toEqual([]);
    expect(p3.preferredQualifications.map((q) => q.code)).toEqual(['CPAM']);

    // The same feed again changes nothing.
    const again = (await importDocs(employerB, docs.slice(0, 3))).data!.importJobPostingsJsonLd;
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 3]);
  });

  it('round-trips export -> import: title, description, state, city, salary, type, degree, years, remote', async () => {
    const exported = await jsonLd(postingId);
    const r = (await importDocs(employerB, [exported])).data!.importJobPostingsJsonLd;
    expect(r.items[0].outcome).toBe('created');
    const [orig, copy] = [await posting(postingId), await posting(r.items[0].id!)];
    const keep = ({ title, description, state, city, zip, salaryMin, salaryMax, employmentType, minDegree, minYearsExperience, remote, requiredQualifications, preferredQualifications, skills, externalRef }: Posting) =>
      ({ title, description, state, city, zip, salaryMin, salaryMax, employmentType, minDegree, minYearsExperience, remote, requiredQualifications, preferredQualifications, skills, externalRef });
    expect(keep(copy)).toEqual(keep(orig));
  });

  it('imports only for the caller\'s own employer, and checks the employer first', async () => {
    const issue = 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key } }';
    const recruiterA = (await must<{ issueApiKey: { key: string } }>(t, issue, { i: { role: 'RECRUITER', employerId: employerA, label: 'A' } })).issueApiKey.key;
    const doc = { '@type': 'JobPosting', identifier: 'R-1', title: 'Office Lead', description: 'x' };
    expect((await importDocs(employerB, [doc], recruiterA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await importDocs(employerA, [doc], recruiterA)).data?.importJobPostingsJsonLd.created).toBe(1);
    expect((await importDocs('6b0f208ab4b3c58926a867bd', [doc])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await importDocs(employerA, [doc], null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
