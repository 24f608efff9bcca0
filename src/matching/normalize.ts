// One normalisation for every free-text comparison (skills, degree fields, codes, states),
// so matching, indexing and filtering agree on what "the same" means.

/** Trimmed, lower-cased form used to compare skills and degree fields. */
export function normalizeTerm(value: string): string {
  return value.trim().toLowerCase();
}

/** Qualification codes and US state codes are stored upper case; compare them that way. */
export function normalizeCode(value: string): string {
  return value.trim().toUpperCase();
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
