// The rebuild's batching pipeline (index-rebuild.ts, pipelined): writes in flight, completion
// in batch order, and the next batch read while older writes are still being indexed; and the
// batches it is fed (record-documents.ts, inBatches): a small first one.
import { describe, expect, it } from 'vitest';
import { pipelined } from '../../../src/search/index-sync/index-rebuild.js';
import { inBatches } from '../../../src/search/index-sync/record-documents.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pipelined', () => {
  it('reads one batch ahead while the in-flight writes are outstanding, and reports completion in batch order', async () => {
    const reads: number[] = [];
    async function* source() {
      for (let b = 0; b < 5; b++) {
        reads.push(b);
        yield [b, b];
      }
    }
    const writes: { batch: number[]; done: ReturnType<typeof deferred> }[] = [];
    const reported: number[] = [];
    const run = pipelined(
      source(),
      (batch) => {
        const done = deferred();
        writes.push({ batch, done });
        return done.promise;
      },
      2,
      (n) => reported.push(n),
    );
    await tick();
    // Two writes in flight, and the third batch already read (waiting for a slot).
    expect(writes.map((w) => w.batch[0])).toEqual([0, 1]);
    expect(reads).toEqual([0, 1, 2]);
    writes[1].done.resolve();
    await tick();
    expect(reported).toEqual([]);
    writes[0].done.resolve();
    await tick();
    expect(reported).toEqual([2, 4]);
    expect(writes.map((w) => w.batch[0])).toEqual([0, 1, 2, 3]);
    expect(reads).toEqual([0, 1, 2, 3, 4]);
    for (const w of writes.slice(2)) w.done.resolve();
    await tick();
    writes[4].done.resolve();
    expect(await run).toBe(10);
    expect(reported).toEqual([2, 4, 6, 8, 10]);
  });

  it('fails with a failed write after the others settled, and stops reading', async () => {
    let reads = 0;
    async function* source() {
      for (let b = 0; b < 100; b++) {
        reads++;
        yield [b];
      }
    }
    const failing = pipelined(source(), (batch) => (batch[0] === 1 ? Promise.reject(new Error('refused')) : Promise.resolve()), 2, () => undefined);
    await expect(failing).rejects.toThrow('refused');
    expect(reads).toBeLessThan(6);
  });
});

describe('inBatches', () => {
  async function* items(n: number) {
    for (let k = 0; k < n; k++) yield k;
  }
  const sizes = async (n: number, size: number) => {
    const out: number[] = [];
    let next = 0;
    for await (const batch of inBatches(items(n), size)) {
      // Every item once, in order.
      expect(batch[0]).toBe(next);
      next += batch.length;
      out.push(batch.length);
    }
    expect(next).toBe(n);
    return out;
  };

  it('makes the first batch small so the engine starts early, then full batches', async () => {
    expect(await sizes(12_500, 5_000)).toEqual([1_000, 5_000, 5_000, 1_500]);
    expect(await sizes(700, 5_000)).toEqual([700]);
    expect(await sizes(10, 4)).toEqual([4, 4, 2]);
  });
});
