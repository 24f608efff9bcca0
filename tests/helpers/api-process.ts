// Runs `src/main.ts` as a real child process (what `npm start` runs), for tests about
// processes: crashes, signals, orphans, several instances.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface ApiProcess {
  child: ChildProcess;
  /** The GraphQL URL, from the "ready" log line. */
  url: string;
  log(): string;
  exited: Promise<number | null>;
}

export const hasPgrep = spawnSync('pgrep', ['--version']).status === 0;

/** FerretDB processes serving `dir` (by their --sqlite-url argument). */
export function serversUsing(dir: string): number {
  const res = spawnSync('pgrep', ['-f', `sqlite-url=file:${dir}`]);
  return res.status === 0 ? res.stdout.toString().trim().split('\n').length : 0;
}

export async function startApiProcess(env: Record<string, string>, options: { detached?: boolean } = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      RATE_LIMIT_BURST: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.detached ?? false,
  });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const ready = /GraphQL API ready at (\S+)/.exec(log);
      if (ready) {
        clearInterval(poll);
        resolve(ready[1]!);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        reject(new Error(`the API exited before it was ready: ${log}`));
      }
    }, 50);
  });
  return { child, url, log: () => log, exited };
}

export async function gqlAt<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = null,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
