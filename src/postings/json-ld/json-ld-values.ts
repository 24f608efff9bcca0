// Reading loosely typed JSON-LD values: job boards publish a property as a string, a number,
// an object or a list of them. Pure helpers for json-ld-to-posting.ts.

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A property as a list: absent -> [], a single value -> [value]. */
export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The `@type` of a node, as a list of names. */
export function typesOf(v: unknown): string[] {
  return isObject(v) ? asList(v['@type']).filter((t): t is string => typeof t === 'string') : [];
}

/** A text value: a string, a number, or an object's `name` / `value` / `@value`. */
export function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) return textOf(v['@value'] ?? v.name ?? v.value);
  return undefined;
}

/** A number: a JSON number or a numeric string ("85,000" and "$85000" too). */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const cleaned = v.replace(/[$,\s]/g, '');
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
    return Number(cleaned);
  }
  return undefined;
}

/** An ISO 8601 date or date-time; undefined when it does not parse. */
export function dateOf(v: unknown): Date | undefined {
  const s = textOf(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Google allows HTML in a JobPosting description; postings store plain text. Block tags
 * become line breaks, other tags go, the common entities are decoded. Plain text is kept as is.
 */
export function htmlToText(s: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(s)) return s;
  return s
    .replace(/<\s*(br|\/p|\/li|\/h\d|\/div)\s*\/?>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '- ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
