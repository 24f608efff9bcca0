// Where a long operation's time goes, for `LOG_LEVEL=debug` (the bulk bench prints these lines
// with BENCH_DEBUG). Costs two performance.now() calls per phase when nobody reads it.
import { logs, type Logger } from './logger.js';

export class PhaseTimer {
  private readonly started = performance.now();
  private last = this.started;
  private readonly spent: Record<string, number> = {};

  /** Charges the time since the previous lap (or the start) to `phase`. */
  lap(phase: string): void {
    const now = performance.now();
    this.spent[phase] = (this.spent[phase] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** One debug line: `phases` (ms per phase, in order) and the total. */
  log(logger: Logger | undefined, msg: string, fields: Record<string, number | string> = {}): void {
    if (!logger || !logs(logger, 'debug')) return;
    const phases = Object.fromEntries(Object.entries(this.spent).map(([k, v]) => [k, Math.round(v)]));
    logger.debug(msg, { ...fields, phases: JSON.stringify(phases), totalMs: Math.round(performance.now() - this.started) });
  }
}
