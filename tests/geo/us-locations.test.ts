import { describe, expect, it } from 'vitest';
import { cityCentroid, cityKey, locate, zipLocation, zipsOfCity } from '../../src/geo/us-locations.js';
import { InputChecks } from '../../src/shared/validation.js';
import { checkZip, resolveNear } from '../../src/geo/geo-input.js';

describe('US locations from the zipcodes package', () => {
  it('knows five-digit US ZIPs only', () => {
    expect(zipLocation('10001')).toMatchObject({ city: 'New York', state: 'NY', latitude: 40.7484, longitude: -73.9967 });
    expect(zipLocation('00000')).toBeNull();
    expect(zipLocation('1000')).toBeNull();
    // Canadian postal codes ship in the same package; they are not US ZIPs.
    expect(zipLocation('M5V')).toBeNull();
  });

  it("derives a city's centroid as the mean of its ZIP centroids (the package ships none)", () => {
    const zips = zipsOfCity('Austin', 'TX');
    expect(zips.length).toBeGreaterThan(10);
    const mean = (k: 'latitude' | 'longitude') => zips.reduce((s, z) => s + zipLocation(z)![k], 0) / zips.length;
    const c = cityCentroid('austin', 'tx')!;
    expect(c.latitude).toBeCloseTo(mean('latitude'), 9);
    expect(c.longitude).toBeCloseTo(mean('longitude'), 9);
    expect(cityCentroid('Nowhere Springs', 'TX')).toBeNull();
  });

  it('matches city names however they are written', () => {
    expect(cityKey('St. Louis', 'mo')).toBe(cityKey('Saint Louis', 'MO'));
    expect(cityCentroid('St. Louis', 'MO')).not.toBeNull();
  });

  it('locates by ZIP first, else by city and state, else not at all', () => {
    expect(locate({ zip: '75201', city: 'Austin', state: 'TX' })).toEqual({ latitude: 32.7904, longitude: -96.8044 });
    expect(locate({ zip: null, city: 'Austin', state: 'TX' })).not.toBeNull();
    expect(locate({ zip: null, city: null, state: 'TX' })).toBeNull();
  });
});

describe('geo input', () => {
  it('rejects a malformed or unknown ZIP naming the field', () => {
    const checks = new InputChecks();
    checkZip('1234', 'input.zip', checks);
    checkZip('00000', 'input.zip', checks);
    expect(() => checks.throwIfAny()).toThrow(/input\.zip: must be a five-digit US ZIP code; input\.zip: unknown US ZIP code "00000"/);
  });

  it('resolves near from a zip (which wins over coordinates) and checks the radius is in (0, 500]', () => {
    const ok = new InputChecks();
    expect(resolveNear({ zip: '10001', latitude: 1, longitude: 2, radiusMiles: 500 }, 'filter.near', ok)).toEqual({ latitude: 40.7484, longitude: -73.9967, radiusMiles: 500 });
    expect(resolveNear({ latitude: 30, longitude: -97, radiusMiles: 0.5 }, 'filter.near', ok)).toEqual({ latitude: 30, longitude: -97, radiusMiles: 0.5 });
    expect(ok.ok).toBe(true);
    for (const [near, field] of [
      [{ zip: '10001', radiusMiles: 0 }, 'filter.near.radiusMiles'],
      [{ zip: '10001', radiusMiles: 500.01 }, 'filter.near.radiusMiles'],
      [{ zip: '99999', radiusMiles: 5 }, 'filter.near.zip'],
      [{ latitude: 91, longitude: 0, radiusMiles: 5 }, 'filter.near.latitude'],
      [{ latitude: 10, radiusMiles: 5 }, 'filter.near.longitude'],
      [{ radiusMiles: 5 }, 'filter.near'],
    ] as const) {
      const checks = new InputChecks();
      expect(resolveNear(near, 'filter.near', checks)).toBeNull();
      expect(() => checks.throwIfAny()).toThrow(new RegExp(`^${field.replace(/\./g, '\\.')}:`));
    }
  });
});
