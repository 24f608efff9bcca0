// The linear query analysis: figures through fragments without expanding them, aliases and
// nodes counted per spread, invalid documents tolerated, and refusals that fail closed.
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/api/graphql/schema.js';
import { analyzeQuery, DOCUMENT_COST, SEARCH_COST } from '../../../src/api/graphql/query-analysis.js';
import { checkQuery, type QueryLimits } from '../../../src/api/graphql/query-limits.js';

const LIMITS: QueryLimits = { maxDepth: 10, maxCost: 100_000, maxNodes: 2_000, maxAliases: 30, listEstimate: 100 };

/** `fragment F_i on Query { ...F_(i-1) ...F_(i-1) }`: 2^levels selections from a few hundred bytes. */
export function fragmentBomb(levels: number): string {
  const parts = ['query { ...F' + levels + ' }', 'fragment F0 on Query { __typename }'];
  for (let i = 1; i <= levels; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return parts.join('\n');
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GraphQLError ? String(err.extensions.code) : 'not a GraphQLError';
  }
  return undefined;
}

describe('analyzeQuery', () => {
  let schema: GraphQLSchema;
  const figures = (q: string, vars: Record<string, unknown> = {}, listEstimate = 100) =>
    analyzeQuery(schema, parse(q), undefined, vars, { listEstimate });
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('measures a fragment fan-out without expanding it: 2^40 selections are counted, not visited', () => {
    expect(figures(fragmentBomb(22)).nodes).toBe(2 ** 22);
    expect(figures(fragmentBomb(40)).nodes).toBe(2 ** 40);
    expect(fragmentBomb(22).length).toBeLessThan(1_100);
  });

  it('counts aliases through fragment spreads, and each aliased search at its fixed price', () => {
    const q = `query { ...A ...A } fragment A on Query { a: matchesForCandidate(candidateId: "x", first: 1) { totalCount } b: qualifications { code } }`;
    const f = figures(q);
    expect(f.aliases).toBe(4);
    expect(f.cost).toBe(2 * (SEARCH_COST + 1 * 1) + 2 * (1 + 100 * 1));
  });

  it('estimates a list without `first` by GRAPHQL_LIST_ESTIMATE, and nested lists multiply', () => {
    const chain = `{ jobPosting(id: "x") { employer { postings { employer { postings { id } } } } } }`;
    const at100 = figures(chain).cost;
    const at1000 = figures(chain, {}, 1000).cost;
    // 1 + read + employer (1 + read + postings (1 + n * (read + employer (1 + read + postings (1 + n * (read + 1))))))
    const expected = (n: number) => 1 + DOCUMENT_COST + 1 + DOCUMENT_COST + 1 + n * (DOCUMENT_COST + 1 + DOCUMENT_COST + 1 + n * (DOCUMENT_COST + 1));
    expect(at100).toBe(expected(100));
    expect(at1000).toBe(expected(1000));
  });

  it('follows `first` from literals, variables, variable defaults and the argument default', () => {
    const page = (arg: string, vars: Record<string, unknown> = {}, decl = '') =>
      figures(`query${decl} { searchPostings(${arg}) { edges { node { id } } } }`, vars).cost - SEARCH_COST;
    const perItem = 1 + 1 + DOCUMENT_COST + 1; // edges, node (read), id
    expect(page('first: 3')).toBe(3 * perItem);
    expect(page('first: $n', { n: 7 }, '($n: Int)')).toBe(7 * perItem);
    expect(page('first: $n', {}, '($n: Int = 9)')).toBe(9 * perItem);
    expect(page('query: "x"')).toBe(20 * perItem);
    expect(page('first: $n', { n: 'many' }, '($n: Int)')).toBe(100 * perItem);
    expect(page('first: 100000')).toBe(100 * perItem);
  });

  it('depth ignores introspection and counts through fragments and inline fragments', () => {
    expect(figures(`{ __schema { types { fields { type { ofType { name } } } } } }`).depth).toBe(0);
    expect(figures(`{ jobPosting(id: "x") { ... on JobPosting { employer { ...E } } } } fragment E on Employer { postings { id } }`).depth).toBe(3);
  });

  it('tolerates what validation refuses next: unknown fields, unknown fragments and cycles', () => {
    expect(figures(`{ nope { deeper { still } } }`)).toMatchObject({ nodes: 3, depth: 2 });
    expect(figures(`{ ...Missing }`).nodes).toBe(0);
    expect(figures(`{ ...A } fragment A on Query { ...B __typename } fragment B on Query { ...A }`).nodes).toBe(1);
  });

  it('counts unused fragments and other operations towards the size (they are parsed and validated too)', () => {
    const q = `query A { __typename } query B { qualifications { code name } } fragment U on Query { __typename }`;
    expect(analyzeQuery(schema, parse(q), 'A', {}, { listEstimate: 100 }).nodes).toBe(1 + 3 + 1);
    // Cost only for the operation that runs: A's __typename is free, B's list is not counted.
    expect(analyzeQuery(schema, parse(q), 'A', {}, { listEstimate: 100 }).cost).toBe(0);
    expect(analyzeQuery(schema, parse(q), 'B', {}, { listEstimate: 100 }).cost).toBe(1 + 100 * 2);
  });
});

