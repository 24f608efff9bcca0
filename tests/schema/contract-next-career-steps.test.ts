// The part of the "career and market intelligence" block of contract-next.graphql that the
// career-engine work builds: nextSteps and talentSupply with their types (the rest of the block,
// renewals, asOf and salary benchmarks, comes with its own test). The subset is copied verbatim;
// the last test checks it still is, against ../shared when that is present.
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

/** Definitions copied from the block, and the lines of its `extend type Query` for these two fields. */
const DEFINITIONS = [
  `enum StepKind { QUALIFICATION DEGREE EXPERIENCE }`,
  `type CareerStep {
  kind: StepKind!
  code: String                   # QUALIFICATION: the code
  state: String                  # QUALIFICATION, state-specific: granted in this state
  degreeLevel: DegreeLevel       # DEGREE
  degreeField: String            # DEGREE: null means a degree in any field
  years: Float                   # EXPERIENCE: additional years needed
  unlocks: Int!                  # open postings it makes eligible (after filter)
  medianSalary: Int              # median salaryCeiling of those postings, null if none has one
  detail: String!                # "Earn CMM: 14 more postings", "NHA licence in TX: 6 more postings"
}`,
  `enum RelaxationChange { DROP ANY_STATE ANY_FIELD ONE_LEVEL_LOWER }`,
  `type Relaxation {
  kind: RequirementKind!
  code: String                   # QUALIFICATION
  change: RelaxationChange!
  addedCandidates: Int!          # discoverable candidates eligible after it, minus those eligible now
  detail: String!                # "Accept CMM as preferred instead of required: +37 candidates"
}`,
  `type TalentSupply { eligible: Int! relaxations: [Relaxation!]! }`,
];
const QUERY_FIELDS = [
  '  nextSteps(candidateId: ID!, filter: PostingFilter, first: Int = 5): [CareerStep!]!',
  '  talentSupply(postingId: ID!): TalentSupply!',
];
const SUBSET = `${DEFINITIONS.join('\n\n')}\n\nextend type Query {\n${QUERY_FIELDS.join('\n')}\n}\n`;

describe('contract-next: career steps and talent supply', () => {
  it('is covered by the emitted schema (types, fields, arguments, defaults, enum values)', async () => {
    const emitted = buildSchema(await printAppSchema());
    expect(contractGaps(`${base}\n${browse}\n${SUBSET}`, emitted)).toEqual([]);
  });

  it('would catch a missing field of the subset', () => {
    const without = SUBSET.replace(/\n {2}medianSalary: Int[^\n]*/, '');
    expect(contractGaps(`${base}\n${browse}\n${SUBSET}`, buildSchema(`${base}\n${browse}\n${without}`))).toEqual([
      'missing field CareerStep.medianSalary',
    ]);
  });

  const shared = path.join(root, '..', 'shared', 'contract-next.graphql');
  it.skipIf(!existsSync(shared))("the subset is verbatim from the product owner's current block", () => {
    const block = contractBlocks(readFileSync(shared, 'utf8')).find((b) => b.title.startsWith('career and market intelligence'));
    expect(block).toBeDefined();
    for (const d of DEFINITIONS) expect(block!.text).toContain(d);
    for (const line of QUERY_FIELDS) expect(block!.text.split('\n')).toContain(line);
  });
});
