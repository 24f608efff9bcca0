import type { Connection } from 'mongoose';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  mongo: { ok: boolean; server: string; detail?: string };
  search: { ok: boolean; engine: string; detail?: string; pendingIndexUpdates?: number; parkedIndexUpdates?: number; lastReconciliation?: unknown };
}

export interface SearchHealthSource {
  health(): Promise<{ ok: boolean; engine: string; detail?: string; pendingIndexUpdates?: number; parkedIndexUpdates?: number; lastReconciliation?: unknown }>;
}

export interface MongoLiveness {
  /** A local server's supervisor: false as soon as the server process is gone. */
  alive?: () => boolean;
  /** The ping gives up after this long, so /health answers within about a second. */
  pingTimeoutMs: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** MongoDB down: the service is down. Search down: degraded (writes still queue durably). */
export async function checkHealth(
  conn: Connection,
  mongoServer: string,
  search: SearchHealthSource,
  liveness: MongoLiveness = { pingTimeoutMs: 1000 },
): Promise<HealthReport> {
  const ping = async () => {
    if (liveness.alive?.() === false) return { ok: false, server: mongoServer, detail: 'the local database server is not running' };
    if (!conn.db) return { ok: false, server: mongoServer, detail: 'not connected' };
    return withTimeout(conn.db.command({ ping: 1 }), liveness.pingTimeoutMs, 'MongoDB ping')
      .then(() => ({ ok: true, server: mongoServer }))
      .catch((err: Error) => ({ ok: false, server: mongoServer, detail: err.message }));
  };
  const [mongoStatus, searchStatus] = await Promise.all([
    ping(),
    withTimeout(search.health(), liveness.pingTimeoutMs, 'search health').catch((err: Error) => ({
      ok: false,
      engine: 'unknown',
      detail: err.message,
    })),
  ]);
  const status = !mongoStatus.ok ? 'down' : searchStatus.ok ? 'ok' : 'degraded';
  return { status, mongo: mongoStatus, search: searchStatus };
}
