// The local FerretDB is supervised: one server per data folder, orphans of a killed run are
// stopped at the next start, and a server that dies while the API runs is logged, restarted
// (a bounded number of times) or given up, with /health at 503 and requests refused with
// DATABASE_UNAVAILABLE instead of hanging.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { LOCK_FILE, DataDirInUseError, type LockRecord } from '../../../src/shared/mongo/data-dir-lock.js';
import { locateFerretDb } from '../../../src/shared/mongo/ferretdb.server.js';
import { resolveMongo } from '../../../src/shared/mongo/local-mongo.js';
import { isAlive } from '../../../src/shared/mongo/process-table.js';
import type { Logger } from '../../../src/shared/logger.js';
import { eventually, gqlAt, hasPgrep, serversUsing, startApiProcess } from '../../helpers/api-process.js';

const binary = await locateFerretDb(process.env.FERRETDB_BIN || undefined, () => undefined);
const dirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-supervise-'));
  dirs.push(dir);
  return dir;
};
const lockOf = (dataDir: string): LockRecord => JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', LOCK_FILE), 'utf8')) as LockRecord;
const ADMIN = 'supervise-admin-key-0123';

function capturingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: (msg) => lines.push({ level: 'info', msg }),
    warn: (msg) => lines.push({ level: 'warn', msg }),
    error: (msg) => lines.push({ level: 'error', msg }),
  };
  return { logger, lines };
}

async function startOwningApp(dataDir: string, env: Record<string, string> = {}) {
  const { logger, lines } = capturingLogger();
  const lost: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    ADMIN_API_KEY: ADMIN,
    DATA_DIR: dataDir,
    MONGO_LOCAL_SERVER: 'ferretdb',
    ...(binary ? { FERRETDB_BIN: binary } : {}),
    ...env,
  });
  const app: App = await createApp(config, { logger, onDatabaseLost: (reason) => lost.push(reason) });
  const url = await app.listen();
  // With the admin key /health shows the details (mongo, search), not only the status.
  return { app, url, lines, lost, health: () => fetch(url.replace(/graphql$/, 'health'), { headers: { authorization: `Bearer ${ADMIN}` } }) };
}

