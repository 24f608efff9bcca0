// The requests this process is serving, counted in shared memory so that background work in
// other threads (alert detection, its webhook sends) can step aside for them. On a 2-core
// machine with FerretDB, a detection pass's database round trips and webhook posts ran beside
// a posting write and lengthened it: the write's own round trips queued behind the pass's.
// Background work that waits for the requests in flight to finish before each of its steps
// runs one step per gap between requests, so its cost is spread thinly over many requests
// instead of landing whole on a few (the p95). A step waits at most `maxWaitMs`, so a
// steady stream of overlapping requests delays background work but never stops it.

export interface RequestGate {
  /** Resolves once no request is in flight, or after the gate's longest wait. */
  quiet(): Promise<void>;
}

/** For work that never needs to step aside (tests, tools). */
export const openGate: RequestGate = { quiet: () => Promise.resolve() };

export class ForegroundActivity {
  private readonly count: Int32Array;

  /** `buffer`: the one shared with the main thread (a worker passes what it was given). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.count = new Int32Array(buffer);
  }

  begin(): void {
    Atomics.add(this.count, 0, 1);
  }

  end(): void {
    // The last request out wakes every waiting thread.
    if (Atomics.sub(this.count, 0, 1) === 1) Atomics.notify(this.count, 0);
  }

  get inFlight(): number {
    return Atomics.load(this.count, 0);
  }

  /** A gate for background steps that wait at most `maxWaitMs` for the requests in flight. */
  gate(maxWaitMs: number): RequestGate {
    return { quiet: () => this.quiet(maxWaitMs) };
  }

  private async quiet(maxWaitMs: number): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const n = Atomics.load(this.count, 0);
      const left = deadline - Date.now();
      if (n <= 0 || left <= 0) return;
      // Wakes on the notify of the last request out (or when the count changed meanwhile).
      const wait = Atomics.waitAsync(this.count, 0, n, left);
      if (wait.async) await wait.value;
    }
  }
}
