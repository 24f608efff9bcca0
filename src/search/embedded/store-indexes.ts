// What each embedded store (postings, candidates) keeps beside its scoring data: the dense
// slots, a text index and a geo grid, which must be deleted, cleared and snapshotted together.
// The text index and the grid hold the slots themselves (no second copy of any id or field);
// the grid is rebuilt from the slots' coordinates, so only slots and text are state.
import { DenseSlots } from './dense-slots.js';
import { GeoGrid, type Locate } from './embedded-geo-grid.js';
import { TextIndex, type TextIndexState, type WeightedFields } from './embedded-text-index.js';

export interface StoreIndexesState<Slot> {
  slots: Slot[];
  text: TextIndexState;
}

export class StoreIndexes<Slot> {
  readonly slots: DenseSlots<Slot>;
  readonly text: TextIndex<Slot>;
  /** Located documents only (for postings: non-remote ones, the only ones `near` can keep). */
  readonly grid: GeoGrid<Slot>;

  constructor(private readonly idOf: (slot: Slot) => string, locate: Locate<Slot>) {
    this.slots = new DenseSlots<Slot>(idOf);
    this.text = new TextIndex<Slot>(idOf);
    this.grid = new GeoGrid<Slot>(locate);
  }

  /** Adds or replaces each slot in all three indexes. */
  put(entries: readonly { slot: Slot; fields: WeightedFields }[]): void {
    for (const { slot } of entries) {
      this.slots.put(slot);
      this.grid.put(this.idOf(slot), slot);
    }
    this.text.upsert(entries.map((e) => ({ item: e.slot, fields: e.fields })));
  }

  delete(ids: readonly string[]): void {
    for (const id of ids) {
      this.slots.drop(id);
      this.grid.remove(id);
    }
    this.text.remove(ids);
  }

  clear(): void {
    this.slots.clear();
    this.text.clear();
    this.grid.clear();
  }

  exportState(): StoreIndexesState<Slot> {
    return { slots: this.slots.items, text: this.text.exportState() };
  }

  importState(state: StoreIndexesState<Slot>): void {
    this.clear();
    for (const slot of state.slots) {
      this.slots.put(slot);
      this.grid.put(this.idOf(slot), slot);
    }
    this.text.importState(state.text, (id) => this.slots.get(id));
  }
}
