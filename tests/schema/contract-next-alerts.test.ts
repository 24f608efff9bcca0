// The "alerts" block of contract-next.graphql: committed as schema/contract-next-alerts.graphql,
// checked against ../shared when that is present, and covered by the emitted schema.
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
const alerts = readFileSync(path.join(root, 'schema', 'contract-next-alerts.graphql'), 'utf8');

describe('contract-next: alerts', () => {
  it('is covered by the emitted schema (types, fields, arguments, defaults, enum values)', async () => {
    const emitted = buildSchema(await printAppSchema());
    // The block uses PostingFilter (base contract) and JSON-free types only.
    expect(contractGaps(`${base}\n${browse}\n${alerts}`, emitted)).toEqual([]);
  });

  it('has the Subscription root with alertEvents(alertId: ID): AlertEvent!', async () => {
    const emitted = buildSchema(await printAppSchema());
    const field = emitted.getSubscriptionType()?.getFields().alertEvents;
    expect(String(field?.type)).toBe('AlertEvent!');
    expect(field?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['alertId: ID']);
  });

  it('the check catches a field the schema lacks', () => {
    const block = contractBlocks(`# ====== alerts\ntype Alert { id: ID! extra: Int }\n`)[0];
    expect(contractGaps(`type Query { a: Int }\n${block.text}`, buildSchema('type Query { a: Int } type Alert { id: ID! }'))).toEqual([
      'missing field Alert.extra',
    ]);
  });

  const shared = path.join(root, '..', 'shared', 'contract-next.graphql');
  it.skipIf(!existsSync(shared))("the committed block is the product owner's current one", () => {
    const block = contractBlocks(readFileSync(shared, 'utf8')).find((b) => b.title.startsWith('alerts'));
    expect(block?.text).toBe(alerts);
  });
});
