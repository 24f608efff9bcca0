// A 1-degree latitude/longitude grid of located documents for the embedded engine: a `near`
// query visits only the cells its bounding box overlaps (a 50-mile radius touches a handful of
// the ~2,000 cells US data fills), and the caller computes the exact distance for those alone.
import type { BoundingBox } from '../../matching/geo.js';

const clampLat = (lat: number): number => Math.min(89, Math.max(-90, Math.floor(lat)));
const clampLon = (lon: number): number => Math.min(179, Math.max(-180, Math.floor(lon)));
const key = (la: number, lo: number): number => (la + 90) * 360 + (lo + 180);
const cellOf = (lat: number, lon: number): number => key(clampLat(lat), clampLon(lon));

export class GeoGrid {
  private readonly cells = new Map<number, Set<string>>();
  private readonly cellById = new Map<string, number>();

  get size(): number {
    return this.cellById.size;
  }

  /** Places (or moves) a document; null coordinates remove it. */
  put(id: string, lat: number | null, lon: number | null): void {
    this.remove(id);
    if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
    const cell = cellOf(lat, lon);
    let set = this.cells.get(cell);
    if (set === undefined) this.cells.set(cell, (set = new Set()));
    set.add(id);
    this.cellById.set(id, cell);
  }

  remove(id: string): void {
    const cell = this.cellById.get(id);
    if (cell === undefined) return;
    this.cellById.delete(id);
    const set = this.cells.get(cell)!;
    set.delete(id);
    if (set.size === 0) this.cells.delete(cell);
  }

  clear(): void {
    this.cells.clear();
    this.cellById.clear();
  }

  /** Every id in a cell the box overlaps (a superset of those inside it). */
  visit(box: BoundingBox, fn: (id: string) => void): void {
    const lat0 = clampLat(box.minLat);
    const lat1 = clampLat(box.maxLat);
    const lon0 = clampLon(box.minLon);
    const lon1 = clampLon(box.maxLon);
    for (let la = lat0; la <= lat1; la++) {
      for (let lo = lon0; lo <= lon1; lo++) {
        const set = this.cells.get(key(la, lo));
        if (set !== undefined) for (const id of set) fn(id);
      }
    }
  }

  /** id -> cell, enough to rebuild the cells (snapshots and replica copies). */
  exportState(): Array<[string, number]> {
    return [...this.cellById];
  }

  importState(entries: readonly [string, number][]): void {
    this.cells.clear();
    this.cellById.clear();
    for (const [id, cell] of entries) {
      this.cellById.set(id, cell);
      let set = this.cells.get(cell);
      if (!set) this.cells.set(cell, (set = new Set()));
      set.add(id);
    }
  }
}
