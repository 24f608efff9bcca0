// The "career and market intelligence" block of contract-next.graphql: committed verbatim as
// schema/contract-next-career.graphql, checked against ../shared when present, and covered by
// the emitted schema like the base contract: the whole block, nextSteps and talentSupply included.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { emittedSchemaPath, printAppSchema } from '../../src/api/graphql/print-schema.js';
import { contractGaps } from './contract-coverage.js';
import { contractBlocks } from './contract-blocks.js';

const root = path.resolve(path.dirname(emittedSchemaPath()), '..');
const base = readFileSync(path.join(root, 'schema', 'contract.graphql'), 'utf8');
const career = readFileSync(path.join(root, 'schema', 'contract-next-career.graphql'), 'utf8');

describe('contract-next: career and market intelligence', () => {
  it('is covered by the emitted schema (types, fields, arguments, defaults, enum values)', async () => {
    const emitted = buildSchema(await printAppSchema());
    expect(contractGaps(`${base}\n${career}`, emitted)).toEqual([]);
  });

  it('has matchesForCandidate(asOf: LocalDate), which the block states only in a comment', async () => {
    const emitted = buildSchema(await printAppSchema());
    const asOf = emitted.getQueryType()!.getFields().matchesForCandidate.args.find((a) => a.name === 'asOf');
    expect(String(asOf?.type)).toBe('LocalDate');
  });

  const shared = path.join(root, '..', 'shared', 'contract-next.graphql');
  it.skipIf(!existsSync(shared))("the committed block is the product owner's current one", () => {
    const block = contractBlocks(readFileSync(shared, 'utf8')).find((b) => b.title.startsWith('career and market intelligence'));
    expect(block?.text).toBe(career);
  });
});
