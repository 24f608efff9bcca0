// deleteCandidate end to end (DESIGN §9 "Erasure"), through HTTP: afterwards the candidate is
// in no MongoDB read, search, match or facet; its keys are refused; audit entries keep the
// operation and time but not the id; a second delete is false; and an engine outage during
// the deletion does not bring the candidate back when the engine returns, on both index paths
// (embedded: the change log; a shared engine such as Meilisearch: the outbox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded.engine.js';
import type { CandidateSearchDocument } from '../../src/search/search-engine.js';
import { SearchUnavailableError } from '../../src/search/search-errors.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from '../helpers/fixtures.js';

/** The real embedded engine behind a switch that makes its writes fail like a dead server. */
class FlakyEngine extends EmbeddedSearchEngine {
  down = false;
  candidateWrites: string[] = [];
  override async upsertCandidates(docs: readonly CandidateSearchDocument[]): Promise<void> {
    if (this.down) throw new SearchUnavailableError('upsertCandidates');
    this.candidateWrites.push(...docs.map((d) => `upsert:${d.id}`));
    return super.upsertCandidates(docs);
  }
  override async deleteCandidates(ids: readonly string[]): Promise<void> {
    if (this.down) throw new SearchUnavailableError('deleteCandidates');
    this.candidateWrites.push(...ids.map((id) => `delete:${id}`));
    return super.deleteCandidates(ids);
  }
}

const SEARCH = `{ searchCandidates(filter: { states: ["TX"] }, first: 50) { totalCount edges { node { id } } facets { states { value count } qualifications { value count } } } }`;
type Search = { searchCandidates: { totalCount: number; edges: { node: { id: string } }[]; facets: { states: { value: string; count: number }[]; qualifications: { value: string; count: number }[] } } };
const ISSUE = 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key apiKey { id } } }';
const DELETE = 'mutation($id: ID!) { deleteCandidate(id: $id) }';

const profile = (name: string) => ({
  name,
  email: `${name.toLowerCase().replace(/\s/g, '.')}@example.org`,
  headline: `${name}, practice manager`,
  state: 'TX',
  degrees: [{ level: 'BACHELOR', field: 'Health Administration' }],
  qualifications: [{ code: 'CMM', earnedOn: '2020-01-01' }],
  experience: [{ title: 'Practice Manager', startDate: '2015-01-01' }],
});

async function world(t: TestApp) {
  await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
  const employerId = await createEmployer(t, { name: 'Erasure Clinic', setting: 'PHYSICIAN_OFFICE', state: 'TX' });
  const postingId = await createPosting(t, { employerId, title: 'Practice Manager', description: 'x', state: 'TX', requiredQualificationCodes: ['CMM'] });
  return { employerId, postingId };
}

