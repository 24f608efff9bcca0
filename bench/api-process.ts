// Runs the built API (dist/src/main.js) as its own process, so its latency and peak memory
// are measured apart from the benchmark's own data.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFreePort, waitForPort } from '../src/shared/mongo/ports.js';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  logLines: string[];
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/**
 * `nodeArgs`: before the script (--cpu-prof, --import: not all are allowed in NODE_OPTIONS);
 * by default BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", for the API only.
 */
export async function startApiProcess(
  projectRoot: string,
  env: Record<string, string>,
  nodeArgs: string[] = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
): Promise<ApiProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(projectRoot, 'dist', 'src', 'main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logLines: string[] = [];
  child.stderr?.on('data', (b: Buffer) => logLines.push(...b.toString().split('\n').filter(Boolean)));
  // A cold start at 100,000 + 100,000 reads everything from FerretDB: over 10 minutes on a busy machine.
  await waitForPort(port, 3_600_000, () => child.exitCode !== null).catch((err: Error) => {
    throw new Error(`API did not start: ${err.message}\n${logLines.slice(-20).join('\n')}`);
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    logLines,
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
