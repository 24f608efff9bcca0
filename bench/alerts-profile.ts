// Where the alerts bench's write cost goes (BENCH_ALERT_PROFILE=1): the API runs with
// LOG_LEVEL=debug (each detection pass logs its phases, alert-detector.ts), the event-loop
// delay probe (loop-probe.ts) and --cpu-prof (one .cpuprofile per phase under
// $BENCH_ALERT_PROFILE_DIR, written when the API exits). And, always, the detection lag: from a
// write's answer to the first event it raised being queued (deliveries' createdAt).
import type mongoose from 'mongoose';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { summarize, type LatencySummary } from './stats.js';

export const PROFILE = process.env.BENCH_ALERT_PROFILE === '1';
const PROFILE_DIR = process.env.BENCH_ALERT_PROFILE_DIR ?? path.join(os.tmpdir(), 'hm-alert-profile');

export const profiledEnv = (env: Record<string, string>): Record<string, string> => (PROFILE ? { ...env, LOG_LEVEL: 'debug' } : env);

/** The API's node arguments for phase `name`. */
export function profiledArgs(name: string): string[] {
  if (!PROFILE) return [];
  const probe = fileURLToPath(new URL('./loop-probe.js', import.meta.url));
  return [`--import=${probe}`, '--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, name)}`];
}

/** Milliseconds from each write's answer to its first queued webhook event (writes without one are left out). */
export async function detectionLag(conn: mongoose.Connection, answered: ReadonlyMap<string, number>): Promise<LatencySummary> {
  const rows = await conn
    .collection('alert_deliveries')
    .find({ postingId: { $in: [...answered.keys()] } }, { projection: { postingId: 1, createdAt: 1 } })
    .toArray();
  const first = new Map<string, number>();
  for (const r of rows) {
    const at = (r.createdAt as Date).getTime();
    const id = r.postingId as string;
    if (!first.has(id) || at < first.get(id)!) first.set(id, at);
  }
  return summarize([...first].map(([id, at]) => at - answered.get(id)!));
}

/** The phase's event-loop delay and the detection passes' time per phase (ms, summed over the phase, per write). */
export function profileLines(lines: readonly string[], writes: number): string[] {
  const parsed = lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
  const out: string[] = [];
  const loop = parsed.filter((l) => l.msg === 'loopDelay').at(-1);
  if (loop) out.push(`event-loop delay (ms) during the measured writes: p50 ${loop.p50}, p95 ${loop.p95}, p99 ${loop.p99}, max ${loop.max}, mean ${loop.mean}`);
  const passes = parsed.filter((l) => l.msg === 'alertPass');
  const sums: Record<string, number> = {};
  let total = 0;
  for (const p of passes) {
    for (const [k, v] of Object.entries(JSON.parse(p.phases as string) as Record<string, number>)) sums[k] = (sums[k] ?? 0) + v;
    total += p.totalMs as number;
  }
  const per = (v: number) => (v / writes).toFixed(1);
  out.push(`detection: ${passes.length} passes, ${per(total)} ms per write in all: ${Object.entries(sums).map(([k, v]) => `${k} ${per(v)}`).join(', ')}`);
  return out;
}
