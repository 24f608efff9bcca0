// Shared pieces of the alert tests: a real local webhook receiver (node:http on 127.0.0.1),
// waiting for in-process work to settle, and a small data world.
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { adminOk } from '../auth/auth-world.js';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Status codes answered in turn; the last one repeats. */
  answers: number[];
  close(): Promise<void>;
}

export async function startReceiver(answers: number[] = [200]): Promise<Receiver> {
  const r: Receiver = { url: '', requests: [], answers, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = r.answers.length > 1 ? r.answers.shift()! : r.answers[0];
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => new Promise((resolve) => server.close(() => resolve()));
  return r;
}

/** The README's check: recompute the HMAC over "<t>.<raw body>" and compare in constant time. */
export function verifySignature(secret: string, header: string, rawBody: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex');
  return parts.v1 !== undefined && parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

/** Every change written so far has been applied to the index and evaluated for alerts. */
export async function settle(t: TestApp): Promise<void> {
  await t.app.services.indexSync.drain();
  await t.app.services.alertRuntime.detector.idle();
}

/** Polls `check` until it holds (no wall-clock assertion: only a generous upper bound). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface AlertWorld {
  employer: string;
  candidate: string;
}

export async function employer(t: TestApp, name = 'Hillcrest Clinic'): Promise<string> {
  const d = await adminOk<{ createEmployer: { id: string } }>(t, `mutation($n: String!) { createEmployer(input: {name: $n, setting: OUTPATIENT_CENTER, state: "TX"}) { id } }`, { n: name });
  return d.createEmployer.id;
}

let seq = 0;
export async function candidate(t: TestApp, input: Record<string, unknown> = {}): Promise<string> {
  seq += 1;
  const d = await adminOk<{ createCandidate: { id: string } }>(t, `mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }`, {
    i: {
      name: `Casey Candidate ${seq}`,
      email: `casey.${Date.now().toString(36)}.${seq}@example.org`,
      state: 'TX',
      discoverable: true,
      skills: ['billing'],
      degrees: [{ level: 'BACHELOR', field: 'Health Administration' }],
      experience: [{ title: 'Office Manager', startDate: '2016-01-01' }],
      ...input,
    },
  });
  return d.createCandidate.id;
}

export async function posting(t: TestApp, employerId: string, input: Record<string, unknown> = {}): Promise<string> {
  const d = await adminOk<{ createJobPosting: { id: string } }>(t, `mutation($i: JobPostingInput!) { createJobPosting(input: $i) { id } }`, {
    i: { employerId, title: 'Practice Manager', description: 'Runs the front office.', state: 'TX', minDegree: { minLevel: 'BACHELOR' }, minYearsExperience: 3, ...input },
  });
  return d.createJobPosting.id;
}

export const CREATE_ALERT = `mutation($i: AlertInput!) { createAlert(input: $i) { secret alert { id kind active candidateId postingId query webhookUrl createdAt } } }`;

export async function createAlert(t: TestApp, input: Record<string, unknown>, key?: string): Promise<{ id: string; secret: string }> {
  const r = await t.gql<{ createAlert: { secret: string; alert: { id: string } } }>(CREATE_ALERT, { i: input }, key);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return { id: r.data!.createAlert.alert.id, secret: r.data!.createAlert.secret };
}

export async function deliveries(t: TestApp, alertId: string, key?: string) {
  const r = await t.gql<{ alertDeliveries: { eventId: string; status: string; attempts: number; lastStatusCode: number | null; nextAttemptAt: string | null }[] }>(
    `query($a: ID!) { alertDeliveries(alertId: $a, first: 100) { eventId status attempts lastStatusCode nextAttemptAt } }`,
    { a: alertId },
    key,
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.alertDeliveries;
}
