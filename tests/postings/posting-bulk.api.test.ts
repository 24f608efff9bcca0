// upsertJobPostings through HTTP (DESIGN §9 "Bulk upsert"): items checked on their own with
// createJobPosting's rules and messages, upserted by (employer, externalRef), unchanged items
// written and indexed nowhere, one engine call per batch, ownership and limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded.engine.js';
import type { PostingSearchDocument } from '../../src/search/search-engine.js';
import { MeilisearchEngine } from '../../src/search/meilisearch/meilisearch.engine.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createEmployer, must, upsertQualification } from '../helpers/fixtures.js';
import { FakeMeilisearch } from '../search/meilisearch/fake-meilisearch.js';

/** The real embedded engine, counting its posting writes. */
class CountingEngine extends EmbeddedSearchEngine {
  upsertCalls: string[][] = [];
  override async upsertPostings(docs: readonly PostingSearchDocument[]): Promise<void> {
    this.upsertCalls.push(docs.map((d) => d.id));
    return super.upsertPostings(docs);
  }
}

const UPSERT = `mutation($inputs: [JobPostingUpsertInput!]!) { upsertJobPostings(inputs: $inputs) {
  created updated unchanged failed items { index externalRef id outcome error { code message field } } } }`;
const CREATE = 'mutation($i: JobPostingInput!) { createJobPosting(input: $i) { id } }';
const SEARCH = 'query($q: String, $e: ID) { searchPostings(query: $q, filter: { employerId: $e }, first: 100) { totalCount edges { node { id title status } } } }';

interface Item { index: number; externalRef: string | null; id: string | null; outcome: string; error: { code: string; message: string; field: string | null } | null }
interface Bulk { created: number; updated: number; unchanged: number; failed: number; items: Item[] }

