// When a failed webhook attempt is tried again (pure): 1 s after the first failure, doubling,
// at most 1 h apart, for 24 h after the event (the last attempt falls at the window's end);
// after that the delivery is failed. Every number comes from config (ALERT_RETRY_*).
export interface RetrySchedule {
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

/** `failedAttempts` counts the attempt that just failed; null: give up (the delivery is failed). */
export function nextAttemptAt(createdAt: Date, now: Date, failedAttempts: number, s: RetrySchedule): Date | null {
  const end = createdAt.getTime() + s.windowMs;
  if (now.getTime() >= end) return null;
  const delay = Math.min(s.maxMs, s.baseMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40));
  return new Date(Math.min(now.getTime() + delay, end));
}
