// The limits table: it covers every string and list in the schema's inputs, with the right
// kind, the README lists every number, and the service-side check names fields and limits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../../src/api/graphql/schema.js';
import { schemaInputPositions } from '../../src/api/graphql/input-limits.plugin.js';
import { ARGUMENT_LIMITS, INPUT_TYPE_LIMITS, LIMITS, enforceInputLimits, type Limit } from '../../src/shared/input-limits.js';
import { RAW_VARIABLE_BOUNDS, rawVariablesProblem } from '../../src/shared/raw-variable-bounds.js';
import { InputProblemsError } from '../../src/shared/validation.js';

function entryFor(key: string): Limit | undefined {
  const arg = /^(\w+\.\w+)\((\w+)\)$/.exec(key);
  if (arg) return ARGUMENT_LIMITS[arg[1]]?.[arg[2]];
  const [type, field] = key.split('.');
  return (INPUT_TYPE_LIMITS as Record<string, Record<string, Limit>>)[type]?.[field];
}

describe('input limits table', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('has an entry of the right kind for every string, list and input object the schema accepts', () => {
    const positions = schemaInputPositions(schema);
    expect(positions.length).toBeGreaterThan(50);
    const missing = positions.filter((p) => entryFor(p.key)?.kind !== p.kind).map((p) => `${p.key} (${p.kind})`);
    expect(missing).toEqual([]);
    for (const p of positions.filter((q) => q.kind === 'input')) {
      expect(entryFor(p.key), p.key).toEqual({ kind: 'input', type: p.type });
    }
  });

  it('names only types and fields that exist', () => {
    const keys = new Set(schemaInputPositions(schema).map((p) => p.key));
    for (const [type, fields] of Object.entries(INPUT_TYPE_LIMITS)) {
      for (const field of Object.keys(fields)) expect(keys.has(`${type}.${field}`), `${type}.${field}`).toBe(true);
    }
    for (const [field, args] of Object.entries(ARGUMENT_LIMITS)) {
      for (const arg of Object.keys(args)) expect(keys.has(`${field}(${arg})`), `${field}(${arg})`).toBe(true);
    }
  });

  it('is listed in the README, number by number', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Limits on input'));
    expect(section.length).toBeGreaterThan(100);
    for (const value of Object.values(LIMITS)) expect(section).toContain(value.toLocaleString('en-US'));
    for (const type of Object.keys(INPUT_TYPE_LIMITS)) expect(section, type).toContain(type);
  });
});

describe('enforceInputLimits (the services\' own check)', () => {
  function problems(fn: () => void): { field: string; problem: string }[] {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(InputProblemsError);
      return (err as InputProblemsError).problems;
    }
    return [];
  }

  it('names the field path and the limit, for strings, lists, items of lists and nested inputs', () => {
    const found = problems(() =>
      enforceInputLimits('CandidateInput', {
        name: 'n'.repeat(201),
        email: 'a@b.co',
        skills: ['ok', 's'.repeat(101)],
        experience: [{ title: 'ok', startDate: '2020-01-01' }, { title: 't'.repeat(201), startDate: '2020-01-01' }],
        qualifications: Array.from({ length: 101 }, () => ({ code: 'CMM' })),
      }),
    );
    expect(found).toEqual([
      { field: 'input.name', problem: 'at most 200 characters (got 201)' },
      { field: 'input.qualifications', problem: 'at most 100 entries (got 101)' },
      { field: 'input.experience[1].title', problem: 'at most 200 characters (got 201)' },
      { field: 'input.skills[1]', problem: 'at most 100 characters (got 101)' },
    ]);
  });

  it('accepts values exactly at the limits', () => {
    expect(
      problems(() =>
        enforceInputLimits('JobPostingInput', {
          title: 't'.repeat(LIMITS.name),
          description: 'd'.repeat(LIMITS.description),
          skills: Array.from({ length: LIMITS.skills }, (_, i) => `${i}`.padEnd(LIMITS.skill, 'x')),
          minDegree: { minLevel: 'BACHELOR', fields: Array.from({ length: LIMITS.degreeFields }, () => 'f') },
        }),
      ),
    ).toEqual([]);
  });

  it('does not look inside a list that is already too long', () => {
    const found = problems(() => enforceInputLimits('CandidateUpdateInput', { skills: Array.from({ length: 10_000 }, () => 'x'.repeat(1000)) }));
    expect(found).toEqual([{ field: 'input.skills', problem: 'at most 50 entries (got 10000)' }]);
  });
});

describe('rawVariablesProblem (coarse bounds before coercion)', () => {
  it('names the first list longer than its field allows, by variable path', () => {
    expect(rawVariablesProblem({ input: { experience: Array.from({ length: 4000 }, () => ({})) } })).toEqual({
      field: 'input.experience',
      problem: `at most ${LIMITS.experience} entries (got 4000)`,
    });
    // continuingEducation allows 500 (the longest list of all): 500 pass, 501 do not.
    const ce = (n: number) => ({ input: { qualifications: [{ code: 'CMM', continuingEducation: Array.from({ length: n }, () => 1) }] } });
    expect(rawVariablesProblem(ce(LIMITS.continuingEducation))).toBeNull();
    expect(rawVariablesProblem(ce(LIMITS.continuingEducation + 1))).toEqual({
      field: 'input.qualifications[0].continuingEducation',
      problem: `at most ${LIMITS.continuingEducation} entries (got 501)`,
    });
    // A variable's own name is the client's choice: it gets the longest limit, not a field's.
    const longest = RAW_VARIABLE_BOUNDS.maxItems;
    expect(longest).toBe(LIMITS.bulkItems);
    expect(rawVariablesProblem({ inputs: Array.from({ length: 1001 }, () => ({})) })).toEqual({ field: 'inputs', problem: 'at most 1000 entries (got 1001)' });
    expect(rawVariablesProblem({ inputs: Array.from({ length: 1000 }, () => ({})) })).toBeNull();
    expect(longest).toBeGreaterThanOrEqual(LIMITS.continuingEducation);
    expect(rawVariablesProblem({ skills: Array.from({ length: 400 }, () => 's') })).toBeNull();
    expect(rawVariablesProblem({ skills: Array.from({ length: longest + 1 }, () => 1) })?.problem).toBe(`at most ${longest} entries (got ${longest + 1})`);
  });

  it('refuses hostile nesting without overflowing the stack, and too many values in all', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(rawVariablesProblem({ v: deep })?.problem).toBe(`nested at most ${RAW_VARIABLE_BOUNDS.maxDepth} levels deep`);
    const wide = { a: Array.from({ length: 400 }, () => Array.from({ length: 300 }, () => 1)) };
    expect(rawVariablesProblem(wide)).toEqual({ field: 'variables', problem: `at most ${RAW_VARIABLE_BOUNDS.maxValues} values in all` });
  });

  it('lets every input within the exact limits through (the exact check follows)', () => {
    const full = {
      input: {
        experience: Array.from({ length: LIMITS.experience }, () => ({ title: 't', startDate: '2020-01-01', endDate: null, setting: 'HOSPITAL' })),
        qualifications: Array.from({ length: LIMITS.heldQualifications }, () => ({ code: 'C', earnedOn: null, expiresOn: null, state: 'TX' })),
        degrees: Array.from({ length: LIMITS.degrees }, () => ({ level: 'BACHELOR', field: 'f', institution: 'i', year: 2000 })),
        skills: Array.from({ length: LIMITS.skills }, () => 's'),
      },
    };
    expect(rawVariablesProblem(full)).toBeNull();
  });
});