describe.skipIf(!binary)('local FerretDB supervision', () => {
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasPgrep)('an orphan FerretDB left by a kill -9 of the API is stopped at the next start', async () => {
    const dataDir = newDataDir();
    const api = await startApiProcess({ DATA_DIR: dataDir, MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: binary! });
    const first = lockOf(dataDir);
    expect(first.ownerPid).toBe(api.child.pid);
    expect(serversUsing(dataDir)).toBe(1);

    api.child.kill('SIGKILL');
    await api.exited;
    // Nothing can catch a kill -9: its server is still running, now an orphan.
    expect(await isAlive(first.serverPid!)).toBe(true);

    const infos: string[] = [];
    const next = await resolveMongo({
      dataDir,
      prefer: 'ferretdb',
      ferretdbBinary: binary!,
      supervision: { maxRestarts: 0, onInfo: (m) => infos.push(m), onError: () => undefined, onGiveUp: () => undefined },
    });
    try {
      expect(await isAlive(first.serverPid!)).toBe(false);
      expect(serversUsing(dataDir)).toBe(1);
      expect(infos.join('\n')).toContain(`pid ${first.serverPid}`);
      const now = lockOf(dataDir);
      expect(now.ownerPid).toBe(process.pid);
      expect(now.serverPid).not.toBe(first.serverPid);
    } finally {
      await next.stop();
    }
    expect(serversUsing(dataDir)).toBe(0);
    expect(existsSync(path.join(dataDir, 'ferretdb', LOCK_FILE))).toBe(false);
  }, 90_000);

  it('a second server on a data folder in use is refused, naming the folder and the owner', async () => {
    const dataDir = newDataDir();
    const first = await resolveMongo({ dataDir, prefer: 'ferretdb', ferretdbBinary: binary! });
    try {
      const second = resolveMongo({ dataDir, prefer: 'ferretdb', ferretdbBinary: binary! });
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(new RegExp(`${path.join(dataDir, 'ferretdb')}.*in use by process ${process.pid}`));
    } finally {
      await first.stop();
    }
  });

  it('a stale lock of a dead owner is removed, and a reused pid in it is never signalled', async () => {
    const dataDir = newDataDir();
    const deadPid = spawnSync('true').pid!;
    // An unrelated live process that happens to have the pid the lock names as its server.
    const unrelated = spawn('sleep', ['30'], { stdio: 'ignore' });
    mkdirSync(path.join(dataDir, 'ferretdb'), { recursive: true });
    const stale: LockRecord = { ownerPid: deadPid, hostname: hostname(), serverPid: unrelated.pid!, port: 1, startedAt: '2026-01-01T00:00:00Z' };
    writeFileSync(path.join(dataDir, 'ferretdb', LOCK_FILE), JSON.stringify(stale));
    const started = await resolveMongo({ dataDir, prefer: 'ferretdb', ferretdbBinary: binary! });
    try {
      expect(lockOf(dataDir).ownerPid).toBe(process.pid);
      expect(unrelated.exitCode).toBeNull();
      expect(await isAlive(unrelated.pid!)).toBe(true);
    } finally {
      unrelated.kill();
      await started.stop();
    }
  });

  it('FerretDB dying under the API: logged, /health 503, requests refused with DATABASE_UNAVAILABLE (no restarts allowed)', async () => {
    const dataDir = newDataDir();
    const s = await startOwningApp(dataDir, { LOCAL_DB_MAX_RESTARTS: '0' });
    try {
      expect((await s.health()).status).toBe(200);
      const { serverPid } = lockOf(dataDir);
      process.kill(serverPid!, 'SIGKILL');

      const down = await eventually(async () => {
        const res = await s.health();
        return res.status === 503 ? ((await res.json()) as { status: string; mongo: { ok: boolean } }) : undefined;
      }, 5_000, '/health turning 503');
      expect(down).toMatchObject({ status: 'down', mongo: { ok: false } });

      // Anonymous (reaches the resolver) and keyed (the key look-up runs before GraphQL).
      // (The qualification catalog is cached in memory; a posting look-up goes to MongoDB.)
      const anonymous = await gqlAt(s.url, '{ jobPosting(id: "000000000000000000000000") { id } }');
      expect(anonymous.status).toBe(503);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      const keyed = await gqlAt(s.url, 'mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }', {}, ADMIN);
      expect(keyed.status).toBe(503);
      expect(keyed.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

      expect(s.lines.some((l) => l.level === 'error' && l.msg.includes(`pid ${serverPid}`) && l.msg.includes('exited unexpectedly'))).toBe(true);
      expect(s.lost).toHaveLength(1);
      expect(s.lines.some((l) => l.level === 'error' && l.msg.includes('INTERNAL'))).toBe(false);
    } finally {
      await s.app.close();
    }
    // A test timeout below the driver's 30 s default: requests must not wait for it.
  }, 25_000);

  it('FerretDB dying under the API is restarted on the same data folder and the service recovers', async () => {
    const dataDir = newDataDir();
    const s = await startOwningApp(dataDir);
    try {
      const write = (code: string) =>
        gqlAt<{ upsertQualification: { code: string } }>(s.url, `mutation { upsertQualification(input: {code: "${code}", name: "Q ${code}", kind: CERTIFICATION}) { code } }`, {}, ADMIN);
      expect((await write('CMM')).data?.upsertQualification.code).toBe('CMM');
      const before = lockOf(dataDir).serverPid!;
      process.kill(before, 'SIGKILL');

      await eventually(async () => (lockOf(dataDir).serverPid !== before && (await s.health()).status === 200 ? true : undefined), 15_000, 'restart');
      const after = await eventually(async () => (await write('CPAM')).data?.upsertQualification.code, 10_000, 'a write after the restart');
      expect(after).toBe('CPAM');
      // The data written before the crash is still there: same folder.
      const codes = await gqlAt<{ qualifications: { code: string }[] }>(s.url, '{ qualifications { code } }');
      expect(codes.data?.qualifications.map((q) => q.code)).toEqual(['CMM', 'CPAM']);
      expect(s.lines.some((l) => l.level === 'error' && l.msg.includes('exited unexpectedly'))).toBe(true);
      expect(s.lines.some((l) => l.level === 'info' && l.msg.includes('restarted'))).toBe(true);
      expect(s.lost).toEqual([]);
      if (hasPgrep) expect(serversUsing(dataDir)).toBe(1);
    } finally {
      await s.app.close();
    }
    if (hasPgrep) expect(serversUsing(dataDir)).toBe(0);
  }, 40_000);
});
