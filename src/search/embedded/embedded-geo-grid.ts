// A 1-degree latitude/longitude grid of located documents for the embedded engine: a `near`
// query visits only the cells its bounding box overlaps (a 50-mile radius touches a handful of
// the ~2,000 cells US data fills), and the caller computes the exact distance for those alone.
// Cells hold the caller's items (a store's slots), so a visit needs no lookup by id; an item's
// cell follows from its own coordinates, so the grid is rebuilt from the slots, never stored.
import type { BoundingBox } from '../../matching/geo.js';

const clampLat = (lat: number): number => Math.min(89, Math.max(-90, Math.floor(lat)));
const clampLon = (lon: number): number => Math.min(179, Math.max(-180, Math.floor(lon)));
const key = (la: number, lo: number): number => (la + 90) * 360 + (lo + 180);

/** Where an item lies; null (or non-finite) coordinates keep it out of the grid. */
export type Locate<T> = (item: T) => { latitude: number | null; longitude: number | null };

export class GeoGrid<T> {
  private readonly cells = new Map<number, Set<T>>();
  private readonly placed = new Map<string, T>();

  constructor(private readonly locate: Locate<T>) {}

  get size(): number {
    return this.placed.size;
  }

  private cellOf(item: T): number | null {
    const { latitude, longitude } = this.locate(item);
    if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    return key(clampLat(latitude), clampLon(longitude));
  }

  /** Places (or moves) the item under `id`; an item without coordinates is only removed. */
  put(id: string, item: T): void {
    this.remove(id);
    const cell = this.cellOf(item);
    if (cell === null) return;
    let set = this.cells.get(cell);
    if (set === undefined) this.cells.set(cell, (set = new Set()));
    set.add(item);
    this.placed.set(id, item);
  }

  remove(id: string): void {
    const item = this.placed.get(id);
    if (item === undefined) return;
    this.placed.delete(id);
    const cell = this.cellOf(item)!;
    const set = this.cells.get(cell)!;
    set.delete(item);
    if (set.size === 0) this.cells.delete(cell);
  }

  clear(): void {
    this.cells.clear();
    this.placed.clear();
  }

  /** Every item in a cell the box overlaps (a superset of those inside it). */
  visit(box: BoundingBox, fn: (item: T) => void): void {
    const lat0 = clampLat(box.minLat);
    const lat1 = clampLat(box.maxLat);
    const lon0 = clampLon(box.minLon);
    const lon1 = clampLon(box.maxLon);
    for (let la = lat0; la <= lat1; la++) {
      for (let lo = lon0; lo <= lon1; lo++) {
        const set = this.cells.get(key(la, lo));
        if (set !== undefined) for (const item of set) fn(item);
      }
    }
  }
}
