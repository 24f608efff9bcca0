// The "feeds and data rights" block of contract-next.graphql: committed as
// schema/contract-next-feeds.graphql, checked against ../shared when that is present, and
// covered by the emitted schema like the base contract.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { emittedSchemaPath, printAppSchema } from '../../src/api/graphql/print-schema.js';
import { contractGaps } from './contract-coverage.js';
import { contractBlocks } from './contract-blocks.js';

const root = path.resolve(path.dirname(emittedSchemaPath()), '..');
const base = readFileSync(path.join(root, 'schema', 'contract.graphql'), 'utf8');
const feeds = readFileSync(path.join(root, 'schema', 'contract-next-feeds.graphql'), 'utf8');

describe('contract-next: feeds and data rights', () => {
  it('is covered by the emitted schema (types, fields, arguments, defaults, enum values)', async () => {
    const emitted = buildSchema(await printAppSchema());
    // The block uses the JSON scalar declared at the top of contract-next.graphql.
    expect(contractGaps(`${base}\nscalar JSON\n${feeds}`, emitted)).toEqual([]);
  });

  it('the JSON scalar is graphql-scalars\' GraphQLJSON (any JSON value)', async () => {
    const emitted = buildSchema(await printAppSchema());
    expect(emitted.getType('JSON')).toBeDefined();
    expect(String((emitted.getType('JobPosting') as GraphQLObjectType).getFields().jsonLd.type)).toBe('JSON!');
  });

  const shared = path.join(root, '..', 'shared', 'contract-next.graphql');
  it.skipIf(!existsSync(shared))("the committed block is the product owner's current one", () => {
    const block = contractBlocks(readFileSync(shared, 'utf8')).find((b) => b.title.startsWith('feeds and data rights'));
    expect(block?.text).toBe(feeds);
  });
});
