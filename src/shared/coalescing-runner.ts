// Runs one async job at a time. A call while a run is in flight does not start a second one in
// parallel; it asks for exactly one more run after the current one (the newer call may have
// come with newer work, e.g. an outbox entry or change-log item the running pass already read
// past), and gets the promise of the run in flight.
export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private rerun = false;

  constructor(private readonly job: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.job();
        } while (this.rerun);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when no run is in flight (a failed run counts as finished). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
