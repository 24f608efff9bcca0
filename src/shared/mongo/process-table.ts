// What the local-server supervisor needs to know about other processes on this machine:
// whether a pid is alive, what command line it runs, and how to stop it. Linux answers from
// /proc; elsewhere `ps` does (macOS developers), so nothing here is Linux-only.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const hasProc = async () => readdir('/proc/self').then(
  () => true,
  () => false,
);

/** Alive and not a zombie (a killed child whose parent has not reaped it yet counts as gone). */
export async function isAlive(pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return true;
  // The state letter follows the command name in parentheses, which may itself hold spaces.
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The argument vector of a running process, or null when it is gone or cannot be read. */
export async function commandLine(pid: number): Promise<string[] | null> {
  if (await hasProc()) {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
    if (raw === null || raw === '') return null;
    return raw.replace(/\0$/, '').split('\0');
  }
  try {
    const { stdout } = await run('ps', ['-o', 'args=', '-p', String(pid)]);
    const line = stdout.trim();
    return line === '' ? null : line.split(/\s+/);
  } catch {
    return null;
  }
}

/** Pids of processes whose argument vector satisfies `matches` (Linux only; [] elsewhere). */
export async function findProcesses(matches: (argv: string[]) => boolean): Promise<number[]> {
  if (!(await hasProc())) return [];
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const argv = await commandLine(pid);
    if (argv && matches(argv)) found.push(pid);
  }
  return found;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(pid: number, graceMs = 5_000): Promise<'terminated' | 'killed' | 'gone'> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  if (!signal('SIGTERM')) return 'gone';
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!(await isAlive(pid))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return !(await isAlive(pid));
  };
  if (await waitGone(graceMs)) return 'terminated';
  signal('SIGKILL');
  await waitGone(5_000);
  return 'killed';
}
