// The typed-client example: its generated documents are what GraphQL Code Generator makes
// from schema/schema.graphql today, and the script runs against a real app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../examples/typed-client/codegen.js';
import { execute, main, SearchPostingsDocument, GraphQLRequestError, CandidatesForPostingDocument } from '../../examples/typed-client/typed-client.js';
import { createCandidate, createEmployer, createPosting, upsertQualification } from '../helpers/fixtures.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('typed-client example', () => {
  let t: TestApp;
  let postingId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    const employerId = await createEmployer(t, { name: 'Example Clinic', setting: 'PHYSICIAN_OFFICE', state: 'TX' });
    postingId = await createPosting(t, { employerId, title: 'Practice Manager', description: 'Run the practice.', state: 'TX', minYearsExperience: 2 });
    await createPosting(t, { employerId, title: 'Office Manager', description: 'Run the office.', state: 'CA', minYearsExperience: 0 });
    await createCandidate(t, {
      name: 'Maria Lopez',
      email: 'maria@example.org',
      state: 'TX',
      discoverable: true,
      experience: [{ title: 'Office Manager', startDate: '2018-01-01', endDate: null }],
    });
  });
  afterAll(async () => t?.close());

  it('the committed generated documents equal a fresh generation from schema/schema.graphql', async () => {
    const files = (await generate({ ...config, cwd: root, silent: true }, false)) as { filename: string; content: string }[];
    expect(files.map((f) => path.relative(root, f.filename)).sort()).toEqual(
      ['examples/typed-client/gql/gql.ts', 'examples/typed-client/gql/graphql.ts', 'examples/typed-client/gql/index.ts'],
    );
    for (const f of files) expect(readFileSync(f.filename, 'utf8'), `${f.filename}: run npm run examples:codegen`).toBe(f.content);
  }, 60_000);

  it('runs against the API and prints the typed results', async () => {
    const lines: string[] = [];
    await main(t.url, ADMIN_KEY, (l) => lines.push(l));
    expect(lines[0]).toBe('1 open postings match "manager" in TX');
    expect(lines[1]).toBe(`- Practice Manager at Example Clinic (TX), id ${postingId}`);
    expect(lines[2]).toBe('1 eligible candidates for "Practice Manager"');
    expect(lines[3]).toMatch(/^- Maria Lopez: 0\.\d{3} /);
  });

  it('sends typed variables and surfaces GraphQL errors with their codes', async () => {
    const r = await execute(t.url, SearchPostingsDocument, { states: ['CA'], first: 1 });
    expect(r.searchPostings.edges.map((e) => e.node.title)).toEqual(['Office Manager']);
    await expect(execute(t.url, CandidatesForPostingDocument, { postingId })).rejects.toThrow(GraphQLRequestError);
    await expect(execute(t.url, CandidatesForPostingDocument, { postingId })).rejects.toThrow(/UNAUTHENTICATED/);
  });
});
