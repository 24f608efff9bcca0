import { describe, expect, it } from 'vitest';
import { CareSetting, DegreeLevel, degreeRank, EmploymentType, PostingStatus } from '../../src/shared/enums.js';
import { parseDay } from '../../seeds/dates.js';
import { generateCandidates, generateEmployers, generatePostings, REFERENCE_DATE, transformCatalog } from '../../seeds/generator.js';
import { candidateErrors, employerErrors, postingErrors, yearsOfExperience } from './seed-checks.js';
import { readDomainCatalog } from './seed-files.js';

const catalog = transformCatalog(readDomainCatalog());
const byCode = new Map(catalog.map((q) => [q.code, q] as const));
const employers = generateEmployers(200, 11);
const postings = generatePostings(5_000, employers, catalog, 12);
const candidates = generateCandidates(3_000, catalog, 13);

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

describe('determinism', () => {
  it('gives deep-equal output for the same seed', () => {
    expect(generateEmployers(40, 5)).toEqual(generateEmployers(40, 5));
    const e = generateEmployers(40, 5);
    expect(generatePostings(300, e, catalog, 6)).toEqual(generatePostings(300, e, catalog, 6));
    expect(generateCandidates(300, catalog, 7)).toEqual(generateCandidates(300, catalog, 7));
  });

  it('gives different output for another seed', () => {
    expect(generateEmployers(40, 5)).not.toEqual(generateEmployers(40, 8));
    expect(generatePostings(300, employers, catalog, 6)).not.toEqual(generatePostings(300, employers, catalog, 9));
    expect(generateCandidates(300, catalog, 7)).not.toEqual(generateCandidates(300, catalog, 10));
  });

  it('does not depend on the clock', () => {
    const before = generateCandidates(50, catalog, 3);
    const realNow = Date.now;
    Date.now = () => realNow() + 400 * 86_400_000;
    try {
      expect(generateCandidates(50, catalog, 3)).toEqual(before);
    } finally {
      Date.now = realNow;
    }
  });
});

describe('validity against the API rules', () => {
  it('the checker itself rejects bad records', () => {
    const keys = new Set(employers.map((e) => e.key));
    const bad = { ...postings[0], salaryMin: 90_000, salaryMax: 80_000, state: 'XX', requiredQualificationCodes: ['NOPE'] };
    expect(postingErrors(bad, byCode, keys)).toHaveLength(3);
    const c = candidates.find((x) => x.experience.length > 0)!;
    const swapped = { ...c, experience: [{ ...c.experience[0], startDate: '2026-10-01', endDate: '2020-01-01' }] };
    expect(candidateErrors(swapped, byCode, REFERENCE_DATE).join()).toContain('endDate before startDate');
  });

  it('every employer is valid and keys are unique', () => {
    expect(employers.flatMap(employerErrors)).toEqual([]);
    const many = generateEmployers(3_000, 2);
    expect(new Set(many.map((e) => e.key)).size).toBe(many.length);
  });

  it('every posting is valid, with unique externalRefs', () => {
    const keys = new Set(employers.map((e) => e.key));
    expect(postings.flatMap((p) => postingErrors(p, byCode, keys))).toEqual([]);
    expect(new Set(postings.map((p) => p.externalRef)).size).toBe(postings.length);
  });

  it('postedAt lies in the 120 days before the reference date', () => {
    const end = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
    for (const p of postings) {
      const t = Date.parse(p.postedAt);
      expect(t).toBeLessThanOrEqual(end);
      expect(t).toBeGreaterThan(end - 120 * 86_400_000);
    }
  });

  it('every candidate is valid, with unique emails', () => {
    expect(candidates.flatMap((c) => candidateErrors(c, byCode, REFERENCE_DATE))).toEqual([]);
    expect(new Set(candidates.map((c) => c.email)).size).toBe(candidates.length);
  });

  it('renewing credentials expire one renewal period after earnedOn; others never', () => {
    for (const q of candidates.flatMap((c) => c.qualifications)) {
      const months = byCode.get(q.code)!.renewalMonths;
      if (months === null) {
        expect(q.expiresOn).toBeNull();
        continue;
      }
      const earned = new Date(`${q.earnedOn}T00:00:00Z`);
      const expected = new Date(Date.UTC(earned.getUTCFullYear(), earned.getUTCMonth() + months, 1));
      const lastDay = new Date(Date.UTC(expected.getUTCFullYear(), expected.getUTCMonth() + 1, 0)).getUTCDate();
      expected.setUTCDate(Math.min(earned.getUTCDate(), lastDay));
      expect(q.expiresOn).toBe(expected.toISOString().slice(0, 10));
    }
  });
});

