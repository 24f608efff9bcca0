// Small MongoDB filter helpers that stay within what FerretDB v1 supports.

/** The conditions that are not empty, as one filter. */
export function allOf(...conds: Record<string, unknown>[]): Record<string, unknown> {
  const present = conds.filter((c) => Object.keys(c).length > 0);
  return present.length === 0 ? {} : present.length === 1 ? present[0] : { $and: present };
}

/** A client's text as a regular expression matching it literally (never as pattern syntax). */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
