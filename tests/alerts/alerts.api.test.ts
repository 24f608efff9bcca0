// Alerts end to end through the real HTTP API, the real MongoDB-protocol server and a real
// local webhook receiver: the three kinds, signatures, "newly true" only, no duplicates, no
// events for closed postings, ineligible or hidden candidates, and who may do what.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminOk, issueKey, outcome } from '../auth/auth-world.js';
import { CREATE_ALERT, candidate, createAlert, deliveries, employer, posting, settle, startReceiver, verifySignature, waitFor, type Receiver } from './alert-world.js';

// Detection in its own thread, as outside tests (the other alert tests run it in-thread).
const FAST = { ALERT_RETRY_BASE_MS: '50', ALERT_RETRY_MAX_MS: '200', ALERT_RETRY_WINDOW_MS: '60000', ALERT_DELIVERY_POLL_MS: '100', ALERT_DETECTION_THREAD: 'true' };

describe('alerts', () => {
  let t: TestApp;
  let rx: Receiver;
  let emp: string;
  beforeAll(async () => {
    t = await startTestApp({ env: FAST });
    rx = await startReceiver([200]);
    emp = await employer(t);
  }, 120_000);
  // An earlier test's last write may still be on its way through detection (which steps
  // aside while requests run): it would meet this test's new alert and count as its event.
  beforeEach(() => settle(t), 120_000);
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  }, 120_000);

  it('POSTINGS_FOR_CANDIDATE: one signed webhook for a new eligible posting, none for ineligible, closed or unchanged', async () => {
    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: rx.url });
    expect(alert.secret).toMatch(/^whsec_/);
    const before = rx.requests.length;

    const eligible = await posting(t, emp, { title: 'Practice Manager' });
    await posting(t, emp, { title: 'Director', minDegree: { minLevel: 'MASTER' } }); // ineligible
    await waitFor(() => rx.requests.length > before, 'the webhook');
    await settle(t);

    const mine = rx.requests.slice(before);
    expect(mine).toHaveLength(1);
    const [req] = mine;
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['alertId', 'candidateId', 'id', 'kind', 'occurredAt', 'postingId', 'score']);
    expect(body).toMatchObject({ alertId: alert.id, kind: 'POSTINGS_FOR_CANDIDATE', postingId: eligible, candidateId: c });
    expect(body.score as number).toBeGreaterThan(0.5);
    expect(req.headers['x-healthmatch-event-id']).toBe(body.id);
    const sig = String(req.headers['x-healthmatch-signature']);
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(alert.secret, sig, req.body)).toBe(true);
    expect(verifySignature('whsec_wrong', sig, req.body)).toBe(false);
    expect(verifySignature(alert.secret, sig, req.body.replace(c, new Types.ObjectId().toHexString()))).toBe(false);

    // Still true after an edit that changes nothing about eligibility: no second event.
    await adminOk(t, `mutation($id: ID!) { updateJobPosting(id: $id, input: {title: "Senior Practice Manager"}) { id } }`, { id: eligible });
    // Closed: never an event, also when edited while closed.
    await adminOk(t, `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: eligible });
    await settle(t);
    const closedThenEligible = await posting(t, emp, { title: 'Later closed', minDegree: { minLevel: 'MASTER' } });
    await adminOk(t, `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: closedThenEligible });
    await adminOk(t, `mutation($id: ID!) { updateJobPosting(id: $id, input: {minDegree: {minLevel: BACHELOR}}) { id } }`, { id: closedThenEligible });
    await settle(t);

    const list = await deliveries(t, alert.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ eventId: body.id, status: 'delivered', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    await waitFor(() => rx.requests.length === before + 1, 'no further requests');
  }, 120_000);

  it('POSTINGS_FOR_CANDIDATE: a posting changed so that the candidate becomes eligible raises one event; the alert filter applies', async () => {
    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, filter: { states: ['TX'] }, webhookUrl: rx.url });
    const p = await posting(t, emp, { minYearsExperience: 30 });
    await posting(t, emp, { state: 'CA' }); // eligible, but outside the alert's filter
    await settle(t);
    expect(await deliveries(t, alert.id)).toHaveLength(0);
    await adminOk(t, `mutation($id: ID!) { updateJobPosting(id: $id, input: {minYearsExperience: 2}) { id } }`, { id: p });
    await settle(t);
    const list = await deliveries(t, alert.id);
    expect(list).toHaveLength(1);
    await waitFor(async () => (await deliveries(t, alert.id))[0].status === 'delivered', 'delivery');
    // The same state re-applied (as after a restart from a snapshot) raises nothing new.
    await t.app.services.indexSync.committed('posting', [new Types.ObjectId(p)]);
    await settle(t);
    expect(await deliveries(t, alert.id)).toHaveLength(1);
  }, 120_000);

  it('CANDIDATES_FOR_POSTING: a recruiter hears of discoverable candidates newly eligible, never of hidden ones', async () => {
    const p = await posting(t, emp, { title: 'Clinic Manager' });
    const recruiter = await issueKey(t, { role: 'RECRUITER', label: 'R', employerId: emp });
    const alert = await createAlert(t, { kind: 'CANDIDATES_FOR_POSTING', postingId: p, webhookUrl: rx.url }, recruiter.key);
    const hidden = await candidate(t, { discoverable: false });
    await candidate(t, { degrees: [{ level: 'ASSOCIATE', field: 'Business' }] }); // ineligible
    await settle(t);
    expect(await deliveries(t, alert.id, recruiter.key)).toHaveLength(0);

    await adminOk(t, `mutation($id: ID!) { updateCandidate(id: $id, input: {discoverable: true}) { id } }`, { id: hidden });
    await settle(t);
    await adminOk(t, `mutation($id: ID!) { updateCandidate(id: $id, input: {skills: ["billing", "coding"]}) { id } }`, { id: hidden });
    await settle(t);
    const list = await deliveries(t, alert.id, recruiter.key);
    expect(list).toHaveLength(1);
    await waitFor(() => rx.requests.some((r) => r.headers['x-healthmatch-event-id'] === list[0].eventId), 'the webhook');
    const body = JSON.parse(rx.requests.find((r) => r.headers['x-healthmatch-event-id'] === list[0].eventId)!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'CANDIDATES_FOR_POSTING', postingId: p, candidateId: hidden });
  }, 120_000);

  it('SAVED_SEARCH: a newly open posting that matches words and filter, nothing else', async () => {
    const board = await issueKey(t, { role: 'JOB_BOARD', label: 'Board' });
    const alert = await createAlert(t, { kind: 'SAVED_SEARCH', query: 'revenue cycle', filter: { states: ['TX'] }, webhookUrl: rx.url }, board.key);
    const hit = await posting(t, emp, { title: 'Revenue Cycle Manager' });
    await posting(t, emp, { title: 'Revenue Cycle Lead', state: 'CA' });
    await posting(t, emp, { title: 'Nursing Home Administrator' });
    await settle(t);
    const list = await deliveries(t, alert.id, board.key);
    expect(list).toHaveLength(1);
    await waitFor(() => rx.requests.some((r) => r.headers['x-healthmatch-event-id'] === list[0].eventId), 'the webhook');
    const body = JSON.parse(rx.requests.find((r) => r.headers['x-healthmatch-event-id'] === list[0].eventId)!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'SAVED_SEARCH', postingId: hit, candidateId: null, score: null });
  }, 120_000);

  it('who may create, list, read and delete', async () => {
    const own = await candidate(t);
    const other = await candidate(t);
    const hidden = await candidate(t, { discoverable: false });
    const p = await posting(t, emp);
    const otherEmployer = await employer(t, 'Riverside');
    const key = await issueKey(t, { role: 'CANDIDATE', label: 'C', candidateId: own });
    const board = await issueKey(t, { role: 'JOB_BOARD', label: 'B' });
    const foreignRecruiter = await issueKey(t, { role: 'RECRUITER', label: 'R2', employerId: otherEmployer });
    const code = async (input: Record<string, unknown>, k: string | null) => outcome(await t.gql(CREATE_ALERT, { i: input }, k));

    expect(await code({ kind: 'SAVED_SEARCH' }, null)).toBe('UNAUTHENTICATED');
    expect(await code({ kind: 'POSTINGS_FOR_CANDIDATE', candidateId: other }, key.key)).toBe('FORBIDDEN');
    expect(await code({ kind: 'POSTINGS_FOR_CANDIDATE', candidateId: hidden }, board.key)).toBe('FORBIDDEN');
    expect(await code({ kind: 'CANDIDATES_FOR_POSTING', postingId: p }, board.key)).toBe('FORBIDDEN');
    expect(await code({ kind: 'CANDIDATES_FOR_POSTING', postingId: p }, foreignRecruiter.key)).toBe('FORBIDDEN');
    expect(await code({ kind: 'POSTINGS_FOR_CANDIDATE', candidateId: new Types.ObjectId().toHexString() }, ADMIN_KEY)).toBe('NOT_FOUND');
    const mine = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: own }, key.key);
    await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: other }, board.key);

    const listed = await t.gql<{ alerts: { id: string }[] }>(`{ alerts { id } }`, {}, key.key);
    expect(listed.data!.alerts.map((a) => a.id)).toEqual([mine.id]);
    const all = await t.gql<{ alerts: { id: string }[] }>(`{ alerts { id } }`);
    expect(all.data!.alerts.map((a) => a.id)).toContain(mine.id);
    expect(all.data!.alerts.length).toBeGreaterThan(1);

    const del = `mutation($id: ID!) { deleteAlert(id: $id) }`;
    expect(outcome(await t.gql(del, { id: mine.id }, board.key))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(`query($a: ID!) { alertDeliveries(alertId: $a) { eventId } }`, { a: mine.id }, board.key))).toBe('FORBIDDEN');
    expect((await t.gql<{ deleteAlert: boolean }>(del, { id: mine.id }, key.key)).data!.deleteAlert).toBe(true);
    expect((await t.gql<{ deleteAlert: boolean }>(del, { id: mine.id }, key.key)).data!.deleteAlert).toBe(false);
    expect((await t.gql<{ alerts: unknown[] }>(`{ alerts { id } }`, {}, key.key)).data!.alerts).toEqual([]);
  }, 120_000);

  it('bad input is BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const c = await candidate(t);
    const count = () => t.app.connection.collection('alerts').countDocuments();
    const before = await count();
    const fieldOf = async (input: Record<string, unknown>) => {
      const r = await t.gql(CREATE_ALERT, { i: input });
      expect(outcome(r)).toBe('BAD_USER_INPUT');
      return r.errors![0].message;
    };
    expect(await fieldOf({ kind: 'POSTINGS_FOR_CANDIDATE' })).toContain('input.candidateId');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', candidateId: c })).toContain('input.candidateId');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', webhookUrl: 'ftp://example.org/x' })).toContain('input.webhookUrl');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', webhookUrl: 'not a url' })).toContain('input.webhookUrl');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', query: 'x'.repeat(501) })).toContain('input.query');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', webhookUrl: `https://example.org/${'a'.repeat(2_001)}` })).toContain('input.webhookUrl');
    expect(await fieldOf({ kind: 'SAVED_SEARCH', filter: { states: ['XX'] } })).toContain('filter.states[0]');
    expect(await fieldOf({ kind: 'POSTINGS_FOR_CANDIDATE', candidateId: 'nope' })).toContain('input.candidateId');
    expect(await count()).toBe(before);
  }, 120_000);

  it('a candidate that is gone from MongoDB takes its alerts and their deliveries with it', async () => {
    const c = await candidate(t);
    const alert = await createAlert(t, { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: c, webhookUrl: rx.url });
    await posting(t, emp);
    await settle(t);
    expect(await deliveries(t, alert.id)).toHaveLength(1);
    // What deleteCandidate does to the index: the record goes, then the change is applied.
    const oid = new Types.ObjectId(c);
    await t.app.services.indexSync.record('candidate', [oid]);
    await t.app.connection.collection('candidates').deleteOne({ _id: oid });
    await t.app.services.indexSync.committed('candidate', [oid]);
    await settle(t);
    expect(await t.app.connection.collection('alerts').countDocuments({ _id: new Types.ObjectId(alert.id) })).toBe(0);
    expect(await t.app.connection.collection('alert_deliveries').countDocuments({ candidateId: c })).toBe(0);
    expect(await t.app.connection.collection('alert_entity_states').countDocuments({ _id: `candidate:${c}` as never })).toBe(0);
  }, 120_000);
});
