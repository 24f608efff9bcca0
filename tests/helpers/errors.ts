// Assertions on GraphQL error responses shared by the API tests.
import { expect } from 'vitest';
import type { GqlResult } from './test-app.js';

export function onlyError(r: GqlResult) {
  expect(r.errors, JSON.stringify(r)).toHaveLength(1);
  return r.errors![0];
}

/** The fields named in `extensions.problems`, sorted. */
export function problemFields(r: GqlResult): string[] {
  const problems = onlyError(r).extensions?.problems as { field: string; problem: string }[] | undefined;
  return (problems ?? []).map((p) => p.field).sort();
}

/** One BAD_USER_INPUT error naming exactly `fields`, each also in the message. */
export function expectBadInput(r: GqlResult, fields: string[]): void {
  const err = onlyError(r);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(problemFields(r)).toEqual([...fields].sort());
  for (const field of fields) expect(err.message).toContain(field);
}
