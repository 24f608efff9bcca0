// Per-caller rate limiting: a token bucket per API key id, or per client IP for callers
// without a valid key. Refused requests get HTTP 429, a Retry-After header and a GraphQL-shaped
// body with code TOO_MANY_REQUESTS, before the body is even parsed.
//
// The buckets live in this process's memory: N instances behind a load balancer allow up to
// N times the configured rate. A multi-instance deployment that needs one shared limit would
// keep the buckets in Redis (e.g. an atomic Lua token-bucket script, or INCR + EXPIRE windows).
import type { NextFunction, Request, Response } from 'express';
import { principalOf } from './authenticate.js';

export interface RateLimitOptions {
  /** Sustained rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: requests allowed at once after a quiet period. */
  burst: number;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many callers, buckets that have refilled completely are dropped (they equal a new one). */
const PRUNE_ABOVE = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.perMs = options.perMinute / 60_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes `n` tokens (at most a full bucket, so any request can pass after a quiet period). */
  take(key: string, n = 1): TakeResult {
    const now = this.now();
    const need = Math.min(Math.max(n, 0), this.options.burst);
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      this.buckets.set(key, bucket);
      if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((need - bucket.tokens) / this.perMs / 1000)) };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.burst, at: now };
    return { tokens: Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * this.perMs), at: now };
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.options.burst) this.buckets.delete(key);
    }
  }
}

export function rateLimitKey(req: Request): string {
  const principal = principalOf(req);
  return principal.kind === 'key' ? `key:${principal.keyId}` : `ip:${req.ip ?? 'unknown'}`;
}

function refuse(res: Response, options: RateLimitOptions, retryAfterSeconds: number, why = ''): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  res.status(429).json({
    errors: [
      {
        message:
          `Rate limit exceeded: at most ${options.perMinute} requests per minute per API key, or per client IP without a key ` +
          `(bursts of ${options.burst})${why}; retry in ${retryAfterSeconds} s`,
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds },
      },
    ],
  });
}

/** One token per request, taken before the body is read, so floods are refused cheaply. */
export function rateLimitMiddleware(limiter: TokenBucketLimiter, options: RateLimitOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const result = limiter.take(rateLimitKey(req));
    if (result.allowed) return next();
    refuse(res, options, result.retryAfterSeconds);
  };
}

/**
 * Weighs a request by its estimated query cost once it is known: a request costs
 * max(1, ceil(cost / costPerToken)) tokens in all, the first of which rateLimitMiddleware took.
 */
export function costCharger(limiter: TokenBucketLimiter, options: RateLimitOptions & { costPerToken: number }) {
  return (req: Request, res: Response, cost: number): boolean => {
    const tokens = Math.max(1, Math.ceil(cost / options.costPerToken));
    if (tokens <= 1) return true;
    const result = limiter.take(rateLimitKey(req), tokens - 1);
    if (result.allowed) return true;
    refuse(res, options, result.retryAfterSeconds, `; this query's estimated cost ${cost} counts as ${tokens} requests`);
    return false;
  };
}
