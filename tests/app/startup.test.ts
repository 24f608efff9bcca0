// `npm start`'s process as an operator meets it: start-up errors that name the variable or
// path and exit non-zero as JSON log lines, and the compose path (MONGODB_URI to an empty
// database, SEED left to its default) giving the catalog and no demo people.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, inject, it } from 'vitest';
import { newDbName } from '../helpers/test-app.js';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  lines: Record<string, unknown>[];
  raw: string;
}

/** Starts src/main.ts with `env` (on top of a clean base) and collects its JSON log lines. */
function start(env: Record<string, string>, until?: (raw: string) => boolean): { done: Promise<Run>; stop(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let raw = '';
  child.stderr.on('data', (b: Buffer) => {
    raw += b.toString();
    if (until?.(raw)) child.kill('SIGTERM');
  });
  const done = new Promise<Run>((resolve) =>
    child.once('exit', (code) => {
      const lines = raw
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, lines, raw });
    }),
  );
  return { done, stop: () => child.kill('SIGTERM') };
}

function failure(run: Run): Record<string, unknown> {
  expect(run.code, run.raw).not.toBe(0);
  const errors = run.lines.filter((l) => l.level === 'error');
  expect(errors, run.raw).toHaveLength(1);
  // Nothing but JSON lines on stderr.
  expect(run.raw.trim().split('\n').every((l) => l.startsWith('{')), run.raw).toBe(true);
  return errors[0];
}

describe('start-up errors', () => {
  it('an unreachable MONGODB_URI names the variable and the host, never the password', async () => {
    const run = await start({ MONGODB_URI: 'mongodb://ops:s3cret-pw@127.0.0.1:1/?authSource=admin', MONGODB_TIMEOUT_MS: '1500' }).done;
    const err = failure(run);
    expect(err.msg).toContain('MONGODB_URI');
    expect(err.msg).toContain('127.0.0.1:1');
    expect(err.variable).toBe('MONGODB_URI');
    expect(run.raw).not.toContain('s3cret-pw');
  }, 60_000);

  it('a bad FERRETDB_BIN names the path', async () => {
    const run = await start({ MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: '/nonexistent/ferretdb', DATA_DIR: '/tmp/hm-startup-unused' }).done;
    const err = failure(run);
    expect(err.msg).toContain('FERRETDB_BIN=/nonexistent/ferretdb');
    expect(err.msg).toContain('no such file');
  }, 60_000);

  it('a busy port is reported before any database is started', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      // The FerretDB setting is bad too: the port must be the error, so it was checked first.
      const run = await start({ PORT: String(port), HOST: '127.0.0.1', MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: '/nonexistent/ferretdb' }).done;
      const err = failure(run);
      expect(err.msg).toContain(`PORT ${port}`);
      expect(err.msg).toContain('already in use');
      expect(err.variable).toBe('PORT');
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('a bad variable is a JSON line listing the problems', async () => {
    const err = failure(await start({ SEED: 'everything', CORS_ORIGINS: 'example.com' }).done);
    expect(err.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^SEED:/), expect.stringMatching(/^CORS_ORIGINS:/)]));
  }, 60_000);
});

describe('the compose path', () => {
  it('MONGODB_URI to an empty database with SEED unset loads the catalog and no demo people', async () => {
    const dbName = newDbName();
    const uri = inject('mongoUri');
    const proc = start({ MONGODB_URI: uri, MONGODB_DB: dbName, ADMIN_API_KEY: 'compose-admin-key-123' }, (raw) => raw.includes('GraphQL API ready'));
    const run = await proc.done;
    expect(run.lines.some((l) => l.level === 'error'), run.raw).toBe(false);
    expect(run.lines.some((l) => String(l.msg).includes('Seeding seeded (SEED=catalog)')), run.raw).toBe(true);
    const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      const db = conn.db!;
      expect(await db.collection('qualifications').countDocuments({})).toBeGreaterThan(20);
      for (const c of ['employers', 'postings', 'candidates']) expect(await db.collection(c).countDocuments({})).toBe(0);
      expect(await db.collection('seed_state').findOne({ _id: 'seed' as never })).toMatchObject({ mode: 'catalog', completedAt: expect.any(Date) });
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  }, 90_000);
});
