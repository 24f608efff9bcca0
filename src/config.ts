// The only reader of process.env. Validates every variable once and reports all bad ones
// together, so a misconfigured deployment fails at start with one clear message.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './shared/trust-proxy.js';
import { alertConfigProblems, alertEnv, alertsConfig, type AlertsConfig } from './alerts/alert-config.js';

export type { AlertsConfig } from './alerts/alert-config.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DEV_ADMIN_KEY = 'dev-admin-key';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const SEED_MODES = ['catalog', 'demo', 'none'] as const;
export type SeedMode = (typeof SEED_MODES)[number];

/** "https://app.example.com,http://localhost:5173": scheme, host and optional port, no path. */
const originList = z.string().transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
  .pipe(z.array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'each origin is scheme://host[:port], comma-separated')));

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
  LOCAL_DB_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(3),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{0,40}$/).default('healthmatch'),
  ADMIN_API_KEY: z.string().min(12, 'must be at least 12 characters').optional(),
  // What to load into an empty database at start (README "Configuration"). SEED_ON_EMPTY=false
  // is the older spelling of SEED=none and still works.
  SEED: z.enum(SEED_MODES).optional(),
  SEED_ON_EMPTY: boolFlag.optional(),
  MONGODB_TIMEOUT_MS: positiveInt.default(5000),
  CORS_ORIGINS: originList.default(''),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  OUTBOX_POLL_MS: positiveInt.default(1000),
  // Index writes per engine task (README "Meilisearch at feed scale").
  INDEX_BATCH_SIZE: positiveInt.max(100_000).default(2_000),
  // Unset: 5,000 for Meilisearch, 500 for the embedded engine (index-sync/index-rebuild.ts).
  REINDEX_BATCH_SIZE: positiveInt.max(100_000).optional(),
  // Meilisearch ranked lists (README "Meilisearch at scale"): documents sorted exactly per window; tiers ranked whole up to (0: never).
  MEILI_RANK_WINDOW: positiveInt.max(20_000).optional(),
  MEILI_EXACT_TIER: z.coerce.number().int().min(0).max(50_000).optional(),
  // Embedded engine replicas in worker threads (0: in the main thread). README "Performance".
  SEARCH_WORKERS: z.coerce.number().int().min(0).max(32).optional(),
  // Embedded index snapshot under DATA_DIR/search-snapshot/ for quick restarts.
  SEARCH_SNAPSHOT: boolFlag.optional(),
  SEARCH_SNAPSHOT_INTERVAL_MS: positiveInt.default(600_000),
  // Debugging only (shared/memory-trace.ts): per-thread memory figures appended to this file.
  MEMORY_TRACE_FILE: z.string().min(1).optional(),
  MEMORY_TRACE_MS: positiveInt.default(500),
  INDEX_CHANGES_POLL_MS: positiveInt.default(500),
  // Records of result pages kept per process (src/shared/mongo/page-record-cache.ts); 0 turns it off.
  PAGE_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(200_000).default(20_000),
  MAX_BODY_BYTES: positiveInt.default(1_000_000),
  // Hardening (README "Roles, API keys and limits"): GraphQL query depth and estimated cost,
  // and the per-key (per-IP for anonymous callers) token bucket of each process.
  GRAPHQL_MAX_DEPTH: positiveInt.default(10),
  GRAPHQL_MAX_COST: positiveInt.default(100_000),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  RATE_LIMIT_BURST: positiveInt.default(100),
  // Request hardening (issue 12): document size and aliases before validation, the length
  // assumed for unbounded lists in the cost estimate, and how much cost one rate-limit token buys.
  GRAPHQL_MAX_NODES: positiveInt.default(2_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  GRAPHQL_LIST_ESTIMATE: positiveInt.default(100),
  RATE_LIMIT_COST_PER_TOKEN: positiveInt.default(10_000),
  ...alertEnv,
  // SIGTERM/SIGINT: how long in-flight requests may run on while new ones get 503.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Behind a load balancer: which hops' X-Forwarded-For to believe (for per-IP rate limits).
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: 'true, false, a hop count, or a comma list of IP addresses / CIDR ranges' });
        return z.NEVER;
      }
      return parsed;
    })
    .default('false'),
});

/** Every variable read here (.env.example must list each one: tests/shared/env-example.test.ts). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; maxBodyBytes: number };
  logLevel: LogLevel;
  /** Debugging only: where and how often each thread appends its memory figures (null: off). */
  memoryTrace: { file: string; intervalMs: number } | null;
  mongo: {
    uri?: string;
    /** How long to look for the server at start and per operation (serverSelectionTimeoutMS). */
    timeoutMs: number;
    dbName: string;
    localServer: 'auto' | 'mongod' | 'ferretdb';
    ferretdbBinary?: string;
    /** Where an embedded server keeps its data; undefined: throwaway (tests). */
    dataDir?: string;
    /** Restarts of a local FerretDB that died, within ten minutes, before the service exits. */
    maxRestarts: number;
  };
  search: {
    meiliHost?: string;
    meiliKey?: string;
    usingMeiliMasterKey: boolean;
    indexPrefix: string;
    outboxPollMs: number;
    changeLogPollMs: number;
    /** Worker threads holding embedded-index replicas; 0 runs the engine on the main thread. */
    workers: number;
    /** Embedded engine only: where its snapshot lives (per database), or null when off. */
    snapshot: { dir: string; intervalMs: number } | null;
    /** Outbox entries per drained batch (INDEX_BATCH_SIZE) and documents per rebuild batch. */
    indexBatchSize: number;
    reindexBatchSize?: number;
    /** Unset: the Meilisearch adapter's defaults (per-direction windows; DEFAULT_EXACT_TIER). */
    rankWindow?: number;
    /** Records of result pages kept per process (0: off). */
    pageCache: { maxAgeMs: number; maxEntries: number };
    exactTier?: number;
  };
  auth: { adminApiKey: string; usingDevAdminKey: boolean };
  /** What start-up loads into an empty (or interrupted) database: src/seeding/seed-on-start.ts. */
  seed: SeedMode;
  /** Browser origins allowed by CORS; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Bearer token required by GET /metrics; undefined: open (bind to 127.0.0.1). */
  metricsToken?: string;
  limits: {
    maxDepth: number;
    maxCost: number;
    maxNodes: number;
    maxAliases: number;
    listEstimate: number;
    ratePerMinute: number;
    rateBurst: number;
    costPerToken: number;
    trustProxy: TrustProxy;
  };
  shutdownGraceMs: number;
  alerts: AlertsConfig;
}

