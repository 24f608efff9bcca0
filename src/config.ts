// The only reader of process.env. Validates every variable once and reports all bad ones
// together, so a misconfigured deployment fails at start with one clear message.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DEV_ADMIN_KEY = 'dev-admin-key';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('healthmatch'),
  MONGO_LOCAL_SERVER: z.enum(['auto', 'mongod', 'ferretdb']).default('auto'),
  FERRETDB_BIN: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{0,40}$/).default('healthmatch'),
  ADMIN_API_KEY: z.string().min(12, 'must be at least 12 characters').optional(),
  SEED_ON_EMPTY: boolFlag.default('true'),
  OUTBOX_POLL_MS: positiveInt.default(1000),
  // Index writes per engine task (README "Meilisearch at feed scale").
  INDEX_BATCH_SIZE: positiveInt.max(100_000).default(2_000),
  REINDEX_BATCH_SIZE: positiveInt.max(100_000).default(5_000),
  // Documents the Meilisearch adapter re-scores exactly per ranked window (README "Exact ranking").
  MEILI_RANK_WINDOW: positiveInt.max(20_000).optional(),
  MAX_BODY_BYTES: positiveInt.default(1_000_000),
  // Hardening (README "Roles, API keys and limits"): GraphQL query depth and estimated cost,
  // and the per-key (per-IP for anonymous callers) token bucket of each process.
  GRAPHQL_MAX_DEPTH: positiveInt.default(10),
  GRAPHQL_MAX_COST: positiveInt.default(10_000),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  RATE_LIMIT_BURST: positiveInt.default(100),
  // Behind a load balancer: take the client IP from X-Forwarded-For (for anonymous rate limits).
  TRUST_PROXY: boolFlag.default('false'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; maxBodyBytes: number };
  logLevel: LogLevel;
  mongo: {
    uri?: string;
    dbName: string;
    localServer: 'auto' | 'mongod' | 'ferretdb';
    ferretdbBinary?: string;
    /** Where an embedded server keeps its data; undefined: throwaway (tests). */
    dataDir?: string;
  };
  search: {
    meiliHost?: string;
    meiliKey?: string;
    indexPrefix: string;
    outboxPollMs: number;
    indexBatchSize: number;
    reindexBatchSize: number;
    /** Unset: the adapter's per-direction defaults. */
    rankWindow?: number;
  };
  auth: { adminApiKey: string; usingDevAdminKey: boolean };
  seedOnEmpty: boolean;
  limits: { maxDepth: number; maxCost: number; ratePerMinute: number; rateBurst: number; trustProxy: boolean };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" for every variable: shells and compose files produce them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : undefined;
  // Cross-variable rules read the raw values, so they are reported even when another variable is bad.
  const production = cleaned.NODE_ENV === 'production';
  if (production && !cleaned.ADMIN_API_KEY) {
    problems.push('ADMIN_API_KEY: required when NODE_ENV=production');
  }
  if (production && cleaned.MEILI_HOST && !cleaned.MEILI_MASTER_KEY && !cleaned.MEILI_API_KEY) {
    problems.push('MEILI_MASTER_KEY or MEILI_API_KEY: required with MEILI_HOST when NODE_ENV=production');
  }
  if (problems.length > 0 || !e) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, maxBodyBytes: e.MAX_BODY_BYTES },
    logLevel: e.LOG_LEVEL,
    mongo: {
      uri: e.MONGODB_URI,
      dbName: e.MONGODB_DB,
      localServer: e.MONGO_LOCAL_SERVER,
      ferretdbBinary: e.FERRETDB_BIN,
      dataDir: path.resolve(e.DATA_DIR),
    },
    search: {
      meiliHost: e.MEILI_HOST,
      meiliKey: e.MEILI_MASTER_KEY ?? e.MEILI_API_KEY,
      indexPrefix: e.MEILI_INDEX_PREFIX,
      outboxPollMs: e.OUTBOX_POLL_MS,
      indexBatchSize: e.INDEX_BATCH_SIZE,
      reindexBatchSize: e.REINDEX_BATCH_SIZE,
      rankWindow: e.MEILI_RANK_WINDOW,
    },
    auth: { adminApiKey: e.ADMIN_API_KEY ?? DEV_ADMIN_KEY, usingDevAdminKey: !e.ADMIN_API_KEY },
    seedOnEmpty: e.SEED_ON_EMPTY,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      rateBurst: e.RATE_LIMIT_BURST,
      trustProxy: e.TRUST_PROXY,
    },
  };
}
