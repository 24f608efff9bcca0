// At-least-once event detection across a crash, with the real API process (src/main.ts):
// a posting write reaches the index, the process is killed (SIGKILL) before detection ran
// (held by the test-only ALERT_TEST_DETECTION_DELAY_MS), and the restarted process raises the
// event from the durable work queue: the real local receiver gets it exactly once. A second
// crash after the deliveries were queued but before the work was cleared (the work item put
// back, the entity state gone) re-evaluates the change and queues nothing new.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { eventually, gqlAt, startApiProcess, type ApiProcess } from '../helpers/api-process.js';
import { newDbName } from '../helpers/test-app.js';
import { startReceiver, verifySignature, type Receiver } from './alert-world.js';

const ADMIN = 'detection-crash-admin-key';

describe('alert detection survives a crash between the index write and detection', () => {
  const dbName = newDbName();
  const env = { MONGODB_URI: inject('mongoUri'), MONGODB_DB: dbName, ADMIN_API_KEY: ADMIN, MEILI_HOST: '', SEARCH_SNAPSHOT: 'false' };
  const processes: ApiProcess[] = [];
  let rx: Receiver;
  let conn: mongoose.Connection;
  beforeAll(async () => {
    rx = await startReceiver([200]);
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await rx?.close();
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  const start = async (extra: Record<string, string> = {}) => {
    const p = await startApiProcess({ ...env, ...extra });
    processes.push(p);
    return p;
  };
  const kill = async (p: ApiProcess) => {
    p.child.kill('SIGKILL');
    await p.exited;
  };
  const must = async <T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gqlAt<T>(url, query, variables, ADMIN);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const work = () => conn.collection('alert_work');
  const deliveries = () => conn.collection('alert_deliveries');

  it('the restarted process delivers the event once, and a re-evaluation after another crash adds nothing', async () => {
    const first = await start({ ALERT_TEST_DETECTION_DELAY_MS: '600000' });
    const { createEmployer } = await must<{ createEmployer: { id: string } }>(
      first.url,
      'mutation { createEmployer(input: {name: "Hillcrest Clinic", setting: OUTPATIENT_CENTER, state: "TX"}) { id } }',
    );
    const { createCandidate } = await must<{ createCandidate: { id: string } }>(
      first.url,
      `mutation { createCandidate(input: {name: "Casey Crash", email: "casey.crash@example.org", state: "TX", discoverable: true,
        degrees: [{level: BACHELOR, field: "Health Administration"}], experience: [{title: "Office Manager", startDate: "2016-01-01"}]}) { id } }`,
    );
    const { createAlert } = await must<{ createAlert: { secret: string; alert: { id: string } } }>(
      first.url,
      'mutation($i: AlertInput!) { createAlert(input: $i) { secret alert { id } } }',
      { i: { kind: 'POSTINGS_FOR_CANDIDATE', candidateId: createCandidate.id, webhookUrl: rx.url } },
    );
    const { createJobPosting } = await must<{ createJobPosting: { id: string } }>(
      first.url,
      `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Practice Manager", description: "Runs the front office.",
        state: "TX", minDegree: {minLevel: BACHELOR}, minYearsExperience: 3}) { id } }`,
      { e: createEmployer.id },
    );
    const postingKey = `posting:${createJobPosting.id}`;
    // The write reached this process's index, and its detection work is recorded durably.
    await eventually(async () => {
      const d = await must<{ searchPostings: { edges: { node: { id: string } }[] } }>(first.url, '{ searchPostings(query: "practice") { edges { node { id } } } }');
      return d.searchPostings.edges.some((e) => e.node.id === createJobPosting.id) || undefined;
    }, 30_000, 'the posting in the index');
    expect(await work().countDocuments({ _id: postingKey as never })).toBe(1);
    expect(await deliveries().countDocuments()).toBe(0);
    await kill(first);
    expect(rx.requests).toHaveLength(0);
    // A restart within the change log's re-read window (10 s) would apply the posting again and
    // detect it from the log alone; without the log only the durable work item brings it back.
    await conn.collection('index_changes').deleteMany({});

    // Restarted without the hold: the sweep at start evaluates what the crash left.
    const second = await start();
    await eventually(async () => (rx.requests.length > 0 ? true : undefined), 60_000, 'the webhook after the restart');
    await eventually(async () => ((await work().countDocuments()) === 0 ? true : undefined), 60_000, 'the work queue cleared');
    const [delivered] = await deliveries().find({}).toArray();
    await eventually(async () => ((await deliveries().findOne({}))?.status === 'delivered' ? true : undefined), 60_000, 'the delivery recorded');
    expect(rx.requests).toHaveLength(1);
    const body = JSON.parse(rx.requests[0]!.body) as { alertId: string; postingId: string; candidateId: string };
    expect(body).toMatchObject({ alertId: createAlert.alert.id, postingId: createJobPosting.id, candidateId: createCandidate.id });
    expect(rx.requests[0]!.headers['x-healthmatch-event-id']).toBe(delivered!._id);
    expect(verifySignature(createAlert.secret, String(rx.requests[0]!.headers['x-healthmatch-signature']), rx.requests[0]!.body)).toBe(true);
    await kill(second);

    // A crash after the delivery was queued but before the states and the cursor were written.
    await work().insertOne({ _id: postingKey as never, entity: 'posting', entityId: createJobPosting.id, seq: 1, at: new Date(0) });
    await conn.collection('alert_entity_states').deleteOne({ _id: postingKey as never });
    const third = await start();
    await eventually(async () => (/unevaluated change\(s\) taken up/.test(third.log()) ? true : undefined), 60_000, 'the sweep after the second restart');
    await eventually(async () => ((await work().countDocuments()) === 0 ? true : undefined), 60_000, 'the re-evaluation');
    // Re-evaluated (the state is back), and the event id already queued: nothing new.
    expect(await conn.collection('alert_entity_states').countDocuments({ _id: postingKey as never })).toBe(1);
    expect(await deliveries().countDocuments()).toBe(1);
    expect(rx.requests).toHaveLength(1);
    await kill(third);
  }, 240_000);
});
