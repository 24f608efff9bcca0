// Figures for the supervised local database and for several instances (issue 12 items 4-5,
// issue 13 item 8). Run: `npx tsx bench/supervision.main.ts`. Prints:
// - a write through instance A until it is found through instance B (embedded engines);
// - FerretDB CPU while two idle instances follow the change log;
// - FerretDB killed under the API: time to /health 503 and to a DATABASE_UNAVAILABLE answer;
//   time until it is restarted and /health is 200 again;
// - kill -9 of the API, then a new start: FerretDB servers on the folder, time to ready.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK_FILE, type LockRecord } from '../src/shared/mongo/data-dir-lock.js';
import { locateFerretDb } from '../src/shared/mongo/ferretdb.server.js';
import { resolveMongo } from '../src/shared/mongo/local-mongo.js';
import { findProcesses, isAlive } from '../src/shared/mongo/process-table.js';
import { formatLatency, summarize } from './stats.js';

const root = path.resolve(import.meta.dirname, '..');
const ADMIN = 'bench-admin-key-0123456789';

interface Api {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

async function startApi(env: Record<string, string>): Promise<Api> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', SEED_ON_EMPTY: 'false', ADMIN_API_KEY: ADMIN, MEILI_HOST: '', RATE_LIMIT_BURST: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise((r) => child.once("exit", (code) => r(code)));
  for (;;) {
    const m = /GraphQL API ready at (\S+)/.exec(log);
    if (m) return { child, url: m[1]!, exited };
    if (child.exitCode !== null) throw new Error(`API exited: ${log}`);
    await sleep(20);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

const lockOf = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', LOCK_FILE), 'utf8')) as LockRecord;
const servesFolder = (dir: string) => (argv: string[]) => argv.includes(`--sqlite-url=file:${dir}/ferretdb/`);

async function severalInstances(binary: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-instances-'));
  const mongo = await resolveMongo({ dataDir, prefer: 'ferretdb', ferretdbBinary: binary });
  const ferretPid = lockOf(dataDir).serverPid!;
  const env = { MONGODB_URI: mongo.uri, MONGODB_DB: 'bench_instances' };
  const [a, b] = await Promise.all([startApi(env), startApi(env)]);
  try {
    const employer = await gql<{ createEmployer: { id: string } }>(a.url, 'mutation { createEmployer(input: {name: "Bench Clinic", setting: HOSPITAL, state: "OH"}) { id } }');
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const word = `zq${i}x${Date.now().toString(36)}`;
      await gql(a.url, 'mutation($e: ID!, $t: String!) { createJobPosting(input: {employerId: $e, title: $t, description: "x"}) { id } }', {
        e: employer.data!.createEmployer.id,
        t: `Manager ${word}`,
      });
      const t0 = performance.now();
      for (;;) {
        const r = await gql<{ searchPostings: { totalCount: number } }>(b.url, 'query($q: String) { searchPostings(query: $q) { totalCount } }', { q: word });
        if (r.data?.searchPostings.totalCount === 1) break;
        if (performance.now() - t0 > 10_000) throw new Error('not propagated within 10 s');
        await sleep(10);
      }
      samples.push(performance.now() - t0);
    }
    console.log(formatLatency('write through A -> found through B (after A answered)', summarize(samples)));
    const c0 = cpuMs(ferretPid);
    await sleep(15_000);
    console.log(`FerretDB CPU, two idle instances following the log:        ${((cpuMs(ferretPid) - c0) / 15).toFixed(1)} ms per s`);
  } finally {
    for (const p of [a, b]) p.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  }
  const c1 = cpuMs(ferretPid);
  await sleep(10_000);
  console.log(`FerretDB CPU, no instance running:                          ${((cpuMs(ferretPid) - c1) / 10).toFixed(1)} ms per s`);
  await mongo.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function databaseDeath(binary: string, restarts: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-death-'));
  const api = await startApi({ DATA_DIR: dataDir, MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: binary, LOCAL_DB_MAX_RESTARTS: restarts });
  const health = async () => (await fetch(api.url.replace(/graphql$/, 'health'))).status;
  try {
    const before = lockOf(dataDir).serverPid!;
    const t0 = performance.now();
    process.kill(before, 'SIGKILL');
    if (restarts === '0') {
      // Polled rather than awaited alone: an idle parent was seen to get the exit event late.
      while (await isAlive(api.child.pid!)) await sleep(20);
      const gone = performance.now() - t0;
      console.log(`FerretDB killed, no restarts allowed -> the API exits (status ${String(await api.exited)}): ${gone.toFixed(0)} ms`);
    } else {
      const r = await gql(api.url, '{ jobPosting(id: "000000000000000000000000") { id } }');
      console.log(`FerretDB killed -> a request at once: HTTP ${r.status} ${r.errors?.[0]?.extensions?.code ?? 'ok'} after ${(performance.now() - t0).toFixed(0)} ms`);
      while (lockOf(dataDir).serverPid === before || (await health()) !== 200) await sleep(20);
      console.log(`FerretDB killed -> restarted, /health 200 again:             ${(performance.now() - t0).toFixed(0)} ms`);
    }
  } finally {
    api.child.kill('SIGTERM');
    await api.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function apiKilled(binary: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-kill-'));
  const env = { DATA_DIR: dataDir, MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: binary };
  const first = await startApi(env);
  first.child.kill('SIGKILL');
  await first.exited;
  console.log(`kill -9 of the API: FerretDB servers left on the folder:     ${(await findProcesses(servesFolder(dataDir))).length}`);
  const t0 = performance.now();
  const second = await startApi(env);
  console.log(`next start: ready in ${(performance.now() - t0).toFixed(0)} ms (tsx compile included); servers on the folder: ${(await findProcesses(servesFolder(dataDir))).length}`);
  const t1 = performance.now();
  const employer = await gql<{ createEmployer: { id: string } }>(second.url, 'mutation { createEmployer(input: {name: "Restart Clinic", setting: HOSPITAL, state: "OH"}) { id } }');
  await gql(second.url, 'mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Manager zqrestart", description: "x"}) { id } }', {
    e: employer.data!.createEmployer.id,
  });
  const found = await gql<{ searchPostings: { totalCount: number } }>(second.url, '{ searchPostings(query: "zqrestart") { totalCount } }');
  console.log(`right after the restart: a created posting is found when the mutation returns: ${found.data?.searchPostings.totalCount === 1} (${(performance.now() - t1).toFixed(0)} ms for the 3 requests)`);
  second.child.kill('SIGTERM');
  await second.exited;
  rmSync(dataDir, { recursive: true, force: true });
}

const binary = await locateFerretDb(process.env.FERRETDB_BIN || undefined, (m) => console.log(m));
if (!binary) throw new Error('no FerretDB binary (set FERRETDB_BIN or install Go)');
if (!process.argv.includes('--skip-instances')) await severalInstances(binary);
await databaseDeath(binary, '0');
await databaseDeath(binary, '3');
await apiKilled(binary);
