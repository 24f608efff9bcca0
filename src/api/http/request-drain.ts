// Graceful shutdown of the HTTP side: once draining starts, new requests are answered 503
// (with `Connection: close`, so clients and load balancers move on) while the requests already
// running may finish, up to a deadline. What was still running at the deadline is reported,
// so the log says how many requests the shutdown cut.
import type { NextFunction, Request, Response } from 'express';
import type { ForegroundActivity } from '../../shared/foreground-activity.js';

export interface DrainResult {
  /** Requests running when draining started. */
  inFlight: number;
  /** Requests still running at the deadline (they are cut when the server closes). */
  cut: number;
}

export class RequestDrain {
  private running = 0;
  private draining = false;
  private onIdle: (() => void) | null = null;

  /** `foreground`: told of every request too, for background threads that step aside for them. */
  constructor(private readonly foreground?: ForegroundActivity) {}

  get isDraining(): boolean {
    return this.draining;
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', '5');
      res.status(503).json({
        errors: [{ message: 'The server is shutting down; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      return;
    }
    this.running++;
    this.foreground?.begin();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.running--;
      this.foreground?.end();
      if (this.running === 0) this.onIdle?.();
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  /** Stops taking requests and waits until the running ones finish or `graceMs` passes. */
  async drain(graceMs: number): Promise<DrainResult> {
    this.draining = true;
    const inFlight = this.running;
    if (this.running > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.onIdle = null;
    }
    return { inFlight, cut: this.running };
  }
}
