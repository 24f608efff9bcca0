// Ctrl+C in a terminal signals the whole foreground process group. The local FerretDB runs in
// its own group, so it does not die at the same moment as the API: the API finishes its
// shutdown (releasing its index-sync lease in MongoDB) and stops the server last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { locateFerretDb } from '../../src/shared/mongo/ferretdb.server.js';
import { resolveMongo } from '../../src/shared/mongo/local-mongo.js';
import { LOCK_FILE, type LockRecord } from '../../src/shared/mongo/data-dir-lock.js';
import { hasPgrep, serversUsing, startApiProcess } from '../helpers/api-process.js';

const binary = await locateFerretDb(process.env.FERRETDB_BIN || undefined, () => undefined);
/** The process group id, field 5 of /proc/<pid>/stat (after the parenthesised name). */
function processGroupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-ctrl-c-'));

describe('Ctrl+C (SIGINT to the process group)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.skipIf(!binary || !hasPgrep)('stops the API cleanly and the local FerretDB after it', async () => {
    const api = await startApiProcess({ DATA_DIR: dataDir, MONGO_LOCAL_SERVER: 'ferretdb', FERRETDB_BIN: binary! }, { detached: true });
    expect(serversUsing(dataDir)).toBe(1);
    const { serverPid } = JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', LOCK_FILE), 'utf8')) as LockRecord;
    expect(processGroupOf(serverPid!)).toBe(serverPid);
    expect(processGroupOf(api.child.pid!)).not.toBe(serverPid);
    // What a terminal does on Ctrl+C: the signal to every process of the group.
    process.kill(-api.child.pid!, 'SIGINT');
    expect(await api.exited).toBe(0);
    expect(api.log()).toContain('SIGINT received');
    expect(api.log()).not.toMatch(/"level":"error"/);
    expect(serversUsing(dataDir)).toBe(0);

    // The database was still there while the API shut down: its drain lease was released.
    const mongo = await resolveMongo({ dataDir, prefer: 'ferretdb', ferretdbBinary: binary! });
    const conn = await mongoose.createConnection(mongo.uri, { dbName: 'healthmatch' }).asPromise();
    try {
      expect(await conn.db!.collection('search_leases').countDocuments({})).toBe(0);
    } finally {
      await conn.close();
      await mongo.stop();
    }
  }, 60_000);
});
