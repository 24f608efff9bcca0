// The demo data holds what each README example needs, so a newcomer's first queries return
// something: the createJobPosting example (NHA role in TX) has eligible discoverable
// candidates, and the searchPostings example finds postings.
import { describe, expect, it } from 'vitest';
import { buildSeedData } from '../../seeds/seed-data.js';
import type { SeedPosting } from '../../seeds/seed-types.js';
import { DegreeLevel, EmploymentType, CareSetting, PostingStatus } from '../../src/shared/enums.js';
import { isEligible } from './seed-checks.js';
import { readDomainCatalog } from './seed-files.js';

const data = buildSeedData(readDomainCatalog());
const byCode = new Map(data.catalog.map((q) => [q.code, q] as const));

// The README's createJobPosting input.
const readmePosting: SeedPosting = {
  externalRef: 'readme',
  employerKey: data.employers[0].key,
  title: 'Nursing Home Administrator',
  description: 'Lead a 120-bed SNF.',
  setting: CareSetting.NURSING_HOME,
  employmentType: EmploymentType.FULL_TIME,
  city: null,
  state: 'TX',
  zip: null,
  remote: false,
  salaryMin: null,
  salaryMax: null,
  minDegree: { minLevel: DegreeLevel.BACHELOR, fields: [] },
  minYearsExperience: 3,
  requiredQualificationCodes: ['NHA'],
  preferredQualificationCodes: ['CNHA'],
  skills: ['budgeting'],
  status: PostingStatus.OPEN,
  postedAt: '2026-11-01T00:00:00.000Z',
};

describe('demo data for the README examples', () => {
  it.each(['2026-11-01', '2027-12-01', '2029-06-01'])('the NHA-in-TX posting has eligible discoverable candidates on %s', (today) => {
    const eligible = data.candidates.filter((c) => c.discoverable && isEligible(c, readmePosting, byCode, today));
    expect(eligible.length).toBeGreaterThanOrEqual(3);
    expect(eligible.every((c) => c.state === 'TX')).toBe(true);
  });

  it('other NHA holders are licensed elsewhere, so explanations show the wrong-state case', () => {
    const elsewhere = data.candidates.filter((c) => c.qualifications.some((q) => q.code === 'NHA' && q.state !== 'TX'));
    expect(elsewhere.length).toBeGreaterThanOrEqual(3);
  });

  it('the searchPostings example (practice manager, TX, minSalary 90000) has open postings to find', () => {
    const hits = data.postings.filter(
      (p) =>
        p.status === PostingStatus.OPEN &&
        p.state === 'TX' &&
        (p.salaryMax ?? p.salaryMin ?? 0) >= 90_000 &&
        /practice|manager/i.test(`${p.title} ${p.description}`),
    );
    expect(hits.length).toBeGreaterThan(0);
  });

  it('the browse examples (postings near 75201, NHA-in-TX candidates near 77001) have data', async () => {
    const { zipLocation } = await import('../../src/geo/us-locations.js');
    const { haversineMiles } = await import('../../src/matching/geo.js');
    const miles = (a: string, b: string) => {
      const [p, q] = [zipLocation(a)!, zipLocation(b)!];
      return haversineMiles(p.latitude, p.longitude, q.latitude, q.longitude);
    };
    const postings = data.postings.filter(
      (p) => p.status === PostingStatus.OPEN && !p.remote && p.state === 'TX' && p.zip !== null && miles('75201', p.zip) <= 50 &&
        /practice|manager/i.test(`${p.title} ${p.description}`),
    );
    expect(postings.length).toBeGreaterThan(0);
    const candidates = data.candidates.filter(
      (c) => c.discoverable && c.state === 'TX' && c.zip !== null && miles('77001', c.zip) <= 300 &&
        isEligible(c, readmePosting, byCode, '2026-12-01'),
    );
    expect(candidates.length).toBeGreaterThanOrEqual(3);
  });
});
