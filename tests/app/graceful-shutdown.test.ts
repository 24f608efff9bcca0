// `npm start`'s process: SIGTERM closes the HTTP server, the database and the local server it
// started, then exits 0.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-shutdown-'));

function serversUsing(dir: string): number {
  const res = spawnSync('pgrep', ['-f', `sqlite-url=file:${dir}`]);
  return res.status === 0 ? res.stdout.toString().trim().split('\n').length : 0;
}

describe('graceful shutdown', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.skipIf(spawnSync('pgrep', ['--version']).status !== 0)('SIGTERM stops the API and the local database server it started', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'info', MONGO_LOCAL_SERVER: 'ferretdb' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (log.includes('GraphQL API ready')) {
          clearInterval(poll);
          resolve();
        }
        if (child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`exited early: ${log}`));
        }
      }, 50);
    });
    expect(serversUsing(dataDir)).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('SIGTERM received');
    expect(log).toContain('Shutdown: 0 running requests finished');
    expect(serversUsing(dataDir)).toBe(0);
  }, 90_000);
});
