// Why the drain keeps some entries it could retire (issue 12: "one seeded candidate was
// missing from the index with no pending update"). A write records its outbox entry BEFORE
// the MongoDB write, so a drain running in between finds no document. Treating that as "gone"
// and retiring the entry lost the create whenever the writer's after-write step (committed():
// the sequence bump and the change-log append) then failed, which it only logs: nothing
// recorded the create any more, and only a reconciliation pass found it. So an entry whose
// document is missing, recorded before a write whose after-write step has not run (inFlight),
// is retired only once that record is older than the grace below (far longer than any MongoDB
// write may take); until then the drain applies what it found (nothing, or a delete) and looks
// again after the grace. A delete's entry is bumped after its write, so it is retired at once.
import type { OutboxEntry } from './outbox.repository.js';

export const IN_FLIGHT_GRACE_MS = 60_000;

function recordedAt(e: Pick<OutboxEntry, 'recordedAt' | 'enqueuedAt'>): Date {
  return e.recordedAt ?? e.enqueuedAt;
}

/** Recorded before a write, within the grace, and not confirmed after it: the write may still be in flight. */
export function mayBeInFlight(e: Pick<OutboxEntry, 'recordedAt' | 'enqueuedAt' | 'inFlight'>, now: Date): boolean {
  return e.inFlight === true && now.getTime() - recordedAt(e).getTime() < IN_FLIGHT_GRACE_MS;
}

/** When to look at a kept entry again: once its grace is over. */
export function recheckTime(e: Pick<OutboxEntry, 'recordedAt' | 'enqueuedAt'>): Date {
  return new Date(recordedAt(e).getTime() + IN_FLIGHT_GRACE_MS);
}

/**
 * Splits a drained batch: entries to retire, and young entries whose document was missing,
 * kept until their grace is over. `missing` holds the "<entity>:<id>" outbox ids found gone.
 */
export function keepInFlight<E extends OutboxEntry>(entries: readonly E[], missing: ReadonlySet<string>, now: Date): { retire: E[]; keep: E[] } {
  const retire: E[] = [];
  const keep: E[] = [];
  for (const e of entries) (missing.has(e._id) && mayBeInFlight(e, now) ? keep : retire).push(e);
  return { retire, keep };
}