describe('checkQuery (refusals, fail closed)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('refuses the fragment fan-out as too large', () => {
    expect(code(() => checkQuery(schema, fragmentBomb(22), undefined, {}, LIMITS))).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 1,000 aliases of a search, and 10 (by cost); 5 pass', () => {
    const aliases = (n: number) =>
      `query { ${Array.from({ length: n }, (_, i) => `m${i}: matchesForCandidate(candidateId: "x", first: 1) { totalCount }`).join(' ')} }`;
    expect(code(() => checkQuery(schema, aliases(1000), undefined, {}, LIMITS))).toBe('QUERY_TOO_COMPLEX');
    expect(() => checkQuery(schema, aliases(10), undefined, {}, LIMITS)).toThrow(/estimated cost 100010 exceeds/);
    expect(checkQuery(schema, aliases(5), undefined, {}, LIMITS)?.cost).toBe(5 * (SEARCH_COST + 1));
  });

  it('refuses a document padded past the node limit, and one with too many aliases', () => {
    const padded = `{ ${'__typename '.repeat(2_001)} }`;
    expect(() => checkQuery(schema, padded, undefined, {}, LIMITS)).toThrow(/2001 field selections .* exceed the limit of 2000/);
    const aliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(() => checkQuery(schema, aliased, undefined, {}, LIMITS)).toThrow(/31 exceed the limit of 30 \(GRAPHQL_MAX_ALIASES\)/);
  });

  it('an error while analysing refuses the query instead of letting it run', () => {
    const broken = new Proxy(schema, {
      get(target, prop, receiver) {
        if (prop === 'getRootType') return () => { throw new Error('estimator failure'); };
        return Reflect.get(target, prop, receiver);
      },
    });
    expect(() => checkQuery(broken, `{ qualifications { code } }`, undefined, {}, LIMITS)).toThrow(/could not be analysed, so it is refused: estimator failure/);
  });

  it('leaves syntax errors and over-long documents to the parser (Apollo answers them)', () => {
    expect(checkQuery(schema, `{ qualifications { `, undefined, {}, LIMITS)).toBeNull();
    expect(checkQuery(schema, `{ ${'__typename '.repeat(30_000)} }`, undefined, {}, LIMITS)).toBeNull();
  });
});

describe('maxMergedFields (what GraphQL validation compares pairwise)', () => {
  it('multiplies copies of object fields through nesting and fragments; leaves do not count', async () => {
    const { maxMergedFields } = await import('../../../src/api/graphql/query-analysis.js');
    const rep = (n: number, s: string) => Array.from({ length: n }, () => s).join(' ');
    expect(maxMergedFields(parse(`{ ${rep(3, `jobPosting(id: "x") { ${rep(3, 'employer { id }')} }`)} }`))).toEqual({ path: 'jobPosting.employer', count: 9 });
    expect(maxMergedFields(parse(`{ ...A ...B } fragment A on Query { a: jobPosting(id: "x") { id } } fragment B on Query { a: jobPosting(id: "y") { id } }`)).count).toBe(2);
    expect(maxMergedFields(parse(`{ ${rep(500, '__typename')} }`)).count).toBe(0);
  });

  it('checkQuery refuses three copies at each of six levels (1,821 selections), which took 0.34 s to validate', async () => {
    const schema = await createSchema();
    const rep = (n: number, s: string) => Array.from({ length: n }, () => s).join(' ');
    let inner = 'id';
    for (let l = 4; l >= 0; l--) inner = rep(3, `${l % 2 === 0 ? 'employer' : 'postings'} { ${inner} }`);
    const q = `{ ${rep(3, `jobPosting(id: "x") { ${inner} }`)} }`;
    expect(() => checkQuery(schema, q, undefined, {}, { ...LIMITS, maxCost: 1e15 })).toThrow(/selects "jobPosting.employer.postings.employer.postings.employer" 729 times/);
  });
});