describe('deleteCandidate', () => {
  let t: TestApp;
  const engine = new FlakyEngine();
  let postingId = '';

  beforeAll(async () => {
    t = await startTestApp({ engine, env: { OUTBOX_POLL_MS: '100000' } });
    ({ postingId } = await world(t));
  });
  afterAll(async () => t?.close());

  const ranked = async () =>
    (await must<{ candidatesForPosting: { edges: { node: { candidate: { id: string } } }[] } }>(t, `{ candidatesForPosting(postingId: "${postingId}", first: 50) { edges { node { candidate { id } } } } }`)).candidatesForPosting.edges.map((e) => e.node.candidate.id);

  it('erases the candidate everywhere: MongoDB, search, matches, facets, keys and the audit trail', async () => {
    const id = await createCandidate(t, profile('Jane Erased'));
    const other = await createCandidate(t, profile('Kept Person'));
    const { key } = (await must<{ issueApiKey: { key: string } }>(t, ISSUE, { i: { role: 'CANDIDATE', candidateId: id, label: 'Jane Erased phone' } })).issueApiKey;
    // Audit entries about her: her own update, and an admin's.
    expect((await t.gql(`mutation { updateCandidate(id: "${id}", input: { headline: "Still here" }) { id } }`, {}, key)).errors).toBeUndefined();
    await must(t, `mutation { updateCandidate(id: "${id}", input: { summary: "Jane's summary" }) { id } }`);

    const before = await must<Search>(t, SEARCH);
    expect(before.searchCandidates.edges.map((e) => e.node.id)).toContain(id);
    expect(before.searchCandidates.facets.states).toEqual([{ value: 'TX', count: 2 }]);
    expect(await ranked()).toContain(id);

    // Her own key may erase her.
    const erased = await t.gql<{ deleteCandidate: boolean }>(DELETE, { id }, key);
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.deleteCandidate).toBe(true);

    expect((await must<{ candidate: unknown }>(t, `{ candidate(id: "${id}") { id } }`)).candidate).toBeNull();
    const after = await must<Search>(t, SEARCH);
    expect(after.searchCandidates.edges.map((e) => e.node.id)).toEqual([other]);
    expect(after.searchCandidates.totalCount).toBe(1);
    expect(after.searchCandidates.facets.states).toEqual([{ value: 'TX', count: 1 }]);
    expect(after.searchCandidates.facets.qualifications).toEqual([{ value: 'CMM', count: 1 }]);
    expect(await ranked()).toEqual([other]);
    const listed = await must<{ candidates: { edges: { node: { id: string } }[] } }>(t, '{ candidates(first: 100) { edges { node { id } } } }');
    expect(listed.candidates.edges.map((e) => e.node.id)).not.toContain(id);
    expect((await engine.indexedVersions('candidate')).map(([docId]) => docId)).not.toContain(id);
    expect((await t.gql(`{ matchesForCandidate(candidateId: "${id}") { totalCount } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Her key is refused; it is revoked and no longer names her.
    const refused = await t.gql(`{ candidate(id: "${id}") { id } }`, {}, key);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const keys = await must<{ apiKeys: { role: string; label: string; candidateId: string | null; revokedAt: string | null }[] }>(t, '{ apiKeys(includeRevoked: true) { role label candidateId revokedAt } }');
    const hers = keys.apiKeys.filter((k) => k.role === 'CANDIDATE');
    expect(hers).toHaveLength(1);
    expect(hers[0].candidateId).toBeNull();
    expect(hers[0].revokedAt).not.toBeNull();
    expect(hers[0].label).not.toContain('Jane');

    // The audit trail keeps operation and time, never her id, name or e-mail.
    const audit = await must<{ auditLog: { edges: { node: { operation: string; at: string; targetId: string | null } }[] } }>(t, '{ auditLog(first: 100) { edges { node { operation at targetId } } } }');
    const text = JSON.stringify(audit);
    for (const secret of [id, 'Jane', 'jane.erased@example.org']) expect(text).not.toContain(secret);
    const ops = audit.auditLog.edges.map((e) => e.node).filter((n) => n.targetId === 'erased-candidate').map((n) => n.operation);
    expect(ops).toEqual(expect.arrayContaining(['deleteCandidate', 'updateCandidate', 'updateCandidate']));
    expect((await must<{ auditLog: { totalCount: number } }>(t, `{ auditLog(targetId: "${id}") { totalCount } }`)).auditLog.totalCount).toBe(0);

    // A second delete finds nothing; so does an export.
    expect((await must<{ deleteCandidate: boolean }>(t, DELETE, { id })).deleteCandidate).toBe(false);
    expect((await t.gql(`{ exportCandidateData(id: "${id}") }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets only the candidate itself and admins erase', async () => {
    const id = await createCandidate(t, profile('Target Person'));
    const otherId = await createCandidate(t, profile('Other Person'));
    const otherKey = (await must<{ issueApiKey: { key: string } }>(t, ISSUE, { i: { role: 'CANDIDATE', candidateId: otherId, label: 'o' } })).issueApiKey.key;
    const board = (await must<{ issueApiKey: { key: string } }>(t, ISSUE, { i: { role: 'JOB_BOARD', label: 'b' } })).issueApiKey.key;
    expect((await t.gql(DELETE, { id }, otherKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id }, board)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id }, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await must<{ candidate: { id: string } }>(t, `{ candidate(id: "${id}") { id } }`)).candidate.id).toBe(id);
    expect((await must<{ deleteCandidate: boolean }>(t, DELETE, { id })).deleteCandidate).toBe(true);
  });

  it('an engine outage during the deletion does not bring the candidate back (embedded engine, change log)', async () => {
    await outageCase(t, engine);
  });
});

describe('deleteCandidate with a shared engine (outbox path, as with Meilisearch)', () => {
  let t: TestApp;
  const engine = new FlakyEngine();
  // The index sync then drains the outbox into "the" engine instead of following the change log.
  Object.defineProperty(engine, 'kind', { value: 'meilisearch' });

  beforeAll(async () => {
    t = await startTestApp({ engine, env: { OUTBOX_POLL_MS: '100000' } });
    await world(t);
  });
  afterAll(async () => t?.close());

  it('applies the removal before answering', async () => {
    const id = await createCandidate(t, profile('Quick Gone'));
    expect((await must<Search>(t, SEARCH)).searchCandidates.edges.map((e) => e.node.id)).toContain(id);
    expect((await must<{ deleteCandidate: boolean }>(t, DELETE, { id })).deleteCandidate).toBe(true);
    // No drain called: the mutation applied it.
    expect((await engine.indexedVersions('candidate')).map(([d]) => d)).not.toContain(id);
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('an engine outage during the deletion keeps it queued durably and never brings the candidate back', async () => {
    await outageCase(t, engine);
  });
});

async function outageCase(t: TestApp, engine: FlakyEngine): Promise<void> {
  const id = await createCandidate(t, profile('Outage Person'));
  await t.app.services.indexSync.drain();
  expect((await engine.indexedVersions('candidate')).map(([d]) => d)).toContain(id);

  engine.down = true;
  // A change queued while the engine is down: a late update of the same candidate.
  await must(t, `mutation { updateCandidate(id: "${id}", input: { headline: "Late update" }) { id } }`);
  expect((await must<{ deleteCandidate: boolean }>(t, DELETE, { id })).deleteCandidate).toBe(true);
  expect((await must<{ candidate: unknown }>(t, `{ candidate(id: "${id}") { id } }`)).candidate).toBeNull();
  expect(await t.app.services.indexSync.pendingCount()).toBeGreaterThan(0);

  // The engine returns: the queued changes are applied from MongoDB's current state.
  engine.down = false;
  const since = engine.candidateWrites.length;
  for (let i = 0; i < 100 && (await t.app.services.indexSync.pendingCount()) > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    await t.app.services.indexSync.drain();
  }
  expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  expect((await engine.indexedVersions('candidate')).map(([d]) => d)).not.toContain(id);
  expect(engine.candidateWrites.slice(since).filter((w) => w.endsWith(id))).toEqual([`delete:${id}`]);
  const found = await must<Search>(t, SEARCH);
  expect(found.searchCandidates.edges.map((e) => e.node.id)).not.toContain(id);
}
