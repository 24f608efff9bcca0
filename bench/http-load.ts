// Sequential and concurrent GraphQL requests over HTTP, with per-request latency.
export async function postGraphQL(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; body: { data?: unknown; errors?: unknown[] } }> {
  const t0 = performance.now();
  const res = await fetchOnce(url, key, query, variables).catch((err: unknown) => {
    // A keep-alive socket the server closed while idle ("other side closed"): send once more.
    if ((err as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return fetchOnce(url, key, query, variables);
    throw err;
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { ms, body };
}

function fetchOnce(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
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
