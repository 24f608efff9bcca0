// CPU seconds used by processes, from /proc (Linux): the bench splits a phase's CPU between
// Meilisearch (BENCH_MEILI_PID), this process and its children (FerretDB), to tell "slower
// because it did more work" from "slower because it got less of the machine".
import { readFileSync, readdirSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks; 100 per second on every common kernel build. */
const TICKS = 100;

function stat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS };
  } catch {
    return null;
  }
}

/** CPU seconds of `pid` so far (NaN when it cannot be read). */
export function processCpu(pid: number | undefined): number {
  return pid === undefined ? NaN : (stat(pid)?.cpu ?? NaN);
}

/** CPU seconds of this process's direct children so far (the local FerretDB). */
export function childrenCpu(): number {
  let sum = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s.ppid === process.pid) sum += s.cpu;
  }
  return sum;
}

export interface CpuSnapshot {
  meili: number;
  self: number;
  children: number;
  at: number;
}

export function cpuSnapshot(meiliPid: number | undefined): CpuSnapshot {
  const u = process.cpuUsage();
  return { meili: processCpu(meiliPid), self: (u.user + u.system) / 1e6, children: childrenCpu(), at: performance.now() };
}

/** "Meilisearch 61.2 s CPU (0.58 of the phase), API 12.0 s, FerretDB 20.1 s" between two snapshots. */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): string {
  const wall = (b.at - a.at) / 1000;
  const meili = b.meili - a.meili;
  const share = Number.isFinite(meili) ? ` (${(meili / wall).toFixed(2)} of the phase's ${wall.toFixed(1)} s)` : '';
  return `CPU: Meilisearch ${Number.isFinite(meili) ? meili.toFixed(1) : 'n/a (set BENCH_MEILI_PID)'} s${share}, this process ${(b.self - a.self).toFixed(1)} s, its children (FerretDB) ${(b.children - a.children).toFixed(1)} s`;
}
