// Starts ONE real MongoDB-protocol server for the whole test run, through the same module
// `npm start` uses; every test app gets its own database on it.
import type { TestProject } from 'vitest/node';
import { resolveMongo, type LocalServerPreference, type StartedMongo } from '../../src/shared/mongo/local-mongo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoServer: string;
  }
}

let started: StartedMongo | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  started = await resolveMongo({
    uri: process.env.MONGODB_URI || undefined,
    prefer: (process.env.MONGO_LOCAL_SERVER as LocalServerPreference | undefined) ?? 'auto',
    ferretdbBinary: process.env.FERRETDB_BIN || undefined,
    log: (m) => console.log(`[test db] ${m}`),
  });
  console.log(`[test db] Tests run against a real MongoDB-protocol server: ${started.server} at ${started.uri} (ready in ${Date.now() - t0} ms)`);
  project.provide('mongoUri', started.uri);
  project.provide('mongoServer', started.server);
  return async () => {
    await started?.stop();
  };
}
