import { describe, expect, it } from 'vitest';
import { recentValue } from '../../../src/api/http/recent-value.js';

describe('recentValue', () => {
  it('reads once per max age, one read at a time, and serves the last value while refreshing', async () => {
    let now = 0;
    let reads = 0;
    let release: (() => void) | null = null;
    const get = recentValue(
      () =>
        new Promise<number>((resolve) => {
          reads++;
          const n = reads;
          release = () => resolve(n);
        }),
      100,
      () => now,
    );
    const first = [get(), get()];
    release!();
    expect(await Promise.all(first)).toEqual([1, 1]);
    expect(reads).toBe(1);
    now = 50;
    expect(await get()).toBe(1);
    expect(reads).toBe(1);
    now = 150;
    // Stale: a refresh starts, callers get the previous value meanwhile.
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    expect(reads).toBe(2);
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(await get()).toBe(2);
  });

  it('lets a failed first read fail, and tries again on the next call', async () => {
    let fail = true;
    const get = recentValue(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 100);
    await expect(get()).rejects.toThrow('down');
    fail = false;
    expect(await get()).toBe('up');
  });
});