describe('distributions', () => {
  it("puts 50-85% of minimum degrees at bachelor's or above (O*NET: 75%)", () => {
    const atLeastBachelor = share(postings, (p) => p.minDegree !== null && degreeRank(p.minDegree.minLevel) >= degreeRank(DegreeLevel.BACHELOR));
    expect(atLeastBachelor).toBeGreaterThan(0.5);
    expect(atLeastBachelor).toBeLessThan(0.85);
    expect(share(postings, (p) => p.minDegree === null)).toBeGreaterThan(0.01);
    expect(share(postings, (p) => p.minDegree?.minLevel === DegreeLevel.MASTER)).toBeGreaterThan(0.12);
  });

  it('closes about 10% of postings and keeps most full-time and on-site', () => {
    expect(share(postings, (p) => p.status === PostingStatus.CLOSED)).toBeGreaterThan(0.06);
    expect(share(postings, (p) => p.status === PostingStatus.CLOSED)).toBeLessThan(0.14);
    expect(share(postings, (p) => p.employmentType === EmploymentType.FULL_TIME)).toBeGreaterThan(0.75);
    const remote = share(postings, (p) => p.remote);
    expect(remote).toBeGreaterThan(0);
    expect(remote).toBeLessThan(0.15);
  });

  it('publishes most salaries, around the BLS median', () => {
    const mids = postings.filter((p) => p.salaryMin !== null && p.salaryMax !== null).map((p) => (p.salaryMin! + p.salaryMax!) / 2);
    expect(mids.length / postings.length).toBeGreaterThan(0.7);
    expect(mids.length).toBeLessThan(postings.length);
    const median = mids.sort((a, b) => a - b)[Math.floor(mids.length / 2)];
    expect(median).toBeGreaterThan(85_000);
    expect(median).toBeLessThan(150_000);
  });

  it('spreads small employer sets over every setting and large ones by BLS share', () => {
    expect(new Set(generateEmployers(25, 1).map((e) => e.setting)).size).toBe(Object.keys(CareSetting).length);
    const many = generateEmployers(1_000, 1);
    const count = (s: CareSetting) => many.filter((e) => e.setting === s).length;
    const hospitals = count(CareSetting.HOSPITAL);
    for (const s of Object.values(CareSetting)) if (s !== CareSetting.HOSPITAL) expect(count(s)).toBeLessThan(hospitals);
    expect(hospitals / many.length).toBeGreaterThan(0.3);
    expect(count(CareSetting.PHYSICIAN_OFFICE) + count(CareSetting.GROUP_PRACTICE)).toBeGreaterThan(count(CareSetting.GOVERNMENT_AGENCY));
  });

  it('follows the role-to-credential table', () => {
    const nha = postings.filter((p) => /Nursing Home Administrator/.test(p.title));
    expect(nha.length).toBeGreaterThan(20);
    for (const p of nha) {
      expect(p.requiredQualificationCodes).toContain('NHA');
      expect(p.state).toBe(employers.find((e) => e.key === p.employerKey)!.state);
    }
    const coding = postings.filter((p) => /Coding Manager/.test(p.title));
    expect(share(coding, (p) => p.requiredQualificationCodes.some((c) => c === 'CPC' || c === 'CCS'))).toBeGreaterThan(0.6);
    const executives = postings.filter((p) => /Chief Operating Officer|Hospital Administrator/.test(p.title));
    expect(executives.length).toBeGreaterThan(10);
    expect(share(executives, (p) => p.minDegree !== null && degreeRank(p.minDegree.minLevel) >= degreeRank(DegreeLevel.MASTER))).toBeGreaterThan(0.8);
    expect(share(executives, (p) => p.preferredQualificationCodes.includes('FACHE'))).toBeGreaterThan(0.5);
    const nurses = postings.filter((p) => p.title === 'Nurse Manager');
    expect(share(nurses, (p) => p.requiredQualificationCodes.includes('RN'))).toBeGreaterThan(0.8);
  });

  it('gives candidates a mix of current, expired and state-held credentials', () => {
    const held = candidates.flatMap((c) => c.qualifications);
    const expired = share(held, (q) => q.expiresOn !== null && q.expiresOn < REFERENCE_DATE);
    expect(expired).toBeGreaterThan(0.03);
    expect(expired).toBeLessThan(0.3);
    const licences = held.filter((q) => byCode.get(q.code)!.stateSpecific);
    expect(licences.length).toBeGreaterThan(50);
    const ownState = candidates.filter((c) => c.qualifications.some((q) => q.state !== null && q.state === c.state)).length;
    const otherState = candidates.filter((c) => c.qualifications.some((q) => q.state !== null && q.state !== c.state)).length;
    expect(ownState).toBeGreaterThan(otherState);
    expect(otherState).toBeGreaterThan(0);
    expect(share(candidates, (c) => c.discoverable)).toBeGreaterThan(0.85);
    expect(share(candidates, (c) => c.discoverable)).toBeLessThan(0.95);
  });

  it('gives careers of varied length, some with overlapping jobs', () => {
    const years = candidates.map((c) => yearsOfExperience(c, REFERENCE_DATE)).sort((a, b) => a - b);
    expect(years[Math.floor(years.length / 2)]).toBeGreaterThan(3);
    expect(years[Math.floor(years.length / 2)]).toBeLessThan(12);
    expect(share(candidates, (c) => c.experience.some((x) => x.endDate === null))).toBeGreaterThan(0.6);
    const overlapping = candidates.filter((c) =>
      c.experience.some((a, i) => c.experience.some((b, j) => i !== j && a.startDate < (b.endDate ?? REFERENCE_DATE) && b.startDate < (a.endDate ?? REFERENCE_DATE))),
    );
    expect(overlapping.length).toBeGreaterThan(0);
    for (const c of candidates) {
      const firstJob = c.experience[0]?.startDate;
      const firstDegree = c.degrees.filter((d) => d.year !== null).map((d) => d.year!)[0];
      if (firstJob && firstDegree !== undefined) expect(firstDegree).toBeLessThanOrEqual(parseDay(firstJob) / 365.25 + 1970 + 1);
    }
  });
});

describe('locations', () => {
  it('gives every posting and candidate a ZIP of its own city', async () => {
    const { cityKey, zipLocation } = await import('../../src/geo/us-locations.js');
    const { buildSeedData } = await import('../../seeds/seed-data.js');
    const demo = buildSeedData(readDomainCatalog());
    const located = [...postings, ...candidates, ...demo.postings, ...demo.candidates].filter((r) => r.city !== null);
    expect(located.length).toBeGreaterThan(0);
    for (const r of located) {
      const z = zipLocation(r.zip ?? '');
      expect(z, `${r.city}, ${r.state}: ${r.zip}`).not.toBeNull();
      expect(cityKey(z!.city, z!.state)).toBe(cityKey(r.city!, r.state!));
    }
    // Postings sit at their employer's site: one ZIP per employer.
    const byEmployer = new Map<string, Set<string | null>>();
    for (const p of postings) byEmployer.set(p.employerKey, (byEmployer.get(p.employerKey) ?? new Set()).add(p.zip));
    for (const zips of byEmployer.values()) expect(zips.size).toBe(1);
  });
});
