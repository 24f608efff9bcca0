// The three ranking queries through HTTP, on the real database and the embedded engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';

const MATCHES = `query($id: ID!, $filter: PostingFilter, $inel: Boolean, $first: Int, $after: String) {
  matchesForCandidate(candidateId: $id, filter: $filter, includeIneligible: $inel, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { score eligible posting { id title }
      explanation { summary missing { kind code detail } matchedRequired { code } matchedPreferred { code } } } }
  } }`;

const CANDIDATES = `query($id: ID!, $inel: Boolean, $first: Int, $after: String) {
  candidatesForPosting(postingId: $id, includeIneligible: $inel, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { score eligible candidate { id name } explanation { missing { kind code } } } }
  } }`;

interface MatchEdge {
  cursor: string;
  node: {
    score: number;
    eligible: boolean;
    posting: { id: string; title: string };
    explanation: { summary: string; missing: { kind: string; code: string | null; detail: string }[]; matchedRequired: { code: string }[]; matchedPreferred: { code: string }[] };
  };
}
interface MatchConn {
  matchesForCandidate: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: MatchEdge[] };
}

describe('matchesForCandidate / candidatesForPosting / searchPostings', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock('2026-06-30') });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION', renewalMonths: 24 });
    await upsertQualification(t, { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true });
    await upsertQualification(t, { code: 'RHIA', name: 'Registered Health Information Administrator', kind: 'CERTIFICATION' });
    const employer = await createEmployer(t, { name: 'Lone Star Health', setting: 'HOSPITAL', city: 'Austin', state: 'TX' });
    const base = { employerId: employer, description: 'Lead the team.', state: 'TX' };
    ids.director = await createPosting(t, { ...base, title: 'Director of Clinic Operations', minDegree: { minLevel: 'MASTER' }, minYearsExperience: 10, requiredQualificationCodes: ['CMM'], salaryMin: 150000, salaryMax: 190000 });
    ids.entry = await createPosting(t, { ...base, title: 'Front Office Coordinator', minDegree: { minLevel: 'ASSOCIATE' }, salaryMin: 40000, salaryMax: 50000, remote: true });
    ids.nha = await createPosting(t, { ...base, title: 'Nursing Home Administrator', setting: 'NURSING_HOME', requiredQualificationCodes: ['NHA'], minDegree: { minLevel: 'BACHELOR' } });
    ids.closed = await createPosting(t, { ...base, title: 'Closed Role' });
    await must(t, `mutation { closeJobPosting(id: "${ids.closed}") { status } }`);
    ids.alice = await createCandidate(t, {
      name: 'Alice Senior', email: 'alice@example.org', state: 'TX',
      degrees: [{ level: 'MASTER', field: 'Health Administration' }],
      qualifications: [{ code: 'CMM', earnedOn: '2025-01-01', expiresOn: '2027-01-01' }, { code: 'NHA', state: 'CA' }],
      experience: [{ title: 'Practice Manager', startDate: '2014-01-01', endDate: null }],
    });
    ids.bob = await createCandidate(t, {
      name: 'Bob Junior', email: 'bob@example.org',
      degrees: [{ level: 'ASSOCIATE', field: 'Business' }],
      experience: [{ title: 'Receptionist', startDate: '2024-01-01', endDate: '2025-01-01' }],
    });
    ids.hidden = await createCandidate(t, {
      name: 'Hidden Hannah', email: 'hannah@example.org', discoverable: false,
      degrees: [{ level: 'DOCTORATE', field: 'Health Administration' }],
    });
  });
  afterAll(async () => t?.close());

  it('ranks eligible open postings, closer level first, closed never shown', async () => {
    const d = await must<MatchConn>(t, MATCHES, { id: ids.alice });
    const titles = d.matchesForCandidate.edges.map((e) => e.node.posting.title);
    expect(titles).toEqual(['Director of Clinic Operations', 'Front Office Coordinator']);
    expect(d.matchesForCandidate.totalCount).toBe(2);
    const director = d.matchesForCandidate.edges[0].node;
    expect(director.eligible).toBe(true);
    expect(director.explanation.missing).toEqual([]);
    expect(director.explanation.matchedRequired.map((q) => q.code)).toEqual(['CMM']);
    expect(director.score).toBeGreaterThan(d.matchesForCandidate.edges[1].node.score);
  });

  it('with includeIneligible, ineligible ones follow and explain the wrong-state licence', async () => {
    const d = await must<MatchConn>(t, MATCHES, { id: ids.alice, inel: true });
    const nodes = d.matchesForCandidate.edges.map((e) => e.node);
    expect(nodes.map((n) => n.eligible)).toEqual([true, true, false]);
    const nha = nodes[2];
    expect(nha.posting.id).toBe(ids.nha);
    expect(nha.explanation.missing).toHaveLength(1);
    expect(nha.explanation.missing[0]).toMatchObject({ kind: 'QUALIFICATION', code: 'NHA' });
    expect(nha.explanation.missing[0].detail).toMatch(/CA/);
    expect(nha.explanation.missing[0].detail).toMatch(/TX/);
    expect(nodes.every((n) => n.posting.id !== ids.closed)).toBe(true);
  });

  it('explains what a junior candidate misses, once per requirement', async () => {
    const d = await must<MatchConn>(t, MATCHES, { id: ids.bob, inel: true });
    const director = d.matchesForCandidate.edges.find((e) => e.node.posting.id === ids.director)!.node;
    expect(director.eligible).toBe(false);
    expect(director.explanation.missing.map((m) => `${m.kind}:${m.code ?? ''}`).sort()).toEqual(['DEGREE:', 'EXPERIENCE:', 'QUALIFICATION:CMM']);
    const entry = d.matchesForCandidate.edges.find((e) => e.node.posting.id === ids.entry)!.node;
    expect(entry.eligible).toBe(true);
    // Fewer missing requirements rank higher among the ineligible.
    const ineligible = d.matchesForCandidate.edges.filter((e) => !e.node.eligible).map((e) => e.node.explanation.missing.length);
    expect([...ineligible].sort((a, b) => a - b)).toEqual(ineligible);
  });

  it('counts experience in the posting\'s care setting (the stored experience setting reaches the score)', async () => {
    const employer = (await must<{ jobPosting: { employer: { id: string } } }>(t, `{ jobPosting(id: "${ids.entry}") { employer { id } } }`)).jobPosting.employer.id;
    const base = { employerId: employer, title: 'Billing Lead', description: 'x', state: 'OR', skills: ['coding'] };
    const office = await createPosting(t, { ...base, setting: 'PHYSICIAN_OFFICE' });
    const hospital = await createPosting(t, { ...base, setting: 'HOSPITAL' });
    const carol = await createCandidate(t, {
      name: 'Carol Hospitalist', email: 'carol@example.org',
      experience: [{ title: 'Billing clerk', setting: 'HOSPITAL', startDate: '2020-01-01', endDate: '2022-01-01' }],
    });
    const d = await must<MatchConn>(t, MATCHES, { id: carol, filter: { states: ['OR'] } });
    const order = d.matchesForCandidate.edges.map((e) => e.node.posting.id);
    expect(order).toEqual([hospital, office]);
    expect(d.matchesForCandidate.edges[0].node.score).toBeGreaterThan(d.matchesForCandidate.edges[1].node.score);
    for (const id of [office, hospital]) await must(t, `mutation { closeJobPosting(id: "${id}") { id } }`);
  });

  it('applies posting filters', async () => {
    const remote = await must<MatchConn>(t, MATCHES, { id: ids.alice, filter: { remote: true } });
    expect(remote.matchesForCandidate.edges.map((e) => e.node.posting.id)).toEqual([ids.entry]);
    const rich = await must<MatchConn>(t, MATCHES, { id: ids.alice, filter: { minSalary: 100000 } });
    expect(rich.matchesForCandidate.edges.map((e) => e.node.posting.id)).toEqual([ids.director]);
    const elsewhere = await must<MatchConn>(t, MATCHES, { id: ids.alice, filter: { states: ['ny'] } });
    expect(elsewhere.matchesForCandidate.totalCount).toBe(0);
  });

  it('pages one by one without repeats or skips', async () => {
    const all = await must<MatchConn>(t, MATCHES, { id: ids.alice, inel: true, first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: MatchConn = await must<MatchConn>(t, MATCHES, { id: ids.alice, inel: true, first: 1, after });
      seen.push(...page.matchesForCandidate.edges.map((e) => e.node.posting.id));
      if (!page.matchesForCandidate.pageInfo.hasNextPage) break;
      after = page.matchesForCandidate.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.matchesForCandidate.edges.map((e) => e.node.posting.id));
  });

  it('a posting created through the API is matchable as soon as the mutation answers', async () => {
    const employer = (await must<{ jobPosting: { employer: { id: string } } }>(t, `{ jobPosting(id: "${ids.entry}") { employer { id } } }`)).jobPosting.employer.id;
    const fresh = await createPosting(t, { employerId: employer, title: 'Patient Access Supervisor', description: 'x', state: 'TX' });
    const d = await must<MatchConn>(t, MATCHES, { id: ids.bob });
    expect(d.matchesForCandidate.edges.map((e) => e.node.posting.id)).toContain(fresh);
    await must(t, `mutation { closeJobPosting(id: "${fresh}") { id } }`);
    const after = await must<MatchConn>(t, MATCHES, { id: ids.bob });
    expect(after.matchesForCandidate.edges.map((e) => e.node.posting.id)).not.toContain(fresh);
  });

  it('candidatesForPosting ranks discoverable candidates only', async () => {
    const d = await must<{ candidatesForPosting: { totalCount: number; edges: { node: { eligible: boolean; candidate: { id: string } } }[] } }>(
      t, CANDIDATES, { id: ids.entry, inel: true },
    );
    const shown = d.candidatesForPosting.edges.map((e) => e.node.candidate.id);
    expect(shown).toContain(ids.alice);
    expect(shown).toContain(ids.bob);
    expect(shown).not.toContain(ids.hidden);
    const director = await must<{ candidatesForPosting: { edges: { node: { candidate: { id: string } } }[] } }>(t, CANDIDATES, { id: ids.director });
    expect(director.candidatesForPosting.edges.map((e) => e.node.candidate.id)).toEqual([ids.alice]);
  });

  it('a candidate who turns discoverable off disappears from recruiters\' lists', async () => {
    await must(t, `mutation { updateCandidate(id: "${ids.bob}", input: { discoverable: false }) { id } }`);
    const d = await must<{ candidatesForPosting: { edges: { node: { candidate: { id: string } } }[] } }>(t, CANDIDATES, { id: ids.entry, inel: true });
    expect(d.candidatesForPosting.edges.map((e) => e.node.candidate.id)).not.toContain(ids.bob);
    await must(t, `mutation { updateCandidate(id: "${ids.bob}", input: { discoverable: true }) { id } }`);
  });

  it('re-indexes postings when a qualification stops or starts being state-specific', async () => {
    const eligibleIds = async () => (await must<MatchConn>(t, MATCHES, { id: ids.alice })).matchesForCandidate.edges.map((e) => e.node.posting.id);
    expect(await eligibleIds()).not.toContain(ids.nha);
    await upsertQualification(t, { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: false });
    expect(await eligibleIds()).toContain(ids.nha);
    await upsertQualification(t, { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true });
    expect(await eligibleIds()).not.toContain(ids.nha);
  });

  it('searchPostings finds open postings by text', async () => {
    const d = await must<{ searchPostings: { totalCount: number; edges: { node: { id: string } }[] } }>(
      t, '{ searchPostings(query: "nursing home") { totalCount edges { node { id } } } }',
    );
    expect(d.searchPostings.edges[0].node.id).toBe(ids.nha);
    const none = await must<{ searchPostings: { totalCount: number } }>(t, '{ searchPostings(query: "closed role") { totalCount } }');
    expect(none.searchPostings.totalCount).toBe(0);
  });

  it.each([
    ['first: 0', { id: 'ID', first: 0 }, 'first'],
    ['first: 101', { id: 'ID', first: 101 }, 'first'],
    ['a forged cursor', { id: 'ID', after: 'not-a-cursor' }, 'after'],
    ['a bad state filter', { id: 'ID', filter: { states: ['XX'] } }, 'filter.states[0]'],
    ['a malformed id', { id: 'nope' }, 'candidateId'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_label, vars, field) => {
    const v = { ...vars, id: vars.id === 'ID' ? ids.alice : vars.id };
    const res = await t.gql(MATCHES, v);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain(field);
  });

  it('unknown ids are NOT_FOUND', async () => {
    const res = await t.gql(MATCHES, { id: '0123456789abcdef01234567' });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const res2 = await t.gql(CANDIDATES, { id: '0123456789abcdef01234567' });
    expect(res2.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
