import { describe, expect, it } from 'vitest';
import { CoalescingRunner } from '../../src/shared/coalescing-runner.js';

describe('CoalescingRunner', () => {
  it('runs one job at a time and exactly one more run for any calls made during a run', async () => {
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    let release!: () => void;
    const runner = new CoalescingRunner(async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      if (runs === 1) await new Promise<void>((r) => (release = r));
      active--;
    });
    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('starts afresh after a failed run, and idle() does not throw for it', async () => {
    let calls = 0;
    const runner = new CoalescingRunner(async () => {
      calls++;
      if (calls === 1) throw new Error('engine down');
    });
    await expect(runner.run()).rejects.toThrow('engine down');
    await runner.idle();
    await runner.run();
    expect(calls).toBe(2);
  });
});
