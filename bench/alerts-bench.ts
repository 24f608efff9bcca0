// Alerts at scale: createJobPosting latency over HTTP with 0 alerts and with 100,000 alerts
// (same data and writes, each phase's API in its own process on its own database, all running
// at once; the alert index is loaded at start). The phases are measured in interleaved blocks
// (BENCH_ALERT_ROUNDS rounds: 0 alerts, default, dense, 0 alerts, ...), so the shared
// machine's drift reaches each alike, and after each block the bench waits until alert_work is
// empty: the figures include the detection a block's writes cause, not only their answers.
// The alerts are spread as users would hold them: a candidate's own match alert for jobs in
// their state and a care setting, recruiters' alerts on their postings, job boards' saved
// searches by words, state and setting; 5% carry a webhook to a local sink (its own process).
// A denser population (BENCH_ALERT_DENSE, on by default: alerts filtered by state only, ~15x
// the events per write) is measured in the same run. Figures only; nothing is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { generatePostings } from '../seeds/generator.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { CareSetting } from '../src/shared/enums.js';
import { bulkLoad, generateBenchData } from './load-data.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { startSinkProcess } from './webhook-sink.js';
import { postGraphQL } from './http-load.js';
import { formatLatency, ms, summarize } from './stats.js';
import { detectionLag, PROFILE, profiledArgs, profiledEnv, profileLines } from './alerts-profile.js';

const KEY = 'bench-admin-key-0123456789';
const CREATE = `mutation($i: JobPostingInput!) { createJobPosting(input: $i) { id } }`;
const SETTINGS: readonly string[] = Object.values(CareSetting);
const WORDS = ['manager', 'practice', 'billing', 'director', 'revenue', 'compliance', 'operations', 'coding', 'clinic', 'administrator'];

export interface AlertBenchOptions {
  root: string;
  mongoUri: string;
  log: (line: string) => void;
}

