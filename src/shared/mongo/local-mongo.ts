// The one place that decides which MongoDB-protocol server the service talks to, used by
// `npm start`, the seed and reindex commands, and the tests. Order (DESIGN §4):
//   1. MONGODB_URI when set;
//   2. a real mongod: a binary already here, or downloaded where the internet is reachable;
//   3. FerretDB v1 (SQLite) built from the Go module proxy;
// and otherwise a fast failure that says what to install or set.
import { canDownloadMongod, locateCachedMongod, startMongod } from './mongod.server.js';
import { locateFerretDb, startFerretDb } from './ferretdb.server.js';
import { DataDirInUseError } from './data-dir-lock.js';

export type { LocalServerSupervision, StartedMongo } from './started-mongo.js';
import type { LocalServerSupervision, StartedMongo } from './started-mongo.js';

export type LocalServerPreference = 'auto' | 'mongod' | 'ferretdb';

export interface ResolveMongoOptions {
  uri?: string;
  /** Keep data here across restarts; undefined for a throwaway database. */
  dataDir?: string;
  prefer?: LocalServerPreference;
  ferretdbBinary?: string;
  log?: (message: string) => void;
  supervision?: LocalServerSupervision;
}

export class NoMongoServerError extends Error {}

export async function resolveMongo(options: ResolveMongoOptions): Promise<StartedMongo> {
  const log = options.log ?? (() => undefined);
  if (options.uri) {
    return { uri: options.uri, server: 'MongoDB at MONGODB_URI', stop: async () => undefined };
  }
  const prefer = options.prefer ?? 'auto';
  const failures: string[] = [];

  if (prefer !== 'ferretdb') {
    try {
      const cached = await locateCachedMongod();
      if (cached || (await canDownloadMongod())) {
        return await startMongod(options.dataDir ? `${options.dataDir}/mongod` : undefined, options.supervision);
      }
      failures.push('mongod: no local binary and the download host cannot be reached');
    } catch (err) {
      failures.push(`mongod: ${(err as Error).message}`);
    }
  }

  if (prefer !== 'mongod') {
    try {
      const binary = await locateFerretDb(options.ferretdbBinary, log);
      if (binary) {
        return await startFerretDb(binary, options.dataDir ? `${options.dataDir}/ferretdb` : undefined, options.supervision);
      }
      failures.push('FerretDB: no binary found and no Go toolchain to build one');
    } catch (err) {
      // Another running instance owns the folder: trying other servers would not help.
      if (err instanceof DataDirInUseError) throw err;
      failures.push(`FerretDB: ${(err as Error).message}`);
    }
  }

  throw new NoMongoServerError(
    [
      'No MongoDB-protocol server could be started.',
      ...failures.map((f) => `  - ${f}`),
      'Do one of: set MONGODB_URI to a running MongoDB;',
      '  connect to the internet so mongodb-memory-server can download mongod;',
      '  install Go 1.22+ so FerretDB can be built; or set FERRETDB_BIN to a FerretDB v1 binary.',
    ].join('\n'),
  );
}
