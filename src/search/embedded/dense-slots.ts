/**
 * Documents by id in a dense array: the ranking loops scan `items` front to back, and a
 * swap-remove keeps it free of holes, so deleting never slows the scans down.
 */
export class DenseSlots<T> {
  readonly items: T[] = [];
  private readonly indexOf = new Map<string, number>();

  constructor(private readonly idOf: (item: T) => string) {}

  get size(): number {
    return this.items.length;
  }

  get(id: string): T | undefined {
    const i = this.indexOf.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  put(item: T): void {
    const id = this.idOf(item);
    const i = this.indexOf.get(id);
    if (i === undefined) {
      this.indexOf.set(id, this.items.length);
      this.items.push(item);
    } else {
      this.items[i] = item;
    }
  }

  drop(id: string): void {
    const i = this.indexOf.get(id);
    if (i === undefined) return;
    const last = this.items.pop()!;
    this.indexOf.delete(id);
    if (i < this.items.length) {
      this.items[i] = last;
      this.indexOf.set(this.idOf(last), i);
    }
  }

  clear(): void {
    this.items.length = 0;
    this.indexOf.clear();
  }
}
