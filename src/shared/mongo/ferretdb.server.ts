// Starts and supervises a FerretDB (SQLite backend) child process on a loopback port.
// - One server per data folder (data-dir-lock.ts), orphans of killed runs stopped at start.
// - Its own process group (detached), so a Ctrl+C to the terminal's group reaches only the
//   API, which then stops the server last, after its own work is flushed.
// - If it dies while the API runs: logged, restarted on the same folder and port (the driver
//   reconnects by itself) a bounded number of times, then the supervisor gives up.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, waitForPort } from './ports.js';
import { buildFerretDb, isGoAvailable, FERRETDB_BUILD, FERRETDB_VERSION } from './ferretdb.installer.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { LocalServerSupervision, StartedMongo } from './started-mongo.js';

export const DEFAULT_FERRETDB_BINARY = path.join(homedir(), '.cache', 'healthmatch', 'bin', `ferretdb-${FERRETDB_BUILD}`);
/** Restarts are counted over this window: a server that crashes again and again is given up. */
const RESTART_WINDOW_MS = 10 * 60_000;

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The binary to run: FERRETDB_BIN, else the cached build, else a fresh build when Go is present. */
export async function locateFerretDb(explicit: string | undefined, log: (m: string) => void): Promise<string | null> {
  if (explicit) {
    if (await isExecutable(explicit)) return explicit;
    const exists = await access(explicit).then(() => true, () => false);
    throw new Error(
      `FERRETDB_BIN=${explicit}: ${exists ? 'the file is not executable (chmod +x it)' : 'no such file'}; ` +
        'point FERRETDB_BIN at a FerretDB v1 binary, or unset it to use the cached build',
    );
  }
  if (await isExecutable(DEFAULT_FERRETDB_BINARY)) return DEFAULT_FERRETDB_BINARY;
  if (!(await isGoAvailable())) return null;
  await buildFerretDb(DEFAULT_FERRETDB_BINARY, log);
  return DEFAULT_FERRETDB_BINARY;
}

const sqliteUrlArg = (dir: string) => `--sqlite-url=file:${dir}/`;

interface RunningServer {
  child: ChildProcess;
  exited: Promise<void>;
  stderr(): string;
}

async function spawnServer(binary: string, dir: string, port: number): Promise<RunningServer> {
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      sqliteUrlArg(dir),
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, 15_000, () => child.exitCode !== null || child.signalCode !== null);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`FerretDB (${binary}) did not start: ${(err as Error).message}\n${stderr}`);
  }
  return { child, exited, stderr: () => stderr };
}

export async function startFerretDb(binary: string, dataDir: string | undefined, supervision?: LocalServerSupervision): Promise<StartedMongo> {
  const throwaway = dataDir === undefined;
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ferretdb-data-')));
  await mkdir(dir, { recursive: true });
  const lock = throwaway
    ? null
    : await acquireDataDirLock(dir, {
        servesFolder: (argv) => argv.includes(sqliteUrlArg(dir)),
        log: (m) => supervision?.onInfo(m),
      });
  const port = await findFreePort();
  let server: RunningServer;
  try {
    server = await spawnServer(binary, dir, port);
    await lock?.update({ serverPid: server.child.pid!, port });
  } catch (err) {
    await lock?.release();
    throw err;
  }
  let stopping = false;
  let alive = true;
  const restarts: number[] = [];

  // If this process ends without stop() (process.exit), take the server with it. A kill -9
  // cannot be caught: the next start finds the orphan through the lock file.
  const killOnExit = () => server.child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const restart = async (): Promise<void> => {
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    const budget = supervision?.maxRestarts ?? 0;
    if (restarts.length >= budget) {
      supervision?.onGiveUp(`the local FerretDB on ${dir} died and ${budget} restart(s) within ${RESTART_WINDOW_MS / 60_000} min are used up`);
      return;
    }
    restarts.push(now);
    // A short pause so a server that dies at once does not spin.
    await new Promise((r) => setTimeout(r, 200 * restarts.length));
    if (stopping) return;
    try {
      server = await spawnServer(binary, dir, port);
      await lock?.update({ serverPid: server.child.pid!, port });
      watch(server);
      alive = true;
      supervision?.onInfo(`Local FerretDB restarted on ${dir} (pid ${server.child.pid}, restart ${restarts.length} of ${budget})`);
    } catch (err) {
      supervision?.onGiveUp(`the local FerretDB on ${dir} could not be restarted: ${(err as Error).message}`);
    }
  };

  const watch = (running: RunningServer) => {
    running.child.once('exit', (code, signal) => {
      if (stopping) return;
      alive = false;
      const tail = running.stderr().trim().split('\n').slice(-5).join(' | ');
      supervision?.onError(
        `The local FerretDB (pid ${running.child.pid}) on ${dir} exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})${tail ? `: ${tail}` : ''}`,
      );
      void restart();
    });
  };
  watch(server);

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    server: `FerretDB ${FERRETDB_VERSION} (SQLite backend, ${throwaway ? 'throwaway data' : `data in ${dir}`})`,
    alive: () => alive,
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      const { child, exited } = server;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await lock?.release();
      if (throwaway) await rm(dir, { recursive: true, force: true });
    },
  };
}
