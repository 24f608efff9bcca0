// Alerts at scale: createJobPosting latency over HTTP with 0 alerts and with 100,000 alerts
// (same data, same run, the API in its own process; the alert index is loaded at start).
// The alerts are spread as users would hold them: a candidate's own match alert for jobs in
// their state and a care setting, recruiters' alerts on their postings, job boards' saved
// searches by words, state and setting; 5% carry a webhook to a local sink (its own process). A second, denser
// population (BENCH_ALERT_DENSE, on by default: alerts filtered by state only, ~12x the
// events per write) is measured in the same run against the same 0-alert baseline. The events
// the writes raise are real work (stored deliveries, webhook calls) and are reported with the
// figures. Figures only; nothing is asserted.
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
import { formatLatency, ms, summarize, type LatencySummary } from './stats.js';
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
  const populations: Population[] = process.env.BENCH_ALERT_DENSE === 'false' ? ['default'] : ['default', 'dense'];
  const data = generateBenchData(2_000, CANDIDATES, 100);
  const dbName = `bench_alerts_${Date.now()}`;
  const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hm-bench-alerts-'));
  const sink = await startSinkProcess();
  const sinkUrl = sink.url;
  try {
    await bulkLoad(conn, data);
    // Development mode: the sink is on this machine, which production's SSRF rule refuses.
    const env = { DATA_DIR: dataDir, MONGODB_URI: mongoUri, MONGODB_DB: dbName, ADMIN_API_KEY: KEY, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development', SEARCH_SNAPSHOT: 'false', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_BURST: '100000' };
    // Writes of the same distribution, different for each phase.
    const inputs = generatePostings((2 + populations.length) * (WRITES + 20), data.employers, data.catalog, 7104).map((p) => ({
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
    // Sequential writes after 20 warm-up ones; each measured write's id and answer time (for the detection lag).
    const phase = async (api: ApiProcess, offset: number): Promise<Phase> => {
      for (let i = 0; i < 20; i++) await postGraphQL(api.url, KEY, CREATE, { i: inputs[offset + i] });
      if (PROFILE) api.child.kill('SIGUSR2');
      const samples: number[] = [];
      const answered = new Map<string, number>();
      const logFrom = api.logLines.length;
      for (let i = 20; i < WRITES + 20; i++) {
        const r = await postGraphQL(api.url, KEY, CREATE, { i: inputs[offset + i] });
        samples.push(r.ms);
        answered.set((r.body.data as { createJobPosting: { id: string } }).createJobPosting.id, Date.now());
      }
      const load = loadAverage();
      if (PROFILE) api.child.kill('SIGUSR2');
      // The sustained cost: detection must have caught up before the next phase (or the figures).
      const t0 = Date.now();
      while ((await conn.collection('alert_work').countDocuments()) > 0 && Date.now() - t0 < 600_000) await new Promise((r) => setTimeout(r, 100));
      const caughtUpMs = Date.now() - t0;
      if (PROFILE) await new Promise((r) => setTimeout(r, 300));
      return { latency: summarize(samples), load, caughtUpMs, lag: await detectionLag(conn, answered), profile: PROFILE ? profileLines(api.logLines.slice(logFrom), WRITES) : [] };
    };

    log(`Alerts bench: ${data.candidates.length} candidates and ${data.postings.length} postings loaded; measuring ${WRITES} writes with 0 alerts`);
    const baseline = async (offset: number): Promise<{ phase: Phase; rss: number }> => {
      const api = await startApiProcess(root, profiledEnv(env), profiledArgs('baseline'));
      const p = await phase(api, offset);
      const rss = api.peakRssMiB();
      await api.stop();
      return { phase: p, rss };
    };
    const without = await baseline(0);
    // Each population on its own: no alerts, states, deliveries or work items of the last one.
    const clear = async () => {
      for (const c of ['alerts', 'alert_entity_states', 'alert_deliveries', 'alert_delivery_queue', 'alert_work']) await conn.collection(c).drop().catch(() => undefined);
    };

    const measured: { population: Population; phase: Phase; events: number; delivered: number; rss: number; indexed?: string }[] = [];
    for (const [i, population] of populations.entries()) {
      await clear();
      await insertAlerts(conn, data, ALERTS, sinkUrl, population);
      log(`Alerts bench: ${ALERTS} alerts (${population} population) inserted; measuring ${WRITES} writes with them`);
      const api = await startApiProcess(root, profiledEnv(env), profiledArgs(population));
      // The index loads in the background after start: measure once it is complete.
      const waitUntil = Date.now() + 900_000;
      let indexed: string | undefined;
      while (!(indexed = api.logLines.find((l) => l.includes('active alerts indexed'))) && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 250));
      const p = await phase(api, (i + 1) * (WRITES + 20));
      // Let the first webhook attempts of the last writes finish before counting.
      await new Promise((r) => setTimeout(r, 2_000));
      const events = await conn.collection('alert_deliveries').countDocuments();
      const delivered = await conn.collection('alert_deliveries').countDocuments({ status: 'delivered' });
      const rss = api.peakRssMiB();
      await api.stop();
      measured.push({ population, phase: p, events, delivered, rss, indexed });
    }

    // The baseline once more at the end: how far the shared machine drifted during the run.
    await clear();
    const after = await baseline((populations.length + 1) * (WRITES + 20));

    log('');
    log(`Alerts: createJobPosting over HTTP, sequential, ${data.candidates.length} candidates, ${WRITES} writes per phase (target: p95 with ${ALERTS} alerts <= p95 without + 10 ms):`);
    const base = (label: string, b: { phase: Phase; rss: number }) => {
      log(`${formatLatency(label, b.phase.latency)}  (load ${b.phase.load})`);
      log(`    detection caught up ${b.phase.caughtUpMs} ms after the last answer; API peak RSS ${b.rss.toFixed(0)} MiB`);
      for (const l of b.phase.profile) log(`    ${l}`);
    };
    base('  createJobPosting, 0 alerts', without);
    for (const m of measured) {
      const l = m.phase.latency;
      log(`${formatLatency(`  createJobPosting, ${ALERTS} alerts, ${m.population}`, l)}  (load ${m.phase.load})`);
      log(`    p95 difference: ${ms(l.p95 - without.phase.latency.p95)} (vs the baseline at the end: ${ms(l.p95 - after.phase.latency.p95)}); p50 difference ${ms(l.p50 - without.phase.latency.p50)}`);
      log(
        `    webhook deliveries stored by the ${WRITES + 20} writes: ${m.events} = ${(m.events / (WRITES + 20)).toFixed(1)} per write (5% of alerts have a webhook, so about ${Math.round((20 * m.events) / (WRITES + 20))} events per write), ${m.delivered} delivered`,
      );
      log(`    detection lag (answer -> first event queued, ${m.phase.lag.n} writes with a webhook event): p50 ${ms(m.phase.lag.p50)}, p95 ${ms(m.phase.lag.p95)}; alert_work empty ${m.phase.caughtUpMs} ms after the last answer`);
      log(`    ${m.indexed ? JSON.parse(m.indexed).msg : 'alert index load time not logged'}; API peak RSS with the alerts ${m.rss.toFixed(0)} MiB`);
      for (const p of m.phase.profile) log(`    ${p}`);
    }
    base('  createJobPosting, 0 alerts again at the end', after);
  } finally {
    sink.close();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Population = 'default' | 'dense';

interface Phase {
  latency: LatencySummary;
  load: string;
  /** From the last write's answer until alert_work was empty. */
  caughtUpMs: number;
  lag: LatencySummary;
  profile: string[];
}

/** The 1-minute load average, to read each figure against (the machine is shared). */
const loadAverage = (): string => os.loadavg()[0]!.toFixed(2);

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
