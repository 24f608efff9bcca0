// Closed-loop load: `clients` concurrent clients each send the next request as soon as the last
// one answered, for a fixed duration; a separate client probes GET /health meanwhile. Gives
// req/s, request latency percentiles and /health latency under that load.
import { postGraphQL } from './http-load.js';
import { summarize, type LatencySummary } from './stats.js';

export interface ThroughputFigures {
  clients: number;
  requests: number;
  errors: number;
  perSecond: number;
  latency: LatencySummary;
  health: LatencySummary;
}

const HEALTH_EVERY_MS = 100;

export async function measureThroughput(
  url: string,
  key: string,
  query: string,
  variablesFor: (i: number) => Record<string, unknown>,
  clients: number,
  durationMs: number,
): Promise<ThroughputFigures> {
  const latencies: number[] = [];
  const health: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      try {
        latencies.push((await postGraphQL(url, key, query, variablesFor(next++))).ms);
      } catch {
        errors++;
      }
    }
  };
  const probe = async () => {
    const healthUrl = url.replace(/graphql$/, 'health');
    while (performance.now() < deadline) {
      const h0 = performance.now();
      // A reset connection under overload is an error to count, not the end of the run.
      const ok = await fetch(healthUrl).then(
        (r) => r.arrayBuffer().then(() => true),
        () => false,
      );
      if (ok) health.push(performance.now() - h0);
      else errors++;
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
    }
  };
  await Promise.all([...Array.from({ length: clients }, client), probe()]);
  const elapsed = performance.now() - t0;
  return {
    clients,
    requests: latencies.length,
    errors,
    perSecond: (latencies.length / elapsed) * 1000,
    latency: summarize(latencies),
    health: summarize(health),
  };
}
