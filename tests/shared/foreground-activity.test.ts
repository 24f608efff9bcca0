import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ForegroundActivity } from '../../src/shared/foreground-activity.js';

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 30));
  return done;
};

describe('ForegroundActivity', () => {
  it('lets a background step through at once when no request is in flight', async () => {
    const activity = new ForegroundActivity();
    expect(await settled(activity.gate(60_000).quiet())).toBe(true);
  });

  it('holds a background step until the last request in flight has ended', async () => {
    const activity = new ForegroundActivity();
    activity.begin();
    activity.begin();
    const step = activity.gate(60_000).quiet();
    expect(await settled(step)).toBe(false);
    activity.end();
    expect(await settled(step)).toBe(false);
    activity.end();
    expect(await settled(step)).toBe(true);
    expect(activity.inFlight).toBe(0);
  });

  it('never holds a step longer than the gate allows (requests that never pause)', async () => {
    const activity = new ForegroundActivity();
    activity.begin();
    await activity.gate(5).quiet();
    expect(activity.inFlight).toBe(1);
  });

  it('is shared with another thread: a worker waits for the main thread\'s requests', async () => {
    const activity = new ForegroundActivity();
    activity.begin();
    // A plain-JS worker: waits on the shared counter as the detection thread's gate does,
    // and says so once it waits (so the request below ends only after that). An async wait does
    // not keep a thread alive: the interval does, as the detection thread's connections do.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const count = new Int32Array(workerData);
       const w = Atomics.waitAsync(count, 0, 1, 60000);
       parentPort.postMessage('waiting');
       setInterval(() => undefined, 1000);
       (w.async ? w.value : Promise.resolve(w.value)).then((r) => parentPort.postMessage(r));`,
      { eval: true, workerData: activity.buffer },
    );
    const messages: string[] = [];
    const woke = new Promise<void>((resolve) => worker.on('message', (m: string) => (messages.push(m), m !== 'waiting' && resolve())));
    while (!messages.includes('waiting')) await new Promise((r) => setTimeout(r, 5));
    expect(await settled(woke)).toBe(false);
    activity.end();
    await woke;
    expect(messages).toEqual(['waiting', 'ok']);
    await worker.terminate();
  });
});