/**
 * One core for the main thread (GraphQL, MongoDB), the others for index replicas. Measured at
 * 100,000 + 100,000 on 2 cores (README "Performance"): one worker scaled as well as two
 * (1.79x vs 1.75x at 8 clients) in 593-686 MiB instead of 1,069 MiB of peak RSS.
 */
function defaultSearchWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
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
    // The variable name only: a list's element index (CORS_ORIGINS.1) would not be a variable.
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : undefined;
  // Cross-variable rules read the raw values, so they are reported even when another variable is bad.
  const production = cleaned.NODE_ENV === 'production';
  if (production && !cleaned.ADMIN_API_KEY) problems.push('ADMIN_API_KEY: required when NODE_ENV=production');
  if (production && cleaned.MEILI_HOST && !cleaned.MEILI_MASTER_KEY && !cleaned.MEILI_API_KEY) {
    problems.push('MEILI_MASTER_KEY or MEILI_API_KEY: required with MEILI_HOST when NODE_ENV=production');
  }
  problems.push(...alertConfigProblems(cleaned, production));
  if (problems.length > 0 || !e) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, maxBodyBytes: e.MAX_BODY_BYTES },
    logLevel: e.LOG_LEVEL,
    memoryTrace: e.MEMORY_TRACE_FILE ? { file: e.MEMORY_TRACE_FILE, intervalMs: e.MEMORY_TRACE_MS } : null,
    mongo: {
      uri: e.MONGODB_URI,
      timeoutMs: e.MONGODB_TIMEOUT_MS,
      dbName: e.MONGODB_DB,
      localServer: e.MONGO_LOCAL_SERVER,
      ferretdbBinary: e.FERRETDB_BIN,
      dataDir: path.resolve(e.DATA_DIR),
      maxRestarts: e.LOCAL_DB_MAX_RESTARTS,
    },
    search: {
      meiliHost: e.MEILI_HOST,
      // A key scoped to our indexes (README "Production") wins over the master key.
      meiliKey: e.MEILI_API_KEY ?? e.MEILI_MASTER_KEY,
      usingMeiliMasterKey: !e.MEILI_API_KEY && !!e.MEILI_MASTER_KEY,
      indexPrefix: e.MEILI_INDEX_PREFIX,
      outboxPollMs: e.OUTBOX_POLL_MS,
      indexBatchSize: e.INDEX_BATCH_SIZE,
      reindexBatchSize: e.REINDEX_BATCH_SIZE,
      rankWindow: e.MEILI_RANK_WINDOW,
      exactTier: e.MEILI_EXACT_TIER,
      // Tests build many apps: in-thread unless they ask.
      workers: e.SEARCH_WORKERS ?? (e.NODE_ENV === 'test' ? 0 : defaultSearchWorkers()),
      snapshot:
        (e.SEARCH_SNAPSHOT ?? e.NODE_ENV !== 'test') && !e.MEILI_HOST
          ? { dir: path.join(path.resolve(e.DATA_DIR), 'search-snapshot', e.MONGODB_DB), intervalMs: e.SEARCH_SNAPSHOT_INTERVAL_MS }
          : null,
      changeLogPollMs: e.INDEX_CHANGES_POLL_MS,
      pageCache: { maxAgeMs: e.PAGE_CACHE_MAX_AGE_MS, maxEntries: e.PAGE_CACHE_MAX_ENTRIES },
    },
    auth: { adminApiKey: e.ADMIN_API_KEY ?? DEV_ADMIN_KEY, usingDevAdminKey: !e.ADMIN_API_KEY },
    // Demo people only ever go into the embedded local database; a given MONGODB_URI gets the
    // qualification catalog, which every posting with a qualification code needs.
    seed: e.SEED ?? (e.SEED_ON_EMPTY === false ? 'none' : e.MONGODB_URI ? 'catalog' : 'demo'),
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxNodes: e.GRAPHQL_MAX_NODES,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      listEstimate: e.GRAPHQL_LIST_ESTIMATE,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      rateBurst: e.RATE_LIMIT_BURST,
      costPerToken: e.RATE_LIMIT_COST_PER_TOKEN,
      trustProxy: e.TRUST_PROXY,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    alerts: alertsConfig(e),
  };
}
