import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { emittedSchemaPath, printAppSchema } from '../../src/api/graphql/print-schema.js';
import { contractGaps } from './contract-coverage.js';

const root = path.resolve(path.dirname(emittedSchemaPath()), '..');
const committedContract = readFileSync(path.join(root, 'schema', 'contract.graphql'), 'utf8');

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(emittedSchemaPath(), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('covers every type, field, argument, default and enum value of the contract', async () => {
    const emitted = buildSchema(await printAppSchema());
    expect(contractGaps(committedContract, emitted)).toEqual([]);
  });

  it('the coverage check itself catches a missing field', () => {
    const emitted = buildSchema('type Query { a: Int }');
    expect(contractGaps('type Query { a: Int b: String }', emitted)).toEqual(['missing field Query.b']);
  });

  const shared = path.join(root, '..', 'shared', 'contract.graphql');
  it.skipIf(!existsSync(shared))('schema/contract.graphql is the product owner\'s current contract', () => {
    expect(committedContract).toBe(readFileSync(shared, 'utf8'));
  });
});
