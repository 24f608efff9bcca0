// Bounded selection of the best K items without sorting the whole candidate set: ranking
// 100,000 documents for a first page of 20 only needs a heap of 20 (O(n log K)).

export type Better<T> = (a: T, b: T) => boolean;

/** Keeps the K best items seen; `better(a, b)` is true when a ranks strictly before b. */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly better: Better<T>,
  ) {}

  /** The worst item kept once the selection is full (a cheap bound for callers), else undefined. */
  worstIfFull(): T | undefined {
    return this.heap.length >= this.k ? this.heap[0] : undefined;
  }

  /** Would `item` enter the selection? Cheap pre-check before building a full item. */
  admits(item: T): boolean {
    return this.heap.length < this.k || this.better(item, this.heap[0]);
  }

  push(item: T): void {
    if (this.k <= 0) return;
    const h = this.heap;
    if (h.length < this.k) {
      h.push(item);
      this.siftUp(h.length - 1);
    } else if (this.better(item, h[0])) {
      h[0] = item;
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  // The root is the WORST kept item, so a newcomer only has to beat it.
  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p], h[i])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.better(h[worst], h[l])) worst = l;
      if (r < h.length && this.better(h[worst], h[r])) worst = r;
      if (worst === i) return;
      [h[worst], h[i]] = [h[i], h[worst]];
      i = worst;
    }
  }
}
