import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql module instance for type-graphql, Apollo and the tests, or every
    // schema check fails with "Cannot use GraphQLSchema from another module or realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/reflect-metadata.ts'],
    globalSetup: ['tests/setup/global-mongo.ts', 'tests/setup/explorer-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: run files one or two at a time so the shared database server is not starved.
    maxWorkers: 2,
    // On CI also a JSON report, from which .ci/run prints a plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results/vitest.json' }]] : ['default'],
  },
});
