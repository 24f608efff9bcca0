// One local database server per data folder. A lock file in the folder names the API process
// that owns it and the server it started (pid, port, start time). At start:
// - a lock whose owner is alive: the folder is in use, refuse with a message saying what to do;
// - a lock whose owner is gone (kill -9, power loss): its server, if still running and still
//   ours on this folder (checked on its command line, so a reused pid is never signalled), is
//   stopped, and the stale lock removed;
// - any other server still running on this folder (a run from before locks existed, or one
//   killed between spawning and writing the lock) is stopped too.
// Stopping rather than reusing the orphan: nobody can supervise a process it did not start
// (no exit event, no stderr), it may be another build of the binary, and a restart costs
// well under a second.
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { commandLine, findProcesses, isAlive, stopProcess } from './process-table.js';

export const LOCK_FILE = 'healthmatch-server.lock';

export interface LockRecord {
  /** The API process that owns the folder. */
  ownerPid: number;
  hostname: string;
  /** The database server it runs on the folder, once started. */
  serverPid?: number;
  port?: number;
  startedAt: string;
}

export class DataDirInUseError extends Error {}

export interface DataDirLock {
  file: string;
  /** Records the server now running on the folder (after each start or restart). */
  update(server: { serverPid: number; port: number }): Promise<void>;
  release(): Promise<void>;
}

async function readLock(file: string): Promise<LockRecord | null | 'unreadable'> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : ''));
  if (text === null) return null;
  try {
    return JSON.parse(text) as LockRecord;
  } catch {
    return 'unreadable';
  }
}

export interface AcquireOptions {
  /** True when an argument vector is a server of ours serving this folder. */
  servesFolder(argv: string[]): boolean;
  log(message: string): void;
}

export async function acquireDataDirLock(dir: string, options: AcquireOptions): Promise<DataDirLock> {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockRecord = { ownerPid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx': exactly one of two processes starting at once creates the file.
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
    const held = await readLock(file);
    if (held === 'unreadable' && attempt < 3) {
      // Another process may be between creating and writing it.
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    if (held && held !== 'unreadable' && (held.ownerPid === process.pid || (await ownerIsRunning(held)))) {
      throw new DataDirInUseError(
        `The data folder ${dir} is in use by process ${held.ownerPid} (started ${held.startedAt}` +
          `${held.port ? `, database on 127.0.0.1:${held.port}` : ''}). Stop that process, set another DATA_DIR, ` +
          `or point this instance at the same database with MONGODB_URI${held.port ? `=mongodb://127.0.0.1:${held.port}/` : ''}.`,
      );
    }
    if (held && held !== 'unreadable' && held.serverPid && (await isOurs(held.serverPid, options))) {
      const how = await stopProcess(held.serverPid);
      options.log(`Stopped the database server left running by a killed run (pid ${held.serverPid}, ${how}) on ${dir}`);
    }
    await rm(file, { force: true });
  }
  // Servers on this folder the lock did not name.
  for (const pid of await findProcesses(options.servesFolder)) {
    const how = await stopProcess(pid);
    options.log(`Stopped an unrecorded database server on ${dir} (pid ${pid}, ${how})`);
  }
  let released = false;
  return {
    file,
    async update(server) {
      if (released) return;
      // Write and rename: a reader never sees a half-written lock.
      const next = `${file}.${process.pid}.tmp`;
      await writeFile(next, JSON.stringify({ ...mine, ...server }));
      await rename(next, file);
    },
    async release() {
      released = true;
      const held = await readLock(file);
      if (held && held !== 'unreadable' && held.ownerPid === process.pid) await rm(file, { force: true });
    },
  };
}

/** The owner counts as running only if it is alive on this host and still a Node process. */
async function ownerIsRunning(held: LockRecord): Promise<boolean> {
  // Another host sharing the folder (a network mount) cannot be checked: assume it runs.
  if (held.hostname !== hostname()) return true;
  if (!(await isAlive(held.ownerPid))) return false;
  const argv = await commandLine(held.ownerPid);
  // A pid reused by an unrelated program does not hold the folder.
  return argv === null || argv.some((a) => /node|tsx/.test(path.basename(a)));
}

async function isOurs(pid: number, options: AcquireOptions): Promise<boolean> {
  if (!(await isAlive(pid))) return false;
  const argv = await commandLine(pid);
  return argv !== null && options.servesFolder(argv);
}