export async function measureAlertWrites({ root, mongoUri, log }: AlertBenchOptions): Promise<void> {
  const ALERTS = Number(process.env.BENCH_ALERTS ?? 100_000);
  const CANDIDATES = Number(process.env.BENCH_ALERT_CANDIDATES ?? 20_000);
  const WRITES = Number(process.env.BENCH_ALERT_WRITES ?? 200);
  const ROUNDS = Math.max(1, Number(process.env.BENCH_ALERT_ROUNDS ?? 4));
  const phases: Phase[] = ['none', 'default', ...(process.env.BENCH_ALERT_DENSE === 'false' ? [] : (['dense'] as const))];
  const data = generateBenchData(2_000, CANDIDATES, 100);
  const stamp = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hm-bench-alerts-'));
  const sink = await startSinkProcess();
  const runs: Run[] = [];
  try {
    // The same writes for every phase (each on its own database), in blocks.
    const inputs = generatePostings(WRITES + 20, data.employers, data.catalog, 7104).map((p) => ({
      employerId: seedObjectId('employer', p.employerKey).toHexString(),
      title: p.title,
      description: p.description,
      setting: p.setting,
      employmentType: p.employmentType,
      city: p.city,
      state: p.state,
      remote: p.remote,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      minDegree: p.minDegree,
      minYearsExperience: p.minYearsExperience,
      requiredQualificationCodes: p.requiredQualificationCodes,
      preferredQualificationCodes: p.preferredQualificationCodes,
      skills: p.skills,
    }));
    // Every phase's API runs for the whole measurement, each on its own database.
    for (const phase of phases) {
      const dbName = `bench_alerts_${stamp}_${phase}`;
      const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
      await bulkLoad(conn, data);
      if (phase !== 'none') await insertAlerts(conn, data, ALERTS, sink.url, phase);
      log(`Alerts bench: ${data.candidates.length} candidates, ${data.postings.length} postings${phase === 'none' ? ', no alerts' : `, ${ALERTS} alerts (${phase} population)`} loaded; starting its API`);
      // Development mode: the sink is on this machine, which production's SSRF rule refuses.
      const env = { DATA_DIR: path.join(dataDir, phase), MONGODB_URI: mongoUri, MONGODB_DB: dbName, ADMIN_API_KEY: KEY, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development', SEARCH_SNAPSHOT: 'false', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_BURST: '100000' };
      const api = await startApiProcess(root, profiledEnv(env), profiledArgs(phase));
      runs.push({ phase, conn, api, samples: [], answered: new Map(), caughtUpMs: [], loads: [], logFrom: 0 });
      // The index of alerts loads in the background after start: measure once it is complete.
      const waitUntil = Date.now() + 900_000;
      while (phase !== 'none' && !api.logLines.some((l) => l.includes('active alerts indexed')) && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 250));
    }
    for (const r of runs) {
      for (let i = 0; i < 20; i++) await postGraphQL(r.api.url, KEY, CREATE, { i: inputs[i] });
      await caughtUp(r);
      r.logFrom = r.api.logLines.length;
      if (PROFILE) r.api.child.kill('SIGUSR2');
    }
    log(`Alerts bench: measuring ${WRITES} writes per phase in ${ROUNDS} rounds of ${phases.join(', ')}`);
    // Interleaved blocks: the shared machine's drift reaches every phase alike.
    const per = Math.ceil(WRITES / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of runs) {
        for (let i = 20 + round * per; i < Math.min(20 + WRITES, 20 + (round + 1) * per); i++) {
          const res = await postGraphQL(r.api.url, KEY, CREATE, { i: inputs[i] });
          r.samples.push(res.ms);
          r.answered.set((res.body.data as { createJobPosting: { id: string } }).createJobPosting.id, Date.now());
        }
        r.loads.push(os.loadavg()[0]!);
        // The sustained cost: a block's detection work is done before the next block starts.
        r.caughtUpMs.push(await caughtUp(r));
      }
    }
    // Let the first webhook attempts of the last writes finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const base = summarize(runs[0]!.samples);
    log('');
    log(`Alerts: createJobPosting over HTTP, sequential, ${data.candidates.length} candidates, ${WRITES} writes per phase in ${ROUNDS} interleaved rounds (target: p95 with ${ALERTS} alerts <= p95 without + 10 ms):`);
    for (const r of runs) {
      if (PROFILE) r.api.child.kill('SIGUSR2');
      const l = summarize(r.samples);
      const loads = `load ${Math.min(...r.loads).toFixed(2)}-${Math.max(...r.loads).toFixed(2)}`;
      log(`${formatLatency(`  createJobPosting, ${r.phase === 'none' ? '0 alerts' : `${ALERTS} alerts, ${r.phase}`}`, l)}  (${loads})`);
      if (r.phase !== 'none') {
        log(`    p95 difference: ${ms(l.p95 - base.p95)}; p50 difference ${ms(l.p50 - base.p50)}`);
        const events = await r.conn.collection('alert_deliveries').countDocuments();
        const delivered = await r.conn.collection('alert_deliveries').countDocuments({ status: 'delivered' });
        log(`    webhook deliveries stored by the ${WRITES + 20} writes: ${events} = ${(events / (WRITES + 20)).toFixed(1)} per write (5% of alerts have a webhook, so about ${Math.round((20 * events) / (WRITES + 20))} events per write), ${delivered} delivered`);
        const lag = await detectionLag(r.conn, r.answered);
        log(`    detection lag (answer -> first event queued, ${lag.n} writes with a webhook event): p50 ${ms(lag.p50)}, p95 ${ms(lag.p95)}`);
        const indexed = r.api.logLines.find((line) => line.includes('active alerts indexed'));
        log(`    ${indexed ? JSON.parse(indexed).msg : 'alert index load time not logged'}`);
      }
      log(`    alert_work empty ${Math.max(...r.caughtUpMs)} ms after a block's last answer at most; API peak RSS ${r.api.peakRssMiB().toFixed(0)} MiB`);
      if (PROFILE) await new Promise((resolve) => setTimeout(resolve, 300));
      for (const p of PROFILE ? profileLines(r.api.logLines.slice(r.logFrom), WRITES) : []) log(`    ${p}`);
    }
  } finally {
    for (const r of runs) {
      await r.api.stop().catch(() => undefined);
      await r.conn.dropDatabase().catch(() => undefined);
      await r.conn.close();
    }
    sink.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Waits until the phase's alert_work is empty; returns how long that took. Then until no
 * webhook delivery is pending either (not counted in the figure), so a block's webhooks are
 * not sent while the next phase's block is measured.
 */
async function caughtUp(r: Run): Promise<number> {
  const t0 = Date.now();
  const wait = () => new Promise((resolve) => setTimeout(resolve, 50));
  while ((await r.conn.collection('alert_work').countDocuments()) > 0 && Date.now() - t0 < 600_000) await wait();
  const caught = Date.now() - t0;
  while ((await r.conn.collection('alert_deliveries').countDocuments({ status: 'pending' })) > 0 && Date.now() - t0 < 600_000) await wait();
  return caught;
}

type Population = 'default' | 'dense';
type Phase = 'none' | Population;

interface Run {
  phase: Phase;
  conn: mongoose.Connection;
  api: ApiProcess;
  samples: number[];
  /** Each measured write's posting id and answer time (for the detection lag). */
  answered: Map<string, number>;
  /** Per block: from its last answer until alert_work was empty. */
  caughtUpMs: number[];
  loads: number[];
  logFrom: number;
}


async function insertAlerts(conn: mongoose.Connection, data: ReturnType<typeof generateBenchData>, total: number, sinkUrl: string, population: Population): Promise<void> {
  const now = new Date();
  const candidates = data.candidates;
  const postings = data.postings.filter((p) => p.status === 'OPEN');
  const states = [...new Set(data.postings.map((p) => p.state).filter((s): s is string => !!s))];
  let n = 0;
  const next = (): Record<string, unknown> => {
    const i = n++;
    const base = { _id: new Types.ObjectId(), ownerKeyId: `bench-key-${i % 5_000}`, query: null, filter: null, candidateId: null, postingId: null, webhookUrl: i % 20 === 0 ? sinkUrl : null, secretSalt: 'bench', active: true, consecutiveFailures: 0, createdAt: now, updatedAt: now };
    const r = i % 10;
    const setting = SETTINGS[i % SETTINGS.length];
    if (population === 'dense') return dense(base, i, r);
    if (r < 5) {
      // A candidate's own alert: jobs in their state, in the setting they want.
      const c = candidates[i % candidates.length];
      return { ...base, kind: 'POSTINGS_FOR_CANDIDATE', candidateId: seedObjectId('candidate', c.email.toLowerCase()), filter: { states: [c.state ?? 'TX'], settings: [setting] } };
    }
    if (r < 7) return { ...base, kind: 'CANDIDATES_FOR_POSTING', postingId: seedObjectId('posting', postings[i % postings.length].externalRef) };
    // A job board's saved search: words, a state and a setting.
    return { ...base, kind: 'SAVED_SEARCH', query: WORDS[i % WORDS.length], filter: { states: [states[i % states.length]], settings: [setting] } };
  };
  // The denser spread: most match alerts and every saved search filtered by state only (or not at all).
  const dense = (base: Record<string, unknown>, i: number, r: number): Record<string, unknown> => {
    if (r < 5) {
      const c = candidates[i % candidates.length];
      const filter = r < 3 && c.state ? { states: [c.state] } : r === 3 ? { settings: [data.postings[i % data.postings.length].setting] } : null;
      return { ...base, kind: 'POSTINGS_FOR_CANDIDATE', candidateId: seedObjectId('candidate', c.email.toLowerCase()), filter };
    }
    if (r < 7) return { ...base, kind: 'CANDIDATES_FOR_POSTING', postingId: seedObjectId('posting', postings[i % postings.length].externalRef) };
    return { ...base, kind: 'SAVED_SEARCH', query: r === 9 ? WORDS[i % WORDS.length] : null, filter: { states: [states[i % states.length]] } };
  };
  for (let done = 0; done < total; done += 5_000) {
    await conn.collection('alerts').insertMany(Array.from({ length: Math.min(5_000, total - done) }, next) as never[]);
  }
}
