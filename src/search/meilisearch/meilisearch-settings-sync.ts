// Which index settings must be sent: the ones whose value on the server differs from ours.
// Any settings update makes Meilisearch re-process the index (minutes at 100,000 documents
// when filterable attributes or embedders are involved), so a start with unchanged settings
// must send nothing.
//
// The server answers GET /settings with every setting, defaults included, so only the keys
// we set are compared: lists whose order Meilisearch does not keep (filterable and sortable
// attributes) as sets, ordered lists as lists, objects (pagination, embedders) by the fields
// we give; an embedder the server has and we no longer define is removed (sent as null).
import type { Settings } from 'meilisearch';

const UNORDERED = new Set<keyof Settings>(['filterableAttributes', 'sortableAttributes']);

/** A filterable attribute may come back as `{ attributePatterns: [...] }` (Meilisearch >= 1.14). */
function attributeNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown) => {
    if (typeof a === 'string') return [a];
    const patterns = (a as { attributePatterns?: unknown } | null)?.attributePatterns;
    return Array.isArray(patterns) ? patterns.map(String) : [JSON.stringify(a)];
  });
}

function sameSet(a: unknown, b: unknown): boolean {
  const x = new Set(attributeNames(a));
  const y = new Set(attributeNames(b));
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** `want` holds for `have`: equal scalars and lists; every field of an object we set. */
function covers(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(have) && want.length === have.length && want.every((w, i) => covers(w, have[i]));
  if (want !== null && typeof want === 'object') {
    if (have === null || typeof have !== 'object' || Array.isArray(have)) return false;
    return Object.entries(want).every(([k, w]) => covers(w, (have as Record<string, unknown>)[k]));
  }
  return want === have;
}

/** The part of `desired` to send to a server whose settings are `actual`; null when none. */
export function settingsToSend(desired: Settings, actual: Settings): Settings | null {
  const out: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(desired) as [keyof Settings, unknown][]) {
    const have = actual[key];
    if (key === 'embedders') {
      const wanted = (want ?? {}) as Record<string, unknown>;
      const existing = (have ?? {}) as Record<string, unknown>;
      const removed = Object.keys(existing).filter((name) => !(name in wanted));
      if (removed.length > 0 || !covers(wanted, existing)) {
        out.embedders = { ...Object.fromEntries(removed.map((name) => [name, null])), ...wanted };
      }
      continue;
    }
    const same = UNORDERED.has(key) ? sameSet(want, have) : covers(want, have);
    if (!same) out[key] = want;
  }
  return Object.keys(out).length === 0 ? null : (out as Settings);
}
