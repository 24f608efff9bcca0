// The one normalisation module for codes, states, free-text terms and e-mail addresses, so
// validation, storage, matching, indexing and filtering agree on what "the same" means.
// Pure functions (no I/O): the matching rules import it from here.

/** Trimmed, lower-cased form used to compare skills and degree fields. */
export function normalizeTerm(value: string): string {
  return value.trim().toLowerCase();
}

/** Qualification codes and US state codes are stored upper case; compare them that way. */
export function normalizeCode(value: string): string {
  return value.trim().toUpperCase();
}

/** A state code as clients often send it ("tx "); null and undefined pass through. */
export function normalizeState(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  return normalizeCode(value);
}

/** E-mail addresses are unique case-insensitively: stored trimmed and lower case. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Distinct normalised terms, first occurrence order kept (empty strings dropped). */
export function normalizeTerms(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const n = normalizeTerm(v);
    if (n.length > 0 && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

/** Distinct, upper-cased, non-empty codes in first-occurrence order. */
export function distinctCodes(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of codes) {
    const n = normalizeCode(c);
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * For storing lists as the client spelled them (skills): trims, drops empties and
 * duplicates (case-insensitively), keeping the first spelling.
 */
export function normalizeList(values: readonly string[], casing: 'keep' | 'upper' = 'keep'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const v = casing === 'upper' ? normalizeCode(raw) : raw.trim();
    const key = v.toLowerCase();
    if (v && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
