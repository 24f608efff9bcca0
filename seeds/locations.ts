// ZIP codes for seed data, consistent with each record's city: one of that city's ZIPs in the
// `zipcodes` package, chosen by a hash of a stable key (not from the generators' random
// streams, so adding ZIPs changed no other generated value).
import { zipsOfCity } from '../src/geo/us-locations.js';

/** FNV-1a, 32 bit: a fixed, platform-independent hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A ZIP of the city (null when the package does not know the city). */
export function zipFor(city: string | null, state: string | null, key: string): string | null {
  if (!city || !state) return null;
  const zips = zipsOfCity(city, state);
  return zips.length === 0 ? null : zips[fnv1a(key) % zips.length];
}
