// Small GraphQL fixtures shared by the API tests of matching and search.
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export async function must<T>(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

export async function upsertQualification(t: TestApp, input: Record<string, unknown>): Promise<void> {
  await must(t, 'mutation($i: QualificationInput!) { upsertQualification(input: $i) { id } }', { i: input });
}

export async function createEmployer(t: TestApp, input: Record<string, unknown>): Promise<string> {
  const d = await must<{ createEmployer: { id: string } }>(t, 'mutation($i: EmployerInput!) { createEmployer(input: $i) { id } }', { i: input });
  return d.createEmployer.id;
}

export async function createPosting(t: TestApp, input: Record<string, unknown>): Promise<string> {
  const d = await must<{ createJobPosting: { id: string } }>(
    t,
    'mutation($i: JobPostingInput!) { createJobPosting(input: $i) { id } }',
    { i: input },
  );
  return d.createJobPosting.id;
}

export async function createCandidate(t: TestApp, input: Record<string, unknown>): Promise<string> {
  const d = await must<{ createCandidate: { id: string } }>(
    t,
    'mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }',
    { i: input },
  );
  return d.createCandidate.id;
}
