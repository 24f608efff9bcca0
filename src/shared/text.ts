/** Trims, drops empties and duplicates (case-insensitively), keeping the first spelling. */
export function normalizeList(values: readonly string[], casing: 'keep' | 'upper' = 'keep'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const v = casing === 'upper' ? raw.trim().toUpperCase() : raw.trim();
    const key = v.toLowerCase();
    if (v && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
