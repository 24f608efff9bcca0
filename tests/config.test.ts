// loadConfig: the only reader of the environment. Defaults, every bad variable reported
// together, production rules, and empty strings meaning "unset".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(env)}) to throw`);
}

const variablesIn = (err: ConfigError): string[] => err.problems.map((p) => p.split(':')[0]).sort();

describe('loadConfig', () => {
  it('leaves the rebuild batch to the engine and the memory trace off unless set', () => {
    expect(loadConfig({}).search.reindexBatchSize).toBeUndefined();
    expect(loadConfig({ REINDEX_BATCH_SIZE: '' }).search.reindexBatchSize).toBeUndefined();
    expect(loadConfig({ MEMORY_TRACE_FILE: '/tmp/trace.jsonl' }).memoryTrace).toEqual({ file: '/tmp/trace.jsonl', intervalMs: 500 });
    expect(loadConfig({ MEMORY_TRACE_MS: '100' }).memoryTrace).toBeNull();
  });

  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 4000, maxBodyBytes: 1_000_000 },
      logLevel: 'info',
      memoryTrace: null,
      mongo: { uri: undefined, timeoutMs: 5000, dbName: 'healthmatch', localServer: 'auto', ferretdbBinary: undefined },
      search: { meiliHost: undefined, meiliKey: undefined, usingMeiliMasterKey: false, indexPrefix: 'healthmatch', outboxPollMs: 1000 },
      seed: 'demo',
      corsOrigins: [],
      metricsToken: undefined,
      limits: {
        maxDepth: 10,
        maxCost: 100_000,
        maxNodes: 2_000,
        maxAliases: 30,
        listEstimate: 100,
        ratePerMinute: 600,
        rateBurst: 100,
        costPerToken: 10_000,
        trustProxy: false,
      },
      shutdownGraceMs: 10_000,
    });
    expect(c.mongo.dataDir).toBe(path.resolve('.data'));
    // Development gets a well-known key, and says so.
    expect(c.auth.usingDevAdminKey).toBe(true);
    expect(c.auth.adminApiKey.length).toBeGreaterThan(0);
  });

  it('reads every variable it documents', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      MONGODB_URI: 'mongodb://db:27017',
      MONGODB_DB: 'hm_prod',
      MONGO_LOCAL_SERVER: 'ferretdb',
      FERRETDB_BIN: '/opt/ferretdb',
      DATA_DIR: '/var/lib/hm',
      LOCAL_DB_MAX_RESTARTS: '5',
      MEILI_HOST: 'http://search:7700',
      MEILI_API_KEY: 'meili-key',
      MEILI_INDEX_PREFIX: 'hm',
      ADMIN_API_KEY: 'a-very-long-admin-key',
      SEED: 'catalog',
      MONGODB_TIMEOUT_MS: '2500',
      CORS_ORIGINS: 'https://board.example.com, http://localhost:5173',
      METRICS_TOKEN: 'metrics-token-0123456789',
      OUTBOX_POLL_MS: '250',
      INDEX_BATCH_SIZE: '1500',
      REINDEX_BATCH_SIZE: '4000',
      MEILI_RANK_WINDOW: '800',
      MEILI_EXACT_TIER: '0',
      SEARCH_WORKERS: '3',
      INDEX_CHANGES_POLL_MS: '300',
      MAX_BODY_BYTES: '2048',
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_COST: '500',
      RATE_LIMIT_PER_MINUTE: '60',
      RATE_LIMIT_BURST: '5',
      TRUST_PROXY: '2',
      GRAPHQL_MAX_NODES: '300',
      GRAPHQL_MAX_ALIASES: '4',
      GRAPHQL_LIST_ESTIMATE: '250',
      RATE_LIMIT_COST_PER_TOKEN: '800',
      SHUTDOWN_GRACE_MS: '2500',
      ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij',
      ALERT_RETRY_BASE_MS: '500',
      ALERT_RETRY_MAX_MS: '60000',
      ALERT_RETRY_WINDOW_MS: '3600000',
      ALERT_WEBHOOK_TIMEOUT_MS: '5000',
      ALERT_DELIVERY_POLL_MS: '2000',
      ALERT_MAX_FAILED_DELIVERIES: '10',
      ALERT_MAX_PER_KEY: '50',
      ALERT_DETECTION_THREAD: 'false',
      ALERT_DETECTION_BATCH_MS: '500',
      ALERT_TEST_DETECTION_DELAY_MS: '0',
      WS_MAX_CONNECTIONS_PER_KEY: '3',
    });
    expect(c).toEqual({
      env: 'production',
      http: { host: '0.0.0.0', port: 8080, maxBodyBytes: 2048 },
      logLevel: 'warn',
      memoryTrace: null,
      mongo: {
        uri: 'mongodb://db:27017',
        timeoutMs: 2500,
        dbName: 'hm_prod',
        localServer: 'ferretdb',
        ferretdbBinary: '/opt/ferretdb',
        dataDir: '/var/lib/hm',
        maxRestarts: 5,
      },
      search: {
        meiliHost: 'http://search:7700',
        meiliKey: 'meili-key',
        usingMeiliMasterKey: false,
        indexPrefix: 'hm',
        outboxPollMs: 250,
        changeLogPollMs: 300,
        pageCache: { maxAgeMs: 10_000, maxEntries: 20_000 },
        workers: 3,
        snapshot: null,
        indexBatchSize: 1500,
        reindexBatchSize: 4000,
        rankWindow: 800,
        exactTier: 0,
      },
      auth: { adminApiKey: 'a-very-long-admin-key', usingDevAdminKey: false },
      seed: 'catalog',
      corsOrigins: ['https://board.example.com', 'http://localhost:5173'],
      metricsToken: 'metrics-token-0123456789',
      limits: {
        maxDepth: 7,
        maxCost: 500,
        maxNodes: 300,
        maxAliases: 4,
        listEstimate: 250,
        ratePerMinute: 60,
        rateBurst: 5,
        costPerToken: 800,
        trustProxy: 2,
      },
      shutdownGraceMs: 2500,
      alerts: {
        secretKey: 'alert-secret-key-0123456789abcdefghij',
        retry: { baseMs: 500, maxMs: 60_000, windowMs: 3_600_000 },
        webhookTimeoutMs: 5000,
        deliveryPollMs: 2000,
        maxFailedDeliveries: 10,
        maxPerKey: 50,
        wsMaxConnectionsPerKey: 3,
        detectionThread: false,
        detectionBatchMs: 500,
        allowPrivateTargets: false,
        testDetectionDelayMs: 0,
      },
    });
  });

  it('alerts: the DESIGN schedule by default, a development secret key outside production, private targets only outside it', () => {
    const c = loadConfig({});
    expect(c.alerts).toMatchObject({ retry: { baseMs: 1_000, maxMs: 3_600_000, windowMs: 86_400_000 }, webhookTimeoutMs: 10_000, maxFailedDeliveries: 20, allowPrivateTargets: true });
    expect(c.alerts.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(variablesIn(configError({ ALERT_SECRET_KEY: 'short' }))).toEqual(['ALERT_SECRET_KEY']);
  });

  it('the test-only detection delay: inert by default, read outside production, refused in it', () => {
    expect(loadConfig({}).alerts.testDetectionDelayMs).toBe(0);
    expect(loadConfig({ ALERT_TEST_DETECTION_DELAY_MS: '60000' }).alerts.testDetectionDelayMs).toBe(60_000);
    const production = { NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key', ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij' };
    expect(loadConfig({ ...production, ALERT_TEST_DETECTION_DELAY_MS: '0' }).alerts.testDetectionDelayMs).toBe(0);
    expect(variablesIn(configError({ ...production, ALERT_TEST_DETECTION_DELAY_MS: '1' }))).toEqual(['ALERT_TEST_DETECTION_DELAY_MS']);
  });

  it('runs alert detection in its own thread by default, in-thread for tests unless they ask', () => {
    expect(loadConfig({}).alerts.detectionThread).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).alerts.detectionThread).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', ALERT_DETECTION_THREAD: 'true' }).alerts.detectionThread).toBe(true);
    expect(loadConfig({ ALERT_DETECTION_THREAD: 'false' }).alerts.detectionThread).toBe(false);
    expect(variablesIn(configError({ ALERT_DETECTION_THREAD: 'maybe' }))).toEqual(['ALERT_DETECTION_THREAD']);
  });

  it('batches alert detection for 2 s by default, at most 4 s (delivery starts within 5 s of a write)', () => {
    expect(loadConfig({}).alerts.detectionBatchMs).toBe(2_000);
    expect(loadConfig({ ALERT_DETECTION_BATCH_MS: '0' }).alerts.detectionBatchMs).toBe(0);
    expect(variablesIn(configError({ ALERT_DETECTION_BATCH_MS: '5000' }))).toEqual(['ALERT_DETECTION_BATCH_MS']);
    expect(variablesIn(configError({ ALERT_DETECTION_BATCH_MS: '-1' }))).toEqual(['ALERT_DETECTION_BATCH_MS']);
  });

  it('runs the embedded engine in worker threads by default, in-thread for tests or with SEARCH_WORKERS=0', () => {
    expect(loadConfig({}).search.workers).toBeGreaterThanOrEqual(1);
    expect(loadConfig({ NODE_ENV: 'test' }).search.workers).toBe(0);
    expect(loadConfig({ SEARCH_WORKERS: '0' }).search.workers).toBe(0);
    expect(variablesIn(configError({ SEARCH_WORKERS: '-1' }))).toEqual(['SEARCH_WORKERS']);
  });

  it('keeps an embedded-index snapshot per database under DATA_DIR unless told not to (never with Meilisearch)', () => {
    expect(loadConfig({ DATA_DIR: '/var/hm', MONGODB_DB: 'prod' }).search.snapshot).toEqual({ dir: '/var/hm/search-snapshot/prod', intervalMs: 600_000 });
    expect(loadConfig({ NODE_ENV: 'test' }).search.snapshot).toBeNull();
    expect(loadConfig({ SEARCH_SNAPSHOT: 'false' }).search.snapshot).toBeNull();
    expect(loadConfig({ MEILI_HOST: 'http://search:7700' }).search.snapshot).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', SEARCH_SNAPSHOT: 'true', SEARCH_SNAPSHOT_INTERVAL_MS: '5000' }).search.snapshot?.intervalMs).toBe(5000);
  });

  it('prefers the scoped MEILI_API_KEY over MEILI_MASTER_KEY, and says when only the master key is given', () => {
    expect(loadConfig({ MEILI_MASTER_KEY: 'master', MEILI_API_KEY: 'api' }).search).toMatchObject({ meiliKey: 'api', usingMeiliMasterKey: false });
    expect(loadConfig({ MEILI_MASTER_KEY: 'master' }).search).toMatchObject({ meiliKey: 'master', usingMeiliMasterKey: true });
  });

  it.each([
    [{}, 'demo'],
    [{ MONGODB_URI: 'mongodb://db:27017' }, 'catalog'],
    [{ SEED_ON_EMPTY: 'true' }, 'demo'],
    [{ SEED_ON_EMPTY: '1', MONGODB_URI: 'mongodb://db:27017' }, 'catalog'],
    [{ SEED_ON_EMPTY: 'false' }, 'none'],
    [{ SEED_ON_EMPTY: '0', MONGODB_URI: 'mongodb://db:27017' }, 'none'],
    [{ SEED: 'demo', MONGODB_URI: 'mongodb://db:27017' }, 'demo'],
    [{ SEED: 'catalog' }, 'catalog'],
    [{ SEED: 'none' }, 'none'],
    [{ SEED: 'catalog', SEED_ON_EMPTY: 'false' }, 'catalog'],
  ])('seed mode for %j is %s', (env, expected) => {
    expect(loadConfig(env as Record<string, string>).seed).toBe(expected);
  });

  it('rejects origins with a path or without a scheme', () => {
    expect(variablesIn(configError({ CORS_ORIGINS: 'https://ok.example.com,example.com' }))).toEqual(['CORS_ORIGINS']);
    expect(variablesIn(configError({ CORS_ORIGINS: 'https://ok.example.com/app' }))).toEqual(['CORS_ORIGINS']);
  });

  it.each<[string, unknown]>([
    ['true', true],
    ['false', false],
    ['0', 0],
    ['1', 1],
    [' 3 ', 3],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.2,loopback', ['10.0.0.0/8', '192.168.1.2', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('TRUST_PROXY=%s is %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).limits.trustProxy).toEqual(expected);
  });

  it.each(['yes', '10.0.0.1/33', '10.0.0.999', 'proxy.example.com', '1,', '-1', '::1/129'])('rejects TRUST_PROXY=%s', (value) => {
    const err = configError({ TRUST_PROXY: value });
    expect(variablesIn(err)).toEqual(['TRUST_PROXY']);
    expect(err.message).toContain('a hop count, or a comma list of IP addresses / CIDR ranges');
  });

  it('rejects bad hardening limits together', () => {
    const err = configError({ GRAPHQL_MAX_NODES: '0', GRAPHQL_MAX_ALIASES: '-1', GRAPHQL_LIST_ESTIMATE: 'many', RATE_LIMIT_COST_PER_TOKEN: '0', SHUTDOWN_GRACE_MS: '-5' });
    expect(variablesIn(err)).toEqual(['GRAPHQL_LIST_ESTIMATE', 'GRAPHQL_MAX_ALIASES', 'GRAPHQL_MAX_NODES', 'RATE_LIMIT_COST_PER_TOKEN', 'SHUTDOWN_GRACE_MS']);
  });

  it('lists every bad variable together in one ConfigError', () => {
    const err = configError({
      NODE_ENV: 'staging',
      PORT: 'eighty',
      LOG_LEVEL: 'verbose',
      MONGODB_URI: 'http://db:27017',
      MONGODB_DB: 'bad name!',
      MONGO_LOCAL_SERVER: 'docker',
      MEILI_HOST: 'not a url',
      ADMIN_API_KEY: 'short',
      SEED_ON_EMPTY: 'yes',
      SEED: 'everything',
      METRICS_TOKEN: 'short',
      OUTBOX_POLL_MS: '-5',
      MAX_BODY_BYTES: '0',
    });
    expect(variablesIn(err)).toEqual(
      [
        'NODE_ENV',
        'PORT',
        'LOG_LEVEL',
        'MONGODB_URI',
        'MONGODB_DB',
        'MONGO_LOCAL_SERVER',
        'MEILI_HOST',
        'ADMIN_API_KEY',
        'SEED_ON_EMPTY',
        'SEED',
        'METRICS_TOKEN',
        'OUTBOX_POLL_MS',
        'MAX_BODY_BYTES',
      ].sort(),
    );
    for (const name of ['PORT', 'MONGODB_URI', 'ADMIN_API_KEY']) expect(err.message).toContain(name);
    expect(err.problems.find((p) => p.startsWith('ADMIN_API_KEY'))).toContain('at least 12 characters');
    expect(err.problems.find((p) => p.startsWith('MONGODB_URI'))).toContain('mongodb://');
  });

  it.each(['65536', '-1', '3.5', 'abc'])('rejects PORT=%s', (port) => {
    expect(variablesIn(configError({ PORT: port }))).toEqual(['PORT']);
  });

  it('accepts mongodb+srv URIs and port 0 (any free port)', () => {
    const c = loadConfig({ MONGODB_URI: 'mongodb+srv://cluster.example.net', PORT: '0' });
    expect(c.mongo.uri).toBe('mongodb+srv://cluster.example.net');
    expect(c.http.port).toBe(0);
  });

  describe('production', () => {
    it('requires ADMIN_API_KEY', () => {
      const err = configError({ NODE_ENV: 'production', ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij' });
      expect(variablesIn(err)).toEqual(['ADMIN_API_KEY']);
      expect(err.message).toMatch(/ADMIN_API_KEY.*production/);
    });

    it('requires ALERT_SECRET_KEY (webhook secrets derive from it)', () => {
      const err = configError({ NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key' });
      expect(variablesIn(err)).toEqual(['ALERT_SECRET_KEY']);
    });

    it('requires a Meilisearch key when MEILI_HOST is set', () => {
      const err = configError({ NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key', ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij', MEILI_HOST: 'http://search:7700' });
      expect(err.message).toContain('MEILI_MASTER_KEY or MEILI_API_KEY');
    });

    it('reports a missing ADMIN_API_KEY together with other bad variables', () => {
      const err = configError({ NODE_ENV: 'production', PORT: 'eighty' });
      expect(variablesIn(err)).toEqual(['ADMIN_API_KEY', 'ALERT_SECRET_KEY', 'PORT']);
    });

    it('is fine with a key', () => {
      const c = loadConfig({ NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key', ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij' });
      expect(c.auth).toEqual({ adminApiKey: 'a-very-long-admin-key', usingDevAdminKey: false });
    });
  });

  describe('empty strings are treated as unset', () => {
    it('fall back to the defaults instead of failing validation', () => {
      const c = loadConfig({
        NODE_ENV: '',
        PORT: '',
        LOG_LEVEL: '',
        MONGODB_URI: '',
        MONGODB_DB: '',
        MEILI_HOST: '',
        MEILI_MASTER_KEY: '',
        ADMIN_API_KEY: '',
        SEED_ON_EMPTY: '',
        SEED: '',
        CORS_ORIGINS: '',
        MAX_BODY_BYTES: '',
      });
      expect(c).toEqual(loadConfig({}));
    });

    it('an empty ADMIN_API_KEY in production counts as missing', () => {
      expect(variablesIn(configError({ NODE_ENV: 'production', ADMIN_API_KEY: '', ALERT_SECRET_KEY: 'alert-secret-key-0123456789abcdefghij' }))).toEqual(['ADMIN_API_KEY']);
    });
  });
});
