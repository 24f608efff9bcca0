// Sequential and concurrent GraphQL requests over HTTP, with per-request latency.
export async function postGraphQL(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; body: { data?: unknown; errors?: unknown[] } }> {
  const t0 = performance.now();
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
  // A kept-alive socket the server closed while this client computed (the floor below takes
  // seconds) fails once with "other side closed": send again on a new one.
  const res = await send().catch(send);
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { ms, body };
}

/** Runs `jobs` with at most `concurrency` in flight; returns each job's latency. */
export async function runPool(jobs: (() => Promise<number>)[], concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      latencies.push(await job());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}
