// Client-side geo input: ZIP codes and `near` (GeoRadiusInput), checked and resolved to
// coordinates before any work. Unknown ZIPs and radii outside (0, 500] are BAD_USER_INPUT
// naming the field (DESIGN §9).
import { MAX_RADIUS_MILES, haversineMiles, type GeoRadius, type LatLng } from '../matching/geo.js';
import type { InputChecks } from '../shared/validation.js';
import { locate, zipLocation } from './us-locations.js';

export interface GeoRadiusArgs {
  zip?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  radiusMiles: number;
}

/** A ZIP as stored (trimmed), after checking it is a five-digit US ZIP the data knows. */
export function checkZip(zip: string | null | undefined, field: string, checks: InputChecks): string | null | undefined {
  if (zip === undefined || zip === null) return zip;
  const z = zip.trim();
  if (z === '') return null;
  if (!/^\d{5}$/.test(z)) checks.add(field, 'must be a five-digit US ZIP code');
  else if (!zipLocation(z)) checks.add(field, `unknown US ZIP code ${JSON.stringify(z)}`);
  return z;
}

/** Resolves `near` (zip wins over latitude/longitude), or null when absent or invalid. */
export function resolveNear(near: GeoRadiusArgs | null | undefined, field: string, checks: InputChecks): GeoRadius | null {
  if (!near) return null;
  const r = near.radiusMiles;
  const radiusOk = Number.isFinite(r) && r > 0 && r <= MAX_RADIUS_MILES;
  checks.require(radiusOk, `${field}.radiusMiles`, `must be greater than 0 and at most ${MAX_RADIUS_MILES}`);
  let centre: LatLng | null = null;
  if (near.zip != null && near.zip.trim() !== '') {
    const zip = checkZip(near.zip, `${field}.zip`, checks);
    centre = zip ? zipLocation(zip) : null;
  } else if (near.latitude != null || near.longitude != null) {
    const { latitude: lat, longitude: lon } = near;
    const latOk = lat != null && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const lonOk = lon != null && Number.isFinite(lon) && lon >= -180 && lon <= 180;
    checks.require(latOk, `${field}.latitude`, 'must be given with longitude, between -90 and 90');
    checks.require(lonOk, `${field}.longitude`, 'must be given with latitude, between -180 and 180');
    if (latOk && lonOk) centre = { latitude: lat, longitude: lon };
  } else {
    checks.add(field, 'needs a zip, or latitude and longitude');
  }
  return centre && radiusOk ? { latitude: centre.latitude, longitude: centre.longitude, radiusMiles: r } : null;
}

/** The stored location of a place: its ZIP's centroid, else its city+state centroid. */
export function storedLocation(place: { zip?: string | null; city?: string | null; state?: string | null }): {
  latitude: number | null;
  longitude: number | null;
} {
  const at = locate(place);
  return { latitude: at?.latitude ?? null, longitude: at?.longitude ?? null };
}

/**
 * A record's location as served and indexed: the stored coordinates, or for records written
 * before locations were stored, the same lookup (so MongoDB's answer and the index agree).
 */
export function recordLocation(r: {
  zip?: string | null;
  city?: string | null;
  state?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}): { latitude: number | null; longitude: number | null } {
  if (r.latitude != null && r.longitude != null) return { latitude: r.latitude, longitude: r.longitude };
  return storedLocation(r);
}

/** Miles from a resolved `near` centre to a record's location (null when it has none). */
export function distanceFromCentre(
  near: LatLng,
  r: Parameters<typeof recordLocation>[0],
): number | null {
  const at = recordLocation(r);
  return at.latitude === null || at.longitude === null ? null : haversineMiles(near.latitude, near.longitude, at.latitude, at.longitude);
}
