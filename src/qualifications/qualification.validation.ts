// Input rules for a catalog entry's per-state renewal cycles.
import type { StateRenewalRecord } from './qualification.model.js';
import { normalizeState } from '../shared/normalize.js';
import { isUsState, type InputChecks } from '../shared/validation.js';

/** Normalised rows (states upper case, sorted), with a problem recorded per bad field. */
export function checkStateRenewals(
  rows: readonly { state: string; renewalMonths?: number | null; continuingEducationHours?: number | null }[],
  checks: InputChecks,
): StateRenewalRecord[] {
  const seen = new Set<string>();
  const out = rows.map((r, i) => {
    const at = `input.renewalByState[${i}]`;
    const state = normalizeState(r.state) ?? '';
    if (!isUsState(state)) checks.add(`${at}.state`, 'must be a two-letter US state code');
    else if (seen.has(state)) checks.add(`${at}.state`, `${state} is listed twice`);
    seen.add(state);
    checks.require(r.renewalMonths == null || r.renewalMonths > 0, `${at}.renewalMonths`, 'must be positive');
    checks.require(r.continuingEducationHours == null || r.continuingEducationHours >= 0, `${at}.continuingEducationHours`, 'must not be negative');
    return { state, renewalMonths: r.renewalMonths ?? null, continuingEducationHours: r.continuingEducationHours ?? null };
  });
  return out.sort((a, b) => a.state.localeCompare(b.state));
}
