import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_MILES, boundingBox, distanceWithin, haversineMiles, inBox } from '../../src/matching/geo.js';
import { facetList, salaryBand, SALARY_BANDS } from '../../src/matching/facets.js';
import { CANDIDATE_CLAUSE, candidateFilterOutcome, compileCandidateFilter, failsAtMost } from '../../src/matching/candidate-filter.js';
import { zipLocation } from '../../src/geo/us-locations.js';

/** An independent formula (spherical law of cosines) with the same radius, for cross-checking. */
function cosinesMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon1 - lon2) * r);
  return Math.acos(Math.min(1, c)) * EARTH_RADIUS_MILES;
}

describe('haversine', () => {
  it('gives NYC 10001 to LA 90001 as our own formula does, within 1% of the published ~2,450 miles', () => {
    const nyc = zipLocation('10001')!;
    const la = zipLocation('90001')!;
    const d = haversineMiles(nyc.latitude, nyc.longitude, la.latitude, la.longitude);
    expect(d).toBeCloseTo(cosinesMiles(nyc.latitude, nyc.longitude, la.latitude, la.longitude), 6);
    expect(Math.abs(d - 2450) / 2450).toBeLessThan(0.01);
  });

  it('gives Chicago 60601 to Boston 02108 within 1% of the published ~850 miles, and 0 to itself', () => {
    const chi = zipLocation('60601')!;
    const bos = zipLocation('02108')!;
    const d = haversineMiles(chi.latitude, chi.longitude, bos.latitude, bos.longitude);
    expect(Math.abs(d - 850) / 850).toBeLessThan(0.01);
    expect(haversineMiles(chi.latitude, chi.longitude, chi.latitude, chi.longitude)).toBe(0);
  });

  it('agrees with the law of cosines on random pairs, and is symmetric', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const [a, b, c, d] = [rnd() * 170 - 85, rnd() * 360 - 180, rnd() * 170 - 85, rnd() * 360 - 180];
      const h = haversineMiles(a, b, c, d);
      expect(h).toBeCloseTo(haversineMiles(c, d, a, b), 9);
      if (h > 1) expect(Math.abs(h - cosinesMiles(a, b, c, d))).toBeLessThan(1e-6 * h + 1e-6);
    }
  });
});

describe('bounding box prefilter', () => {
  it('contains every point within the radius (never drops a true hit)', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const centre = { latitude: rnd() * 120 - 60, longitude: rnd() * 340 - 170 };
      const radius = 1 + rnd() * 499;
      const box = boundingBox(centre, radius);
      for (let k = 0; k < 20; k++) {
        // A point at a random bearing, just inside the radius.
        const bearing = rnd() * 2 * Math.PI;
        const ang = (radius * 0.999) / EARTH_RADIUS_MILES;
        const r = Math.PI / 180;
        const lat1 = centre.latitude * r;
        const lat2 = Math.asin(Math.sin(lat1) * Math.cos(ang) + Math.cos(lat1) * Math.sin(ang) * Math.cos(bearing));
        const lon2 = centre.longitude * r + Math.atan2(Math.sin(bearing) * Math.sin(ang) * Math.cos(lat1), Math.cos(ang) - Math.sin(lat1) * Math.sin(lat2));
        const p = { latitude: lat2 / r, longitude: lon2 / r };
        if (p.longitude < -180 || p.longitude > 180) continue;
        expect(inBox(box, p.latitude, p.longitude)).toBe(true);
        expect(distanceWithin({ ...centre, radiusMiles: radius }, box, p.latitude, p.longitude)).not.toBeNull();
      }
    }
  });

  it('rejects what lies outside, and anything without a location', () => {
    const centre = { latitude: 32.79, longitude: -96.8, radiusMiles: 50 };
    const box = boundingBox(centre, 50);
    expect(distanceWithin(centre, box, 29.81, -95.31)).toBeNull(); // Houston, ~225 miles
    expect(distanceWithin(centre, box, null, null)).toBeNull();
  });
});

