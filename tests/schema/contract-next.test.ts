// The "browse and search" block of contract-next.graphql (the one built so far): committed as
// schema/contract-next-browse.graphql, checked against ../shared when that is present, and
// covered by the emitted schema like the base contract.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { emittedSchemaPath, printAppSchema } from '../../src/api/graphql/print-schema.js';
import { contractGaps } from './contract-coverage.js';
import { contractBlocks } from './contract-blocks.js';

const root = path.resolve(path.dirname(emittedSchemaPath()), '..');
const base = readFileSync(path.join(root, 'schema', 'contract.graphql'), 'utf8');
const browse = readFileSync(path.join(root, 'schema', 'contract-next-browse.graphql'), 'utf8');

describe('contract-next: browse and search', () => {
  it('is covered by the emitted schema (types, fields, arguments, defaults, enum values)', async () => {
    const emitted = buildSchema(await printAppSchema());
    expect(contractGaps(`${base}\n${browse}`, emitted)).toEqual([]);
  });

  it('has searchPostings(sort: PostingSort), which the block states only in a comment', async () => {
    const emitted = buildSchema(await printAppSchema());
    const sort = emitted.getQueryType()!.getFields().searchPostings.args.find((a) => a.name === 'sort');
    expect(String(sort?.type)).toBe('PostingSort');
  });

  it('the block splitter finds the blocks and the check catches a missing field', () => {
    const blocks = contractBlocks('# ====== a\ntype A { x: Int }\n# ====== b\ntype B { y: Int }\n');
    expect(blocks.map((b) => b.title)).toEqual(['a', 'b']);
    expect(contractGaps(`type Query { a: Int }\n${blocks[0].text}`, buildSchema('type Query { a: Int } type A { z: Int }'))).toEqual([
      'missing field A.x',
    ]);
  });

  const shared = path.join(root, '..', 'shared', 'contract-next.graphql');
  it.skipIf(!existsSync(shared))("the committed block is the product owner's current one", () => {
    const block = contractBlocks(readFileSync(shared, 'utf8')).find((b) => b.title.startsWith('browse and search'));
    expect(block?.text).toBe(browse);
  });
});
