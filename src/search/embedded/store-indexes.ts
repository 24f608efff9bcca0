// What each embedded store (postings, candidates) keeps beside its scoring data: the dense
// slots, a text index and a geo grid, which must be deleted, cleared and snapshotted together.
import { DenseSlots } from './dense-slots.js';
import { GeoGrid } from './embedded-geo-grid.js';
import { PostingTextIndex, type TextIndexState } from './embedded-text-index.js';

export interface StoreIndexesState<Slot> {
  slots: Slot[];
  text: TextIndexState;
  grid: Array<[string, number]>;
}

export class StoreIndexes<Slot> {
  readonly slots: DenseSlots<Slot>;
  readonly text = new PostingTextIndex();
  /** Located documents only (for postings: non-remote ones, the only ones `near` can keep). */
  readonly grid = new GeoGrid();

  constructor(idOf: (slot: Slot) => string) {
    this.slots = new DenseSlots<Slot>(idOf);
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
    return { slots: this.slots.items, text: this.text.exportState(), grid: this.grid.exportState() };
  }

  importState(state: StoreIndexesState<Slot>): void {
    this.slots.clear();
    for (const slot of state.slots) this.slots.put(slot);
    this.text.importState(state.text);
    this.grid.importState(state.grid);
  }
}
