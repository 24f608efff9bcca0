// Two API processes on one database, each with its own embedded index (DESIGN §9): a write
// made through one is matchable through the other, because each follows the index change log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { eventually, gqlAt, startApiProcess, type ApiProcess } from '../helpers/api-process.js';
import { newDbName } from '../helpers/test-app.js';

const ADMIN = 'several-instances-admin-key';

describe('two API processes with the embedded engine on one database', () => {
  // Page records kept far longer than the test runs: a fresh title through A can only come from
  // the change log's eviction, not from expiry.
  const env = { MONGODB_URI: inject('mongoUri'), MONGODB_DB: newDbName(), ADMIN_API_KEY: ADMIN, MEILI_HOST: '', PAGE_CACHE_MAX_AGE_MS: '60000' };
  let a: ApiProcess;
  let b: ApiProcess;
  beforeAll(async () => {
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
  });

  const must = async <T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gqlAt<T>(url, query, variables, ADMIN);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  it('a candidate and a posting created through A are matchable through B, and an update through B reaches A', async () => {
    // Through both: each process caches the catalog for up to 30 s (README, "Past one machine"),
    // and B validates the posting's codes when it updates it.
    for (const url of [a.url, b.url]) {
      await must(url, 'mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }');
    }
    const { createEmployer } = await must<{ createEmployer: { id: string } }>(
      a.url,
      'mutation { createEmployer(input: {name: "Two Rivers Clinic", setting: PHYSICIAN_OFFICE, state: "OH"}) { id } }',
    );
    const { createCandidate } = await must<{ createCandidate: { id: string } }>(
      a.url,
      `mutation { createCandidate(input: {name: "Morgan Lee", email: "morgan@example.org", state: "OH",
        degrees: [{level: BACHELOR, field: "Health Administration"}], qualifications: [{code: "CMM"}],
        experience: [{title: "Office Manager", startDate: "2016-01-01"}], discoverable: true}) { id } }`,
    );
    const { createJobPosting } = await must<{ createJobPosting: { id: string } }>(
      a.url,
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Practice Manager", description: "Runs the office.",
        state: "OH", requiredQualificationCodes: ["CMM"], minYearsExperience: 2}) { id } }`,
      { e: createEmployer.id },
    );

    // Bounded poll; no timing assertion beyond it.
    const matched = await eventually(async () => {
      const d = await must<{ matchesForCandidate: { edges: { node: { posting: { id: string }; eligible: boolean } }[] } }>(
        b.url,
        'query($c: ID!) { matchesForCandidate(candidateId: $c) { edges { node { eligible posting { id } } } } }',
        { c: createCandidate.id },
      );
      return d.matchesForCandidate.edges.find((e) => e.node.posting.id === createJobPosting.id)?.node;
    }, 5_000, 'the posting created through A, matched through B');
    expect(matched.eligible).toBe(true);
    const matchesThroughA = async () =>
      (
        await must<{ matchesForCandidate: { edges: { node: { posting: { id: string; title: string } } }[] } }>(
          a.url,
          'query($c: ID!) { matchesForCandidate(candidateId: $c) { edges { node { posting { id title } } } } }',
          { c: createCandidate.id },
        )
      ).matchesForCandidate.edges.find((e) => e.node.posting.id === createJobPosting.id)?.node.posting;
    // A's page now holds the posting record in its page cache.
    expect((await matchesThroughA())?.title).toBe('Practice Manager');

    await must(b.url, `mutation($id: ID!) { updateJobPosting(id: $id, input: {title: "Clinic Operations Director"}) { id } }`, {
      id: createJobPosting.id,
    });
    const found = await eventually(async () => {
      const d = await must<{ searchPostings: { edges: { node: { id: string; title: string } }[] } }>(
        a.url,
        '{ searchPostings(query: "operations director") { edges { node { id title } } } }',
      );
      return d.searchPostings.edges.find((e) => e.node.id === createJobPosting.id)?.node;
    }, 5_000, 'the update made through B, searched through A');
    expect(found.title).toBe('Clinic Operations Director');
    const retitled = await eventually(async () => {
      const posting = await matchesThroughA();
      return posting?.title === 'Clinic Operations Director' ? posting : undefined;
    }, 5_000, "A's cached page record replaced after B's update");
    expect(retitled.title).toBe('Clinic Operations Director');
  }, 30_000);
});
