// DESIGN §5 rule 3 for one qualification code: the candidate holds it, it is current, and a
// state-specific one was granted in the posting's state (when the posting has a state).
import type { CandidateHeldQualification, CatalogQualification, IsoDate } from './matching.types.js';
import { normalizeCode } from '../shared/normalize.js';

/**
 * Current = no expiry date, or expiring today or later (a credential is valid through its
 * expiry date). ISO dates compare correctly as strings, so this allocates nothing.
 */
export function isQualificationCurrent(held: { expiresOn: IsoDate | null | undefined }, today: IsoDate): boolean {
  return held.expiresOn == null || held.expiresOn >= today;
}

/** Why a held (or unheld) code fails; ordered from "closest to satisfying" to farthest. */
export type QualificationStatus =
  | { ok: true }
  | { ok: false; reason: 'EXPIRED'; expiresOn: IsoDate }
  | { ok: false; reason: 'WRONG_STATE'; heldStates: string[]; postingState: string }
  | { ok: false; reason: 'EXPIRED_WRONG_STATE'; heldStates: string[]; postingState: string; expiresOn: IsoDate }
  | { ok: false; reason: 'NOT_HELD' };

/**
 * Evaluates one code against every holding of it (a candidate may hold an NHA licence in
 * several states): satisfied if ANY holding is current and in the right state. Otherwise the
 * reported reason is the easiest to fix: an expired holding in the right state (renew it)
 * beats a current one in another state (get licensed here), which beats an expired one in
 * another state.
 */
export function evaluateQualification(
  code: string,
  held: readonly CandidateHeldQualification[],
  catalog: ReadonlyMap<string, CatalogQualification>,
  postingState: string | null,
  today: IsoDate,
): QualificationStatus {
  const wanted = normalizeCode(code);
  const stateSpecific = (catalog.get(wanted) ?? catalog.get(code))?.stateSpecific === true;
  const state = postingState == null || postingState.trim() === '' ? null : normalizeCode(postingState);
  const needsState = stateSpecific && state !== null;

  let anyHeld = false;
  let expiredRightState: IsoDate | null = null;
  let currentWrongState = false;
  let expiredWrongState: IsoDate | null = null;
  const heldStates: string[] = [];

  for (const h of held) {
    if (normalizeCode(h.code) !== wanted) continue;
    anyHeld = true;
    const current = isQualificationCurrent(h, today);
    const rightState = !needsState || (h.state != null && normalizeCode(h.state) === state);
    if (current && rightState) return { ok: true };
    if (!rightState) {
      const s = h.state == null || h.state.trim() === '' ? null : normalizeCode(h.state);
      if (s !== null && !heldStates.includes(s)) heldStates.push(s);
    }
    // Keep the latest expiry: "expired on <most recent date>" is the useful fact.
    if (!current && rightState) {
      if (expiredRightState === null || h.expiresOn! > expiredRightState) expiredRightState = h.expiresOn!;
    } else if (current) {
      currentWrongState = true;
    } else if (expiredWrongState === null || h.expiresOn! > expiredWrongState) {
      expiredWrongState = h.expiresOn!;
    }
  }

  if (!anyHeld) return { ok: false, reason: 'NOT_HELD' };
  if (expiredRightState !== null) return { ok: false, reason: 'EXPIRED', expiresOn: expiredRightState };
  heldStates.sort();
  if (currentWrongState) return { ok: false, reason: 'WRONG_STATE', heldStates, postingState: state! };
  return { ok: false, reason: 'EXPIRED_WRONG_STATE', heldStates, postingState: state!, expiresOn: expiredWrongState! };
}
