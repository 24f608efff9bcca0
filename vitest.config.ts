import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers (as in immich's unit / medium tests). `unit`: pure code (matching rules, the
// kernel, filter strings, config, pagination, seeds, the emitted schema, the Meilisearch
// adapter against its in-process stand-in) with no database, so
// `npx vitest run --project unit` takes seconds. `integration`: everything that needs the real
// MongoDB-protocol server started once by the global setup (services, GraphQL over HTTP,
// outbox, restarts). `npm test` runs both.
const UNIT = [
  'tests/matching/**/*.test.ts',
  'tests/search/kernel/**/*.test.ts',
  'tests/search/embedded/**/*.test.ts',
  'tests/search/meilisearch/meilisearch-filters*.test.ts',
  'tests/search/meilisearch/meilisearch-ranking.test.ts',
  'tests/search/meilisearch/meilisearch-fit-vectors.test.ts',
  'tests/search/meilisearch/meilisearch-settings-sync.test.ts',
  'tests/search/meilisearch/meilisearch.adapter.test.ts',
  'tests/config.test.ts',
  'tests/shared/pagination.test.ts',
  'tests/shared/coalescing-runner.test.ts',
  'tests/shared/mongo/page-record-cache.test.ts',
  'tests/shared/mongo/local-mongo.test.ts',
  'tests/schema/**/*.test.ts',
  'tests/seeds/**/*.test.ts',
  'tests/geo/**/*.test.ts',
  'tests/search/meilisearch/meilisearch-browse.test.ts',
  'tests/search/meilisearch/meilisearch-career.test.ts',
  'tests/env-example.test.ts',
  'tests/app/compose-file.test.ts',
  'tests/postings/json-ld/**/*.test.ts',
  'tests/salary/salary-percentile.test.ts',
  'tests/alerts/alert-index.test.ts',
  'tests/alerts/webhook-target.test.ts',
  'tests/search/index-sync/written-offers.test.ts',
];

export default defineConfig({
  resolve: {
    // One graphql module instance for type-graphql, Apollo and the tests, or every
    // schema check fails with "Cannot use GraphQLSchema from another module or realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    setupFiles: ['tests/setup/reflect-metadata.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: run files one or two at a time so the shared database server is not starved.
    maxWorkers: 2,
    // On CI also a JSON report, from which .ci/run prints a plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results/vitest.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT],
          globalSetup: ['tests/setup/global-mongo.ts', 'tests/setup/explorer-bundle.ts'],
        },
      },
    ],
  },
});
