// How to start the engine worker. Built (npm start): engine.worker.js beside this file, plain
// node. From sources (vitest, tsx): engine.worker.ts, which a new thread can only load through
// tsx. Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's own entry
// (ERR_UNKNOWN_FILE_EXTENSION), so the worker runs a two-line bootstrap that registers tsx's
// hooks in that thread and then imports the .ts entry. tsx is a dev dependency, needed only then.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { memoryTraceSettings } from '../../shared/memory-trace.js';

export interface WorkerEntry {
  /** A script URL, or (with eval) the bootstrap source. */
  script: URL | string;
  eval: boolean;
  /** Passed to the worker as workerData (tests hand their worker a SharedArrayBuffer). */
  workerData?: unknown;
}

export function workerEntry(name: string, from: string = import.meta.url): WorkerEntry {
  const fromSources = from.endsWith('.ts');
  const url = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, from);
  if (!fromSources) return { script: url, eval: false };
  // The ESM build of tsx/esm/api (require.resolve would give the CommonJS one, which breaks here).
  const tsxRoot = path.dirname(createRequire(from).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); }).catch((err) => { console.error(err); process.exit(1); });`;
  return { script: bootstrap, eval: true };
}

export function engineWorkerEntry(): WorkerEntry {
  // The debugging memory trace (shared/memory-trace.ts) covers the workers too when it is on.
  return { ...workerEntry('engine.worker'), workerData: { memoryTrace: memoryTraceSettings() } };
}
