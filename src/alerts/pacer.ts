// Long evaluation loops hand the event loop back every so often: a request that arrives while
// a write raises hundreds of events is served between chunks, not after the whole pass.
export class Pacer {
  private n = 0;

  constructor(private readonly every = 100) {}

  /** Resolves at once, except every `every` calls, after pending I/O (setImmediate). */
  async step(): Promise<void> {
    if (++this.n % this.every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
