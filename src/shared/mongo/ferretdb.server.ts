// Starts a FerretDB (SQLite backend) child process on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, waitForPort } from './ports.js';
import { buildFerretDb, isGoAvailable, FERRETDB_BUILD, FERRETDB_VERSION } from './ferretdb.installer.js';
import type { StartedMongo } from './started-mongo.js';

export const DEFAULT_FERRETDB_BINARY = path.join(homedir(), '.cache', 'healthmatch', 'bin', `ferretdb-${FERRETDB_BUILD}`);

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

export async function startFerretDb(binary: string, dataDir: string | undefined): Promise<StartedMongo> {
  const throwaway = dataDir === undefined;
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ferretdb-data-')));
  await mkdir(dir, { recursive: true });
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process ends without stop() (a crash, process.exit), take the server with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitForPort(port, 15_000, () => child.exitCode !== null);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`FerretDB (${binary}) did not start: ${(err as Error).message}\n${stderr}`);
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    server: `FerretDB ${FERRETDB_VERSION} (SQLite backend, ${throwaway ? 'throwaway data' : `data in ${dir}`})`,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (throwaway) await rm(dir, { recursive: true, force: true });
    },
  };
}
