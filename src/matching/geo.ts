// Great-circle distance and the cheap bounds that let an index skip most documents before
// computing it (DESIGN §9 "Geo"). Pure: no data, no I/O.

/** The mean earth radius DESIGN §9 fixes for every distance the API reports or filters by. */
export const EARTH_RADIUS_MILES = 3958.8;
export const MAX_RADIUS_MILES = 500;
export const METERS_PER_MILE = 1609.344;

export interface LatLng {
  latitude: number;
  longitude: number;
}

const RAD = Math.PI / 180;

/** Haversine distance in miles. */
export function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  /** When the box wraps the antimeridian (or a pole is inside), longitude is unconstrained. */
  minLon: number;
  maxLon: number;
}

/**
 * A latitude/longitude box containing every point within `radiusMiles` of the centre
 * (slightly larger than needed, never smaller), so "outside the box" proves "too far".
 */
export function boundingBox(center: LatLng, radiusMiles: number): BoundingBox {
  const angular = radiusMiles / EARTH_RADIUS_MILES; // radians
  const dLat = (angular / RAD) * 1.000001;
  const minLat = center.latitude - dLat;
  const maxLat = center.latitude + dLat;
  if (minLat <= -90 || maxLat >= 90) return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLon: -180, maxLon: 180 };
  // Widest longitude span of the circle (at the latitude where it is tangent to a meridian).
  const dLon = (Math.asin(Math.min(1, Math.sin(angular) / Math.cos(center.latitude * RAD))) / RAD) * 1.000001;
  const minLon = center.longitude - dLon;
  const maxLon = center.longitude + dLon;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon, maxLon };
}

export function inBox(box: BoundingBox, lat: number, lon: number): boolean {
  return lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon;
}

/** A resolved `near`: the centre and radius the engines filter by. */
export interface GeoRadius extends LatLng {
  radiusMiles: number;
}

/** Distance from the centre when within the radius, else null (no location: null). */
export function distanceWithin(near: GeoRadius, box: BoundingBox, lat: number | null, lon: number | null): number | null {
  if (lat === null || lon === null || !inBox(box, lat, lon)) return null;
  const d = haversineMiles(near.latitude, near.longitude, lat, lon);
  return d <= near.radiusMiles ? d : null;
}
