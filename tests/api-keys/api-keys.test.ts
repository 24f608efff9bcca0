// Issuing, listing and revoking API keys: the key is shown once and only its hash is stored;
// role bindings are checked; a revoked key is refused from the next request on.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminOk, buildAuthWorld, issueKey, outcome, type AuthWorld } from '../auth/auth-world.js';

const ISSUE = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) {
  key apiKey { id role label employerId candidateId createdAt createdBy revokedAt } } }`;

interface Issued {
  key: string;
  apiKey: { id: string; role: string; label: string; employerId: string | null; candidateId: string | null; createdAt: string; createdBy: string; revokedAt: string | null };
}

describe('API keys', () => {
  let t: TestApp;
  let w: AuthWorld;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_BURST: '100000' } });
    w = await buildAuthWorld(t);
  });
  afterAll(async () => t?.close());

  it('issueApiKey returns the key once with its metadata; the database holds only its SHA-256', async () => {
    const d = await adminOk<{ issueApiKey: Issued }>(t, ISSUE, { input: { role: 'RECRUITER', label: ' Riverside HR ', employerId: w.employerB } });
    const { key, apiKey } = d.issueApiKey;
    expect(key).toMatch(/^hm_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ role: 'RECRUITER', label: 'Riverside HR', employerId: w.employerB, candidateId: null, createdBy: 'bootstrap-admin', revokedAt: null });
    expect(Number.isNaN(Date.parse(apiKey.createdAt))).toBe(false);

    const stored = await t.app.connection.collection('api_keys').findOne({ _id: new Types.ObjectId(apiKey.id) });
    expect(stored?.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    const everything = JSON.stringify(await t.app.connection.db!.collection('api_keys').find({}).toArray());
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(key.slice(-43));

    // Listing shows metadata, never the key.
    const list = await adminOk<{ apiKeys: { id: string }[] }>(t, `{ apiKeys { id role label employerId candidateId createdAt revokedAt } }`);
    expect(list.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(list)).not.toContain(key.slice(-43));
    const keyField = await t.gql(`{ apiKeys { key } }`);
    expect(outcome(keyField)).toBe('GRAPHQL_VALIDATION_FAILED');

    // And the key works for what its role allows.
    const r = await t.gql(`mutation($id: ID!) { updateJobPosting(id: $id, input: {salaryMax: 90000}) { salaryMax } }`, { id: w.postingB }, key);
    expect(r.data).toEqual({ updateJobPosting: { salaryMax: 90000 } });
  });

  it('an issued ADMIN key may do everything, including issuing keys', async () => {
    const admin = await issueKey(t, { role: 'ADMIN', label: 'Second admin' });
    const r = await t.gql(`mutation { issueApiKey(input: {role: JOB_BOARD, label: "Via second admin"}) { apiKey { createdBy } } }`, {}, admin.key);
    expect(r.data).toEqual({ issueApiKey: { apiKey: { createdBy: admin.id } } });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['RECRUITER without an employer', { role: 'RECRUITER', label: 'x' }, 'BAD_USER_INPUT', /input\.employerId: is required/],
    ['CANDIDATE without a candidate', { role: 'CANDIDATE', label: 'x' }, 'BAD_USER_INPUT', /input\.candidateId: is required/],
    ['JOB_BOARD bound to an employer', { role: 'JOB_BOARD', label: 'x', employerId: '0'.repeat(24) }, 'BAD_USER_INPUT', /input\.employerId: is only allowed/],
    ['ADMIN bound to a candidate', { role: 'ADMIN', label: 'x', candidateId: '0'.repeat(24) }, 'BAD_USER_INPUT', /input\.candidateId: is only allowed/],
    ['RECRUITER with a malformed employer id', { role: 'RECRUITER', label: 'x', employerId: 'nope' }, 'BAD_USER_INPUT', /input\.employerId/],
    ['a blank label', { role: 'JOB_BOARD', label: '   ' }, 'BAD_USER_INPUT', /input\.label/],
    ['RECRUITER with an unknown employer', { role: 'RECRUITER', label: 'x', employerId: new Types.ObjectId().toHexString() }, 'NOT_FOUND', /Employer/],
    ['CANDIDATE with an unknown candidate', { role: 'CANDIDATE', label: 'x', candidateId: new Types.ObjectId().toHexString() }, 'NOT_FOUND', /Candidate/],
  ])('%s is refused (%s) and stores nothing', async (_name, input, code, message) => {
    const before = await t.app.connection.collection('api_keys').countDocuments();
    const r = await t.gql(ISSUE, { input });
    expect(outcome(r)).toBe(code);
    expect(r.errors![0].message).toMatch(message);
    expect(await t.app.connection.collection('api_keys').countDocuments()).toBe(before);
  });

  it('a revoked key is UNAUTHENTICATED from the next request on, and says it was revoked', async () => {
    const k = await issueKey(t, { role: 'CANDIDATE', label: 'Soon revoked', candidateId: w.candidateOther });
    const read = `query($id: ID!) { candidate(id: $id) { name } }`;
    expect(outcome(await t.gql(read, { id: w.candidateOther }, k.key))).toBe('OK');

    const revoked = await adminOk<{ revokeApiKey: { id: string; revokedAt: string | null } }>(t, `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: k.id });
    expect(revoked.revokeApiKey.revokedAt).not.toBeNull();

    const r = await t.gql(read, { id: w.candidateOther }, k.key);
    expect(outcome(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toContain('revoked');
    expect(JSON.stringify(r)).not.toContain('Avery');
    // Public reads still work with it, as with any invalid key.
    expect(outcome(await t.gql(`{ qualifications { code } }`, {}, k.key))).toBe('OK');

    // Listed only when asked for revoked keys; revoking again keeps the first date.
    const active = await adminOk<{ apiKeys: { id: string }[] }>(t, `{ apiKeys { id } }`);
    expect(active.apiKeys.map((x) => x.id)).not.toContain(k.id);
    const all = await adminOk<{ apiKeys: { id: string; revokedAt: string | null }[] }>(t, `{ apiKeys(includeRevoked: true) { id revokedAt } }`);
    expect(all.apiKeys.find((x) => x.id === k.id)?.revokedAt).toBe(revoked.revokeApiKey.revokedAt);
    const again = await adminOk<{ revokeApiKey: { revokedAt: string } }>(t, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: k.id });
    expect(again.revokeApiKey.revokedAt).toBe(revoked.revokeApiKey.revokedAt);
  });

  it('revoking an unknown key is NOT_FOUND', async () => {
    const r = await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: new Types.ObjectId().toHexString() });
    expect(outcome(r)).toBe('NOT_FOUND');
  });

  it.each([
    ['a key with one character changed', (k: string) => k.slice(0, -1) + (k.endsWith('A') ? 'B' : 'A')],
    ['another key\'s id with this key\'s secret', (k: string) => `hm_${new Types.ObjectId().toHexString()}_${k.slice(-43)}`],
    ['the stored hash itself', (k: string) => createHash('sha256').update(k).digest('hex')],
  ])('%s is not a valid key', async (_name, forge) => {
    const k = await issueKey(t, { role: 'ADMIN', label: 'Forgery target' });
    const r = await t.gql(`{ apiKeys { id } }`, {}, forge(k.key));
    expect(outcome(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toContain('not valid');
  });
});
