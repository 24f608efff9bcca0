import type { Connection } from 'mongoose';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  mongo: { ok: boolean; server: string; detail?: string };
  search: { ok: boolean; engine: string; detail?: string; pendingIndexUpdates?: number; parkedIndexUpdates?: number };
}

export interface SearchHealthSource {
  health(): Promise<{ ok: boolean; engine: string; detail?: string; pendingIndexUpdates?: number; parkedIndexUpdates?: number }>;
}

/** MongoDB down: the service is down. Search down: degraded (writes still queue durably). */
export async function checkHealth(conn: Connection, mongoServer: string, search: SearchHealthSource): Promise<HealthReport> {
  const mongo = await conn.db
    ?.command({ ping: 1 })
    .then(() => ({ ok: true, server: mongoServer }))
    .catch((err: Error) => ({ ok: false, server: mongoServer, detail: err.message }));
  const searchStatus = await search
    .health()
    .catch((err: Error) => ({ ok: false, engine: 'unknown', detail: err.message }));
  const mongoStatus = mongo ?? { ok: false, server: mongoServer, detail: 'not connected' };
  const status = !mongoStatus.ok ? 'down' : searchStatus.ok ? 'ok' : 'degraded';
  return { status, mongo: mongoStatus, search: searchStatus };
}
