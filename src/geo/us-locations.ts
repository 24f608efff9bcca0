// US ZIP and city centroids from the `zipcodes` package (its own data file, never a network
// call). The package ships ZIP centroids only, so a city's centroid is the mean of its ZIP
// centroids, computed once. The data (~42,000 ZIPs) is loaded once per process on first use
// and is immutable, so one module-level copy is safe to share between apps.
import { createRequire } from 'node:module';
import type { LatLng } from '../matching/geo.js';

interface ZipRow {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

export interface ZipLocation extends LatLng {
  zip: string;
  city: string;
  state: string;
}

interface Tables {
  zips: Map<string, ZipLocation>;
  cities: Map<string, { centroid: LatLng; zips: string[] }>;
}

let tables: Tables | null = null;

/** Same city however it is written: case, periods, "St." for "Saint", spacing. */
export function cityKey(city: string, state: string): string {
  const c = city
    .toUpperCase()
    .replace(/\./g, ' ')
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\bFT\b/g, 'FORT')
    .replace(/\bMT\b/g, 'MOUNT')
    .replace(/\s+/g, ' ')
    .trim();
  return `${state.trim().toUpperCase()}|${c}`;
}

function load(): Tables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const rows = (require('zipcodes') as { codes: Record<string, ZipRow> }).codes;
  const zips = new Map<string, ZipLocation>();
  const sums = new Map<string, { lat: number; lon: number; zips: string[] }>();
  for (const row of Object.values(rows)) {
    if (row.country !== 'US' || !/^\d{5}$/.test(row.zip)) continue;
    if (!Number.isFinite(row.latitude) || !Number.isFinite(row.longitude)) continue;
    zips.set(row.zip, { zip: row.zip, latitude: row.latitude, longitude: row.longitude, city: row.city, state: row.state });
    const key = cityKey(row.city, row.state);
    const s = sums.get(key) ?? { lat: 0, lon: 0, zips: [] };
    s.lat += row.latitude;
    s.lon += row.longitude;
    s.zips.push(row.zip);
    sums.set(key, s);
  }
  const cities = new Map<string, { centroid: LatLng; zips: string[] }>();
  for (const [key, s] of sums) {
    const n = s.zips.length;
    cities.set(key, { centroid: { latitude: s.lat / n, longitude: s.lon / n }, zips: s.zips.sort() });
  }
  tables = { zips, cities };
  return tables;
}

/** Parses the package data now (about a second, synchronous) rather than in the first request. */
export function preloadUsLocations(): void {
  load();
}

/** A five-digit US ZIP's centroid, or null when the package does not know it. */
export function zipLocation(zip: string): ZipLocation | null {
  return /^\d{5}$/.test(zip) ? (load().zips.get(zip) ?? null) : null;
}

/** Mean of the city's ZIP centroids, or null for an unknown city. */
export function cityCentroid(city: string, state: string): LatLng | null {
  return load().cities.get(cityKey(city, state))?.centroid ?? null;
}

/** The city's ZIPs in ascending order (seed data picks from them). */
export function zipsOfCity(city: string, state: string): readonly string[] {
  return load().cities.get(cityKey(city, state))?.zips ?? [];
}

/**
 * Where a posting or candidate is: its ZIP's centroid, else its city+state centroid, else
 * null. Rounded to 6 decimals (~0.1 m) so stored and recomputed values compare equal.
 */
export function locate(place: { zip?: string | null; city?: string | null; state?: string | null }): LatLng | null {
  const z = place.zip ? zipLocation(place.zip) : null;
  const c = z ?? (place.city && place.state ? cityCentroid(place.city, place.state) : null);
  if (!c) return null;
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return { latitude: r(c.latitude), longitude: r(c.longitude) };
}