describe('upsertJobPostings', () => {
  let t: TestApp;
  const engine = new CountingEngine();
  let employerA = '';
  let employerB = '';
  let recruiterA = '';
  let jobBoard = '';
  const item = (ref: string, over: Record<string, unknown> = {}) => ({
    externalRef: ref,
    employerId: employerA,
    title: `Practice Manager ${ref}`,
    description: `Runs the front office (${ref}).`,
    state: 'TX',
    salaryMin: 70000,
    salaryMax: 90000,
    requiredQualificationCodes: ['CMM'],
    ...over,
  });
  const upsert = async (inputs: unknown[], key?: string | null) => t.gql<{ upsertJobPostings: Bulk }>(UPSERT, { inputs }, key);
  const bulk = async (inputs: unknown[], key?: string) => {
    const res = await upsert(inputs, key);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.upsertJobPostings;
  };
  const search = async (q: string | null, e = employerA) =>
    (await must<{ searchPostings: { totalCount: number; edges: { node: { id: string; title: string } }[] } }>(t, SEARCH, { q, e })).searchPostings;
  const storedCount = async (employerId: string) => t.app.repositories.postings.model.countDocuments({ employerId: new Types.ObjectId(employerId) });

  beforeAll(async () => {
    t = await startTestApp({ engine, env: { OUTBOX_POLL_MS: '100000', INDEX_CHANGES_POLL_MS: '100000' } });
    await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
    await upsertQualification(t, { code: 'CPAM', name: 'Certified Patient Account Manager', kind: 'CERTIFICATION' });
    employerA = await createEmployer(t, { name: 'Bulk Clinic A', setting: 'PHYSICIAN_OFFICE', state: 'TX' });
    employerB = await createEmployer(t, { name: 'Bulk Clinic B', setting: 'HOSPITAL', state: 'OH' });
    const issue = 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key } }';
    recruiterA = (await must<{ issueApiKey: { key: string } }>(t, issue, { i: { role: 'RECRUITER', employerId: employerA, label: 'A' } })).issueApiKey.key;
    jobBoard = (await must<{ issueApiKey: { key: string } }>(t, issue, { i: { role: 'JOB_BOARD', label: 'board' } })).issueApiKey.key;
  });
  afterAll(async () => t?.close());

  it('writes the valid items of a mixed batch, reports the others in request order with createJobPosting\'s messages', async () => {
    const bad = [
      item('m-2', { salaryMin: 95000, salaryMax: 90000 }),
      item('m-3', { requiredQualificationCodes: ['NOPE'] }),
      item('m-4', { state: 'Texas' }),
      item('m-6', { employerId: new Types.ObjectId().toHexString() }),
      item('m-7', { employerId: 'not-an-id' }),
      item('m-8', { title: 't'.repeat(201) }),
    ];
    const inputs = [item('m-1'), bad[0], bad[1], bad[2], item('m-5'), bad[3], bad[4], bad[5]];
    const r = await bulk(inputs);
    expect([r.created, r.updated, r.unchanged, r.failed]).toEqual([2, 0, 0, 6]);
    expect(r.items.map((i) => [i.index, i.externalRef, i.outcome])).toEqual(inputs.map((x, i) => [i, x.externalRef, ['m-1', 'm-5'].includes(x.externalRef) ? 'created' : 'failed']));
    expect(r.items.map((i) => i.error && [i.error.code, i.error.field])).toEqual([
      null,
      ['BAD_USER_INPUT', 'salaryMin'],
      ['BAD_USER_INPUT', 'requiredQualificationCodes[0]'],
      ['BAD_USER_INPUT', 'state'],
      null,
      ['NOT_FOUND', 'employerId'],
      ['BAD_USER_INPUT', 'employerId'],
      ['BAD_USER_INPUT', 'title'],
    ]);
    // The same rules and messages as createJobPosting (the limits one aside: the plugin words it for the whole request).
    for (const [k, b] of bad.slice(0, 3).entries()) {
      const { externalRef: _ref, ...single } = b;
      const one = await t.gql(CREATE, { i: single });
      expect(one.errors?.[0].message).toBe(r.items[k + 1].error!.message);
    }
    expect(r.items[1].error!.message).toContain('input.salaryMin: must not exceed input.salaryMax');
    expect(r.items[5].error!.message).toContain('was not found');
    // Nothing of a bad item was written; the good ones are searchable when the call returns.
    expect(await storedCount(employerA)).toBe(2);
    const found = await search(null);
    expect(found.edges.map((e) => e.node.id).sort()).toEqual([r.items[0].id, r.items[4].id].sort());
  });

  it('is idempotent: the same batch again is unchanged, written and indexed nowhere', async () => {
    const inputs = [item('i-1'), item('i-2'), item('i-3')];
    const first = await bulk(inputs);
    expect(first.created).toBe(3);
    const before = await t.app.repositories.postings.model.find({ externalRef: { $in: ['i-1', 'i-2', 'i-3'] } }).lean();
    const calls = engine.upsertCalls.length;
    const again = await bulk(inputs);
    expect([again.created, again.updated, again.unchanged, again.failed]).toEqual([0, 0, 3, 0]);
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(engine.upsertCalls.length).toBe(calls);
    const after = await t.app.repositories.postings.model.find({ externalRef: { $in: ['i-1', 'i-2', 'i-3'] } }).lean();
    expect(after.map((p) => p.updatedAt.getTime()).sort()).toEqual(before.map((p) => p.updatedAt.getTime()).sort());
    expect(await t.app.services.indexSync.pendingCount()).toBe(0);
  });

  it('updates only what changed, in one engine call for the batch', async () => {
    const inputs = [item('p-1'), item('p-2'), item('p-3')];
    const first = await bulk(inputs);
    const calls = engine.upsertCalls.length;
    const changed = await bulk([inputs[0], { ...inputs[1], title: 'Revenue Cycle Director' }, inputs[2]]);
    expect(changed.items.map((i) => i.outcome)).toEqual(['unchanged', 'updated', 'unchanged']);
    expect(changed.items[1].id).toBe(first.items[1].id);
    expect(engine.upsertCalls.slice(calls)).toEqual([[first.items[1].id]]);
    expect((await search('revenue cycle director')).edges.map((e) => e.node.id)).toEqual([first.items[1].id]);
    const stored = await must<{ jobPosting: { title: string } }>(t, `{ jobPosting(id: "${first.items[1].id}") { title } }`);
    expect(stored.jobPosting.title).toBe('Revenue Cycle Director');
  });

  it('closes and reopens postings by status, and only open ones are searchable', async () => {
    const [created] = (await bulk([item('s-1')])).items;
    const closed = await bulk([item('s-1', { status: 'CLOSED' })]);
    expect(closed.items[0]).toMatchObject({ id: created.id, outcome: 'updated' });
    const got = await must<{ jobPosting: { status: string } }>(t, `{ jobPosting(id: "${created.id}") { status } }`);
    expect(got.jobPosting.status).toBe('CLOSED');
    expect((await search(null)).edges.map((e) => e.node.id)).not.toContain(created.id);
    const record = await t.app.repositories.postings.findById(new Types.ObjectId(created.id!));
    expect(record?.closedAt).toBeInstanceOf(Date);
    const reopened = await bulk([item('s-1')]);
    expect(reopened.items[0].outcome).toBe('updated');
    expect((await search(null)).edges.map((e) => e.node.id)).toContain(created.id);
    expect((await t.app.repositories.postings.findById(new Types.ObjectId(created.id!)))?.closedAt).toBeNull();
    // A new item may arrive closed: stored, never indexed as open.
    const born = await bulk([item('s-2', { status: 'CLOSED' })]);
    expect(born.items[0].outcome).toBe('created');
    expect((await search(null)).edges.map((e) => e.node.id)).not.toContain(born.items[0].id);
  });

  it('refuses more than 1,000 items as a whole, writing nothing; 1,000 go in one call and one engine write', async () => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => item(`l-${i}`, { description: 'x' }));
    const before = await storedCount(employerA);
    const refused = await upsert(tooMany);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/inputs.*1000/);
    expect(await storedCount(employerA)).toBe(before);

    // Earlier tests' index work first, so only this call's engine writes are counted.
    await t.app.services.indexSync.drain();
    const calls = engine.upsertCalls.length;
    const full = await bulk(tooMany.slice(0, 1000));
    expect(full.created).toBe(1000);
    // The call answers once MongoDB holds the batch; the engine write may still be draining
    // when another drain held the lease (a loaded CI machine): wait for it, then count calls.
    for (let i = 0; i < 100 && engine.upsertCalls.length === calls; i++) await new Promise((r) => setTimeout(r, 100));
    await t.app.services.indexSync.drain();
    expect(engine.upsertCalls.slice(calls).map((c) => c.length)).toEqual([1000]);
    expect((await search(null)).totalCount).toBeGreaterThanOrEqual(1000);
  });

  it('reports the same externalRef twice in one request on the second item', async () => {
    const r = await bulk([item('d-1'), item('d-1', { title: 'Other' })]);
    expect(r.items.map((i) => i.outcome)).toEqual(['created', 'failed']);
    expect(r.items[1].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalRef' });
  });

  it('lets a recruiter upsert only for its own employer; job boards and anonymous callers not at all', async () => {
    const r = await bulk([item('o-1'), item('o-2', { employerId: employerB })], recruiterA);
    expect(r.items.map((i) => i.outcome)).toEqual(['created', 'failed']);
    expect(r.items[1].error).toMatchObject({ code: 'FORBIDDEN', field: 'employerId' });
    expect(await storedCount(employerB)).toBe(0);
    expect((await upsert([item('o-3')], jobBoard)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await upsert([item('o-4')], null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Admins write for any employer.
    expect((await bulk([item('o-5', { employerId: employerB })])).created).toBe(1);
  });

  it('indexes a new batch from what it wrote: MongoDB is read for a few sampled ids only, never the batch', async () => {
    // Earlier tests' index work first, so only this call's reads are counted.
    await t.app.services.indexSync.drain();
    const repo = t.app.repositories.postings;
    const read: string[] = [];
    const findByIds = repo.findByIds.bind(repo);
    repo.findByIds = async (ids) => {
      // Alert detection (in this process under test) reads the changed postings on its own
      // schedule; what is counted here is the write and index path's reads.
      if (!/alert/i.test(new Error().stack ?? '')) read.push(...ids.map((id) => id.toHexString()));
      return findByIds(ids);
    };
    try {
      const inputs = Array.from({ length: 40 }, (_, i) => item(`n-${i}`, { title: `Quillbright Manager ${i}` }));
      const r = await bulk(inputs);
      expect(r.created).toBe(40);
      await t.app.services.indexSync.drain();
      // The probe: 8 of the 40 derived ids, none stored, so nothing else is read (the index neither).
      expect(read.length).toBe(8);
      expect(read.every((id) => r.items.some((x) => x.id === id))).toBe(true);
      expect((await search('quillbright')).totalCount).toBe(40);
    } finally {
      repo.findByIds = findByIds;
    }
  });

  it('finds a posting stored under an id not derived from its reference, and one stored before feedKey existed', async () => {
    const plain = async (title: string) =>
      (await must<{ createJobPosting: { id: string } }>(t, CREATE, { i: { employerId: employerA, title, description: 'Older posting.', state: 'TX' } })).createJobPosting.id;
    const keyed = await plain('Legacy Keyed');
    const bare = await plain('Legacy Bare');
    const model = t.app.repositories.postings.model;
    // As stored by earlier versions: a random id with the reference, with and without its feedKey.
    await model.collection.updateOne({ _id: new Types.ObjectId(keyed) }, { $set: { externalRef: 'lg-1', feedKey: `${employerA}:lg-1` } });
    await model.collection.updateOne({ _id: new Types.ObjectId(bare) }, { $set: { externalRef: 'lg-2' } });
    await model.db.collection('schema_migrations').deleteMany({});
    await t.app.repositories.postings.ensureIndexes();
    const before = await storedCount(employerA);
    const r = await bulk([
      item('lg-1', { title: 'Zephyrine Renamed Keyed', description: 'Older posting.', salaryMin: null, salaryMax: null, requiredQualificationCodes: [] }),
      item('lg-2', { title: 'Legacy Bare', description: 'Older posting.', salaryMin: null, salaryMax: null, requiredQualificationCodes: [] }),
    ]);
    expect(r.items.map((i) => [i.outcome, i.id])).toEqual([
      ['updated', keyed],
      ['unchanged', bare],
    ]);
    expect(await storedCount(employerA)).toBe(before);
    expect((await search('zephyrine')).edges.map((e) => e.node.id)).toEqual([keyed]);
  });

  it('createJobPosting with a reference stores it under the derived id, so the feed finds it by id', async () => {
    const { externalRef: _r, ...rest } = item('cj-1');
    const created = (await must<{ createJobPosting: { id: string } }>(t, CREATE, { i: { ...rest, externalRef: 'cj-1' } })).createJobPosting.id;
    const r = await bulk([item('cj-1', { status: 'OPEN' })]);
    expect(r.items[0]).toMatchObject({ outcome: 'unchanged', id: created });
  });

  it('makes externalRef unique per employer: createJobPosting with a taken reference is a CONFLICT', async () => {
    const { externalRef: _r, ...rest } = item('u-1');
    await bulk([item('u-1')]);
    const dup = await t.gql(CREATE, { i: { ...rest, externalRef: 'u-1' } });
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Another employer may use the same reference.
    expect((await bulk([item('u-1', { employerId: employerB })])).created).toBe(1);
  });
});

describe('upsertJobPostings with Meilisearch (stand-in server)', () => {
  const fake = new FakeMeilisearch();
  let t: TestApp;
  beforeAll(async () => {
    const host = await fake.start();
    t = await startTestApp({ engine: new MeilisearchEngine({ host, indexPrefix: 'bulk_' }), env: { OUTBOX_POLL_MS: '100000' } });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  it('sends the batch as one Meilisearch task, not one per document', async () => {
    const employerId = await createEmployer(t, { name: 'Meili Bulk', setting: 'HOSPITAL', state: 'OH' });
    fake.requests.length = 0;
    const inputs = Array.from({ length: 40 }, (_, i) => ({ externalRef: `mb-${i}`, employerId, title: `Manager ${i}`, description: 'x' }));
    const res = await t.gql<{ upsertJobPostings: Bulk }>(UPSERT, { inputs });
    expect(res.data?.upsertJobPostings.created).toBe(40);
    await t.app.services.indexSync.drain();
    const tasks = fake.bodiesTo('/bulk_postings/documents') as unknown as { id: string }[][];
    expect(tasks.map((b) => b.length)).toEqual([40]);
  });
});