describe('facet rules', () => {
  it('bands salaries by ceiling at the contract boundaries; no salary, no band', () => {
    expect(SALARY_BANDS.map((b) => b.value)).toEqual(['<50000', '50000-74999', '75000-99999', '100000-124999', '125000-149999', '>=150000']);
    expect([0, 49_999, 50_000, 74_999, 75_000, 99_999, 100_000, 124_999, 125_000, 149_999, 150_000, 400_000].map(salaryBand)).toEqual([
      '<50000', '<50000', '50000-74999', '50000-74999', '75000-99999', '75000-99999', '100000-124999', '100000-124999',
      '125000-149999', '125000-149999', '>=150000', '>=150000',
    ]);
    expect(salaryBand(null)).toBeNull();
  });

  it('lists counts desc, then value asc, without zeros', () => {
    expect(facetList({ TX: 2, CA: 2, NY: 5, WA: 0 })).toEqual([
      { value: 'NY', count: 5 },
      { value: 'CA', count: 2 },
      { value: 'TX', count: 2 },
    ]);
  });
});

describe('candidate filter rule', () => {
  const view = {
    state: 'TX',
    degreeTokens: ['ANY', 'L0', 'L1', 'L2', 'L2|business'],
    qualificationExpiry: { CMM: 20_000, NHA: 30_000, NHA_in_TX: 30_000 },
    settings: ['HOSPITAL'],
    latitude: 32.79,
    longitude: -96.8,
  };
  const failed = (f: Parameters<typeof compileCandidateFilter>[0], days = 1000, day = 20_500) =>
    candidateFilterOutcome(view, compileCandidateFilter(f), day, () => days).failed;

  it('reports each failing clause as its own bit', () => {
    expect(failed(null)).toBe(0);
    expect(failed({ states: ['CA'] })).toBe(CANDIDATE_CLAUSE.states);
    expect(failed({ qualificationTokens: ['NHA_in_TX'] })).toBe(0);
    expect(failed({ qualificationTokens: ['NHA_in_CA'] })).toBe(CANDIDATE_CLAUSE.qualifications);
    // Held but expired on the day.
    expect(failed({ qualificationTokens: ['CMM'] })).toBe(CANDIDATE_CLAUSE.qualifications);
    expect(failed({ qualificationTokens: ['CMM'] }, 1000, 20_000)).toBe(0);
    expect(failed({ degreeTokens: ['L3'] })).toBe(CANDIDATE_CLAUSE.minDegree);
    expect(failed({ degreeTokens: ['L3', 'L2|business'] })).toBe(0);
    expect(failed({ minYearsExperience: 3 }, 1095)).toBe(CANDIDATE_CLAUSE.minYears);
    expect(failed({ minYearsExperience: 3 }, 1096)).toBe(0);
    expect(failed({ settings: ['NURSING_HOME'] })).toBe(CANDIDATE_CLAUSE.settings);
    expect(failed({ near: { latitude: 29.81, longitude: -95.31, radiusMiles: 50 } })).toBe(CANDIDATE_CLAUSE.near);
    expect(failed({ states: ['CA'], settings: ['NURSING_HOME'] })).toBe(CANDIDATE_CLAUSE.states | CANDIDATE_CLAUSE.settings);
  });

  it('treats empty lists as no constraint, and lets a facet ignore only its own clause', () => {
    expect(failed({ states: [], qualificationTokens: [], degreeTokens: [], settings: [], minYearsExperience: 0 })).toBe(0);
    expect(failsAtMost(CANDIDATE_CLAUSE.states, CANDIDATE_CLAUSE.states)).toBe(true);
    expect(failsAtMost(CANDIDATE_CLAUSE.states | CANDIDATE_CLAUSE.near, CANDIDATE_CLAUSE.states)).toBe(false);
    expect(failsAtMost(0, CANDIDATE_CLAUSE.states)).toBe(true);
  });
});
