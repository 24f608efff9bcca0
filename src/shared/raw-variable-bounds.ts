// Coarse bounds on a request's raw variables, derived from the input limit table
// (input-limits.ts) and checked before GraphQL coerces anything (query-limits.ts).
import type { FieldProblem } from './validation.js';
import { ARGUMENT_LIMITS, INPUT_TYPE_LIMITS, type Limit } from './input-limits.js';

function maxOf(kind: 'list' | 'text'): number {
  let max = 0;
  const visit = (l: Limit) => {
    if (l.kind === 'list') {
      if (kind === 'list') max = Math.max(max, l.maxItems);
      if (l.item) visit(l.item);
    } else if (l.kind === 'text' && kind === 'text') max = Math.max(max, l.maxLength);
  };
  for (const fields of [...Object.values(INPUT_TYPE_LIMITS), ...Object.values(ARGUMENT_LIMITS)]) Object.values(fields).forEach(visit);
  return max;
}

/**
 * Coarse bounds on the raw variables, checked before GraphQL coerces them (coercion costs
 * ~20 µs per input object, so a 10,000-entry list would take 0.2 s before the exact limits
 * above could refuse it): no list longer than the longest list any input allows, no nesting
 * deeper than any input has, and not more values in all than a full bulk upsert holds
 * (1,000 items of ~100 values; the body limit bounds it too).
 */
export const RAW_VARIABLE_BOUNDS = { maxItems: maxOf('list'), maxDepth: 8, maxValues: 100_000 } as const;

/**
 * The longest list each input field name allows anywhere (e.g. `experience` 100,
 * `continuingEducation` 500), so the coarse check names a list's own limit. A list under a
 * name no input has (a variable name is the client's choice) gets the overall maximum.
 */
const RAW_LIST_BOUNDS: ReadonlyMap<string, number> = (() => {
  const bounds = new Map<string, number>();
  for (const fields of [...Object.values(INPUT_TYPE_LIMITS), ...Object.values(ARGUMENT_LIMITS)]) {
    for (const [name, l] of Object.entries(fields)) if (l.kind === 'list') bounds.set(name, Math.max(bounds.get(name) ?? 0, l.maxItems));
  }
  return bounds;
})();

/** The first coarse bound the raw variables break, named by variable path; null when none. */
export function rawVariablesProblem(variables: Record<string, unknown> | null | undefined): FieldProblem | null {
  if (!variables) return null;
  const { maxItems, maxDepth, maxValues } = RAW_VARIABLE_BOUNDS;
  const stack: { value: unknown; path: string; name: string; depth: number }[] = Object.entries(variables).map(([k, value]) => ({
    value,
    path: k,
    // A variable's name is the client's choice, not an input field's: the overall maximum.
    name: '',
    depth: 1,
  }));
  let values = 0;
  // Iterative, so hostile nesting cannot overflow the call stack.
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, name, depth } = next;
    if (++values > maxValues) return { field: 'variables', problem: `at most ${maxValues} values in all` };
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return { field: path, problem: `nested at most ${maxDepth} levels deep` };
    if (Array.isArray(value)) {
      const bound = RAW_LIST_BOUNDS.get(name) ?? maxItems;
      if (value.length > bound) return { field: path, problem: `at most ${bound} entries (got ${value.length})` };
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, name: '', depth: depth + 1 }));
    } else {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}`, name: k, depth: depth + 1 });
    }
  }
  return null;
}
