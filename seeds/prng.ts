// Seeded randomness for the seed generator. Math.random() cannot be seeded, and the
// committed seed files must be reproducible byte for byte, so we carry our own PRNG.

/**
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, one multiply-xorshift
 * round per draw. Not cryptographic, but fast and well distributed, which is all
 * test data needs.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextFloat();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.nextFloat() * items.length)];
  }

  /**
   * Appends up to k items of `items` not already in `into`, by rejection: no copy of the
   * list, which matters when it runs a million times. Meant for k much smaller than the list.
   */
  pickDistinctInto<T>(items: readonly T[], k: number, into: T[]): T[] {
    const target = Math.min(into.length + k, into.length + items.length);
    for (let attempts = 0; into.length < target && attempts < k * 8; attempts++) {
      const item = items[Math.floor(this.nextFloat() * items.length)];
      if (!into.includes(item)) into.push(item);
    }
    return into;
  }

  /** k distinct items in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.nextFloat() * (copy.length - i));
      const tmp = copy[i];
      copy[i] = copy[j];
      copy[j] = tmp;
    }
    copy.length = n;
    return copy;
  }
}

/**
 * Draws from a fixed discrete distribution. Cumulative weights are computed once so a
 * draw is one PRNG call plus a short scan: generators draw millions of times.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of entries) {
      if (weight < 0) throw new Error('WeightedTable: negative weight');
      if (weight === 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new Error('WeightedTable: no positive weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const target = rng.float() * this.total;
    const cumulative = this.cumulative;
    for (let i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i]) return this.values[i];
    }
    return this.values[this.values.length - 1];
  }
}
