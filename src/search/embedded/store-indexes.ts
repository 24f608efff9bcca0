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

  /**
   * `settle` copies a slot and its typed arrays. The ranking scans walk every slot in order,
   * and measured 3-5x slower when the slots and their arrays lay scattered among the garbage
   * that building them (and the text index) leaves: put() therefore copies each batch's
   * slots in one tight loop first, so they sit in memory in scan order.
   */
  constructor(
    private readonly idOf: (slot: Slot) => string,
    locate: Locate<Slot>,
    private readonly settle: (slot: Slot) => Slot = (slot) => slot,
  ) {
    this.slots = new DenseSlots<Slot>(idOf);
    this.text = new TextIndex<Slot>(idOf);
    this.grid = new GeoGrid<Slot>(locate);
  }

  /** Adds or replaces each slot in all three indexes. */
  put(entries: readonly { slot: Slot; fields: WeightedFields }[]): void {
    const settled = entries.map((e) => this.settle(e.slot));
    for (const slot of settled) {
      this.slots.put(slot);
      this.grid.put(this.idOf(slot), slot);
    }
    this.text.upsert(entries.map((e, i) => ({ item: settled[i], fields: e.fields })));
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
    // Imported slots arrive in order, their arrays as views into one buffer per chunk: as
    // compact as it gets (copying them would give each array its own buffer again).
    for (const slot of state.slots) {
      this.slots.put(slot);
      this.grid.put(this.idOf(slot), slot);
    }
    this.text.importState(state.text, (id) => this.slots.get(id));
  }
}
