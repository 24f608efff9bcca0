// Builds a real app (real HTTP server, real MongoDB-protocol server) on a fresh database.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createApp, type App, type CreateAppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
}

export interface TestApp {
  app: App;
  url: string;
  dbName: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export function newDbName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export async function startTestApp(
  options: CreateAppOptions & { dbName?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dbName = options.dbName ?? newDbName();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGODB_DB: dbName,
    ADMIN_API_KEY: ADMIN_KEY,
    // Production mode requires one (webhook secrets derive from it); harmless elsewhere.
    ALERT_SECRET_KEY: 'test-alert-secret-key-0123456789abcdef',
    // Test files send many requests from one key/IP at full speed; the rate-limit tests set
    // their own small limits.
    RATE_LIMIT_BURST: '100000',
    ...options.env,
  });
  const app = await createApp(config, {
    ...options,
    mongo: { uri: inject('mongoUri'), server: inject('mongoServer'), stop: async () => undefined },
  });
  const url = await app.listen();
  return {
    app,
    url,
    dbName,
    async gql(query, variables = {}, key = ADMIN_KEY) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers.authorization = `Bearer ${key}`;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as Omit<GqlResult, 'status'>;
      return { status: res.status, ...body } as never;
    },
    async close() {
      await app.connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}
