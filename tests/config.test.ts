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
  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 4000, maxBodyBytes: 1_000_000 },
      logLevel: 'info',
      mongo: { uri: undefined, dbName: 'healthmatch', localServer: 'auto', ferretdbBinary: undefined },
      search: { meiliHost: undefined, meiliKey: undefined, indexPrefix: 'healthmatch', outboxPollMs: 1000 },
      seedOnEmpty: true,
      limits: { maxDepth: 10, maxCost: 10_000, ratePerMinute: 600, rateBurst: 100, trustProxy: false },
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
      MEILI_HOST: 'http://search:7700',
      MEILI_API_KEY: 'meili-key',
      MEILI_INDEX_PREFIX: 'hm',
      ADMIN_API_KEY: 'a-very-long-admin-key',
      SEED_ON_EMPTY: 'false',
      OUTBOX_POLL_MS: '250',
      INDEX_BATCH_SIZE: '1500',
      REINDEX_BATCH_SIZE: '4000',
      MEILI_RANK_WINDOW: '800',
      MAX_BODY_BYTES: '2048',
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_COST: '500',
      RATE_LIMIT_PER_MINUTE: '60',
      RATE_LIMIT_BURST: '5',
      TRUST_PROXY: 'true',
    });
    expect(c).toEqual({
      env: 'production',
      http: { host: '0.0.0.0', port: 8080, maxBodyBytes: 2048 },
      logLevel: 'warn',
      mongo: { uri: 'mongodb://db:27017', dbName: 'hm_prod', localServer: 'ferretdb', ferretdbBinary: '/opt/ferretdb', dataDir: '/var/lib/hm' },
      search: {
        meiliHost: 'http://search:7700',
        meiliKey: 'meili-key',
        indexPrefix: 'hm',
        outboxPollMs: 250,
        indexBatchSize: 1500,
        reindexBatchSize: 4000,
        rankWindow: 800,
      },
      auth: { adminApiKey: 'a-very-long-admin-key', usingDevAdminKey: false },
      seedOnEmpty: false,
      limits: { maxDepth: 7, maxCost: 500, ratePerMinute: 60, rateBurst: 5, trustProxy: true },
    });
  });

  it('prefers MEILI_MASTER_KEY over MEILI_API_KEY', () => {
    expect(loadConfig({ MEILI_MASTER_KEY: 'master', MEILI_API_KEY: 'api' }).search.meiliKey).toBe('master');
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('SEED_ON_EMPTY=%s is %s', (value, expected) => {
    expect(loadConfig({ SEED_ON_EMPTY: value }).seedOnEmpty).toBe(expected);
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
      const err = configError({ NODE_ENV: 'production' });
      expect(variablesIn(err)).toEqual(['ADMIN_API_KEY']);
      expect(err.message).toMatch(/ADMIN_API_KEY.*production/);
    });

    it('requires a Meilisearch key when MEILI_HOST is set', () => {
      const err = configError({ NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key', MEILI_HOST: 'http://search:7700' });
      expect(err.message).toContain('MEILI_MASTER_KEY or MEILI_API_KEY');
    });

    it('reports a missing ADMIN_API_KEY together with other bad variables', () => {
      const err = configError({ NODE_ENV: 'production', PORT: 'eighty' });
      expect(variablesIn(err)).toEqual(['ADMIN_API_KEY', 'PORT']);
    });

    it('is fine with a key', () => {
      const c = loadConfig({ NODE_ENV: 'production', ADMIN_API_KEY: 'a-very-long-admin-key' });
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
        MAX_BODY_BYTES: '',
      });
      expect(c).toEqual(loadConfig({}));
    });

    it('an empty ADMIN_API_KEY in production counts as missing', () => {
      expect(variablesIn(configError({ NODE_ENV: 'production', ADMIN_API_KEY: '' }))).toEqual(['ADMIN_API_KEY']);
    });
  });
});
