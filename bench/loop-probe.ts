// Preloaded into the API process by the alerts bench with BENCH_ALERT_PROFILE (NODE_OPTIONS
// --import): the main thread's event-loop delay, reset and printed on SIGUSR2, so a phase's
// delay can be told apart from time spent waiting on FerretDB.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
process.on('SIGUSR2', () => {
  const f = (n: number) => Math.round(n / 1e5) / 10;
  process.stderr.write(`${JSON.stringify({ msg: 'loopDelay', p50: f(h.percentile(50)), p95: f(h.percentile(95)), p99: f(h.percentile(99)), max: f(h.max), mean: f(h.mean) })}\n`);
  h.reset();
});
