// A real `mongod` through mongodb-memory-server: a binary already on this machine, or one it
// downloads where the download host can be reached (users with internet).
import { lookup } from 'node:dns/promises';
import { mkdir } from 'node:fs/promises';
import type { LocalServerSupervision, StartedMongo } from './started-mongo.js';

const DOWNLOAD_HOST = 'fastdl.mongodb.org';

// Loaded lazily: most runs here never need it.
async function loadModule() {
  return import('mongodb-memory-server-core');
}

/** A mongod binary that needs no download: MONGOMS_SYSTEM_BINARY, or a cached download. */
export async function locateCachedMongod(): Promise<string | undefined> {
  const { DryMongoBinary } = await loadModule();
  const options = await DryMongoBinary.generateOptions();
  return DryMongoBinary.locateBinary(options);
}

/**
 * mongodb-memory-server retries a failing download for several seconds; a DNS look-up
 * of the download host answers at once on a machine without internet, so ask it first.
 */
export async function canDownloadMongod(timeoutMs = 1500): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const probe = lookup(DOWNLOAD_HOST).then(
    () => true,
    () => false,
  );
  return Promise.race([probe, timeout]);
}

// mongodb-memory-server already covers what ferretdb.server.ts does by hand for orphans: it
// starts a small watcher that kills mongod when this process dies (even by kill -9), and
// mongod itself refuses a second server on a dbPath (mongod.lock). What is left here is
// noticing a death while the service runs; mongod is not restarted (it does not crash on
// its own; something outside killed it), the service gives up instead.
export async function startMongod(dataDir: string | undefined, supervision?: LocalServerSupervision): Promise<StartedMongo> {
  const { MongoMemoryServer } = await loadModule();
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: dataDir ? { dbPath: dataDir, storageEngine: 'wiredTiger', ip: '127.0.0.1' } : { ip: '127.0.0.1' },
  });
  let alive = true;
  let stopping = false;
  const child = server.instanceInfo?.instance.mongodProcess;
  child?.once('exit', (code, signal) => {
    alive = false;
    if (stopping) return;
    supervision?.onError(`The local mongod exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`);
    supervision?.onGiveUp('the local mongod died');
  });
  return {
    uri: server.getUri(),
    alive: () => alive,
    server: `mongod (mongodb-memory-server${dataDir ? `, data in ${dataDir}` : ', throwaway data'})`,
    async stop() {
      stopping = true;
      await server.stop({ doCleanup: !dataDir, force: false });
    },
  };
}
