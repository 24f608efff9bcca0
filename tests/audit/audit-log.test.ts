// Every executed mutation is written to audit_log (who, what, when, target, outcome) and only
// admins can read it, newest first, with cursor paging and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { fixedClock } from '../../src/shared/clock.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminOk, buildAuthWorld, outcome, type AuthWorld } from '../auth/auth-world.js';

interface Entry {
  id: string;
  at: string;
  keyId: string | null;
  role: string | null;
  operation: string;
  targetId: string | null;
  outcome: string;
  errorCode: string | null;
}
interface Conn {
  auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Entry }[] };
}

const AUDIT = `query($first: Int, $after: String, $keyId: String, $operation: String, $targetId: String) {
  auditLog(first: $first, after: $after, keyId: $keyId, operation: $operation, targetId: $targetId) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id at keyId role operation targetId outcome errorCode } } } }`;

describe('audit log', () => {
  let t: TestApp;
  let w: AuthWorld;

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock('2026-03-01'), env: { RATE_LIMIT_BURST: '100000' } });
    w = await buildAuthWorld(t);
  });
  afterAll(async () => t?.close());

  async function latest(filter: Record<string, unknown> = {}): Promise<Entry> {
    const d = await adminOk<Conn>(t, AUDIT, { first: 1, ...filter });
    return d.auditLog.edges[0].node;
  }

  it('the set-up mutations are all there, by the bootstrap admin, with their targets', async () => {
    const d = await adminOk<Conn>(t, AUDIT, { first: 100, keyId: 'bootstrap-admin' });
    const ops = d.auditLog.edges.map((e) => e.node.operation);
    // Newest first: the world's last step was a revocation.
    expect(ops[0]).toBe('revokeApiKey');
    expect(ops.filter((o) => o === 'createCandidate')).toHaveLength(3);
    expect(ops.filter((o) => o === 'issueApiKey')).toHaveLength(5);
    const created = d.auditLog.edges.map((e) => e.node).filter((n) => n.operation === 'createJobPosting').map((n) => n.targetId);
    expect(created.sort()).toEqual([w.postingA, w.postingB].sort());
    const issued = d.auditLog.edges.map((e) => e.node).filter((n) => n.operation === 'issueApiKey').map((n) => n.targetId);
    expect(issued).toContain(w.keyIds.RECRUITER);
    for (const { node } of d.auditLog.edges) {
      expect(node).toMatchObject({ keyId: 'bootstrap-admin', role: 'ADMIN', outcome: 'SUCCESS', errorCode: null, at: '2026-03-01T12:00:00.000Z' });
    }
  });

  it('a successful mutation by an issued key records the key id, role and target', async () => {
    const r = await t.gql(`mutation($id: ID!) { updateJobPosting(id: $id, input: {salaryMin: 65000}) { id } }`, { id: w.postingA }, w.keys.RECRUITER);
    expect(outcome(r)).toBe('OK');
    expect(await latest()).toMatchObject({ keyId: w.keyIds.RECRUITER, role: 'RECRUITER', operation: 'updateJobPosting', targetId: w.postingA, outcome: 'SUCCESS', errorCode: null });
  });

  // [label, request (query, variables, key), the expected entry]
  type FailedCase = (x: AuthWorld) => { query: string; vars: Record<string, unknown>; key: string | null; entry: Partial<Entry> };
  const unknownId = new Types.ObjectId().toHexString();
  it.each<[string, FailedCase]>([
    ['FORBIDDEN: a recruiter closing another employer\'s posting', (x) => ({
      query: `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, vars: { id: x.postingB }, key: x.keys.RECRUITER,
      entry: { keyId: x.keyIds.RECRUITER, role: 'RECRUITER', operation: 'closeJobPosting', targetId: x.postingB, errorCode: 'FORBIDDEN' },
    })],
    ['UNAUTHENTICATED: no key', (x) => ({
      query: `mutation($id: ID!) { updateCandidate(id: $id, input: {name: "X"}) { id } }`, vars: { id: x.candidateOther }, key: null,
      entry: { keyId: null, role: null, operation: 'updateCandidate', targetId: x.candidateOther, errorCode: 'UNAUTHENTICATED' },
    })],
    ['FORBIDDEN: a candidate key revoking a key', (x) => ({
      query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, vars: { id: x.keyIds.JOB_BOARD }, key: x.keys.CANDIDATE,
      entry: { keyId: x.keyIds.CANDIDATE, role: 'CANDIDATE', operation: 'revokeApiKey', targetId: x.keyIds.JOB_BOARD, errorCode: 'FORBIDDEN' },
    })],
    ['NOT_FOUND: an admin closing an unknown posting', () => ({
      query: `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, vars: { id: unknownId }, key: ADMIN_KEY,
      entry: { keyId: 'bootstrap-admin', role: 'ADMIN', operation: 'closeJobPosting', targetId: unknownId, errorCode: 'NOT_FOUND' },
    })],
    ['BAD_USER_INPUT: an admin creating an employer without a name', () => ({
      query: `mutation { createEmployer(input: {name: "", setting: OTHER}) { id } }`, vars: {}, key: ADMIN_KEY,
      entry: { keyId: 'bootstrap-admin', role: 'ADMIN', operation: 'createEmployer', targetId: null, errorCode: 'BAD_USER_INPUT' },
    })],
  ])('a failed mutation is recorded too: %s', async (_name, failedCase) => {
    const c = failedCase(w);
    const r = await t.gql(c.query, c.vars, c.key);
    expect(outcome(r)).toBe(c.entry.errorCode);
    expect(await latest()).toMatchObject({ ...c.entry, outcome: 'FAILURE' });
  });

  it('queries are not recorded', async () => {
    const before = (await adminOk<Conn>(t, AUDIT, { first: 1 })).auditLog.totalCount;
    await t.gql(`{ qualifications { code } }`, {}, w.keys.JOB_BOARD);
    await t.gql(`query($id: ID!) { candidate(id: $id) { name } }`, { id: w.candidateSelf }, w.keys.CANDIDATE);
    expect((await adminOk<Conn>(t, AUDIT, { first: 1 })).auditLog.totalCount).toBe(before);
  });

  it('each mutation of a multi-mutation request is its own entry', async () => {
    await t.gql(`mutation { a: createEmployer(input: {name: "One", setting: OTHER}) { id } b: createEmployer(input: {name: "Two", setting: OTHER}) { id } }`);
    const d = await adminOk<Conn>(t, AUDIT, { first: 2, operation: 'createEmployer' });
    expect(d.auditLog.edges.map((e) => e.node.outcome)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(new Set(d.auditLog.edges.map((e) => e.node.targetId)).size).toBe(2);
  });

  it('filters by target and pages without repeats or gaps', async () => {
    const byTarget = await adminOk<Conn>(t, AUDIT, { first: 100, targetId: w.postingA });
    expect(byTarget.auditLog.edges.map((e) => e.node.operation).sort()).toEqual(['createJobPosting', 'updateJobPosting']);

    const all = await adminOk<Conn>(t, AUDIT, { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Conn = await adminOk<Conn>(t, AUDIT, { first: 7, after });
      seen.push(...page.auditLog.edges.map((e) => e.node.id));
      after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.auditLog.edges.map((e) => e.node.id));
    expect(seen).toHaveLength(all.auditLog.totalCount);
  });

  it.each([
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['JOB_BOARD', 'JOB_BOARD', 'FORBIDDEN'],
    ['RECRUITER', 'RECRUITER', 'FORBIDDEN'],
    ['CANDIDATE', 'CANDIDATE', 'FORBIDDEN'],
  ] as const)('%s cannot read it', async (_name, role, code) => {
    const r = await t.gql(AUDIT, { first: 5 }, role ? w.keys[role] : null);
    expect(outcome(r)).toBe(code);
    expect(r.data ?? null).toBeNull();
  });

  it('first outside 1..100 is BAD_USER_INPUT', async () => {
    expect(outcome(await t.gql(AUDIT, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(AUDIT, { first: 101 }))).toBe('BAD_USER_INPUT');
  });
});
