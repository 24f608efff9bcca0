// Generates fuzz requests from the schema itself: every root field of Query and Mutation, its
// arguments sent as variables whose values are drawn per GraphQL type from a mix of plausible
// and hostile values (huge strings and arrays, wrong types, unicode, MongoDB operators, deep
// nesting), plus a few hostile documents. Seeded: the same seed gives the same requests.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { Rng } from '../../seeds/prng.js';

export type FuzzKey = 'admin' | 'candidate' | 'anonymous';

export interface FuzzCase {
  /** Root field (or the kind of hostile document). */
  operation: string;
  mutation: boolean;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  key: FuzzKey;
}

/** Ids of records that exist, so some requests get past "not found" into the rules. */
export interface FuzzWorld {
  employerId: string;
  postingId: string;
  candidateId: string;
  otherCandidateId: string;
  apiKeyId: string;
  qualificationCodes: string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800', // a lone surrogate
  '\u202e\u202d',
  'Ä漢字🏥\u0301',
  '{"$gt":""}',
  '$where',
  "'; DROP TABLE postings; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%s%s%n',
  '9'.repeat(40),
  'a@' + '.'.repeat(3000) + '@',
];

const MONGO_OPERATORS: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, { $in: [] }];

export class FuzzGenerator {
  private readonly rng: Rng;
  /** Per case: how often a value is hostile or of the wrong type (0: plausible values only). */
  private hostility = 0;
  /** Inside a huge list or string already: no more huge values (the request must stay sendable). */
  private inHuge = false;
  private readonly roots: { field: GraphQLField<unknown, unknown>; mutation: boolean }[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly world: FuzzWorld,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ field, mutation: false }));
    const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ field, mutation: true }));
    this.roots = [...query, ...mutation];
  }

  /** The root fields covered, for the report. */
  operations(): string[] {
    return this.roots.map((r) => r.field.name);
  }

  /** Case i: every operation in turn (so each is covered), with a hostile document now and then. */
  next(i: number): FuzzCase {
    if (this.rng.chance(0.04)) return this.hostileDocument();
    const root = this.roots[i % this.roots.length];
    // Half the cases are plausible, so requests get past the checks into the rules behind them.
    this.hostility = this.rng.chance(0.5) ? 0 : this.rng.pick([0.1, 0.3, 0.6]);
    const key = this.rng.pick<FuzzKey>(['admin', 'admin', 'candidate', 'anonymous']);
    const variables: Record<string, unknown> = {};
    const decls: string[] = [];
    const args: string[] = [];
    for (const arg of root.field.args) {
      if (!isNonNullType(arg.type) && this.rng.chance(0.3)) continue;
      decls.push(`$${arg.name}: ${String(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
      const value = this.value(arg.type, arg.name, 0);
      if (value !== undefined) variables[arg.name] = value;
    }
    const kind = root.mutation ? 'mutation' : 'query';
    const selection = this.selection(root.field.type, 0);
    const query = `${kind} Fuzz${decls.length ? `(${decls.join(', ')})` : ''} { ${root.field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
    return { operation: root.field.name, mutation: root.mutation, query, variables, key };
  }

  /** A valid selection of a few fields, nested up to depth 2. */
  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named)) return ' { __typename }';
    const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const chosen = this.rng.sample(leaves, this.rng.int(1, Math.max(1, leaves.length))).map((f) => f.name);
    if (depth < 2) {
      for (const f of this.rng.sample(objects, this.rng.int(0, Math.min(2, objects.length)))) {
        chosen.push(`${f.name}${this.selection(f.type, depth + 1)}`);
      }
    }
    if (chosen.length === 0) chosen.push('__typename');
    return ` { ${chosen.join(' ')} }`;
  }

  /** A value for `type`: mostly the right type and plausible, often hostile, sometimes wrong. */
  private value(type: GraphQLInputType, name: string, depth: number): unknown {
    const h = this.hostility;
    const r = this.rng.float();
    if (r < 0.2 * h) return this.wrongType();
    if (r < 0.3 * h && !isNonNullType(type)) return null;
    const t = getNullableType(type);
    if (isListType(t)) {
      const huge = !this.inHuge && this.rng.chance(0.3 * h);
      const n = huge ? this.rng.pick([150, 1_000, 10_000]) : this.rng.int(0, 3);
      const outer = this.inHuge;
      this.inHuge = outer || huge;
      const item = this.value(t.ofType, name, depth + 1);
      // Huge arrays repeat one item: cheap to build, and what matters is the length.
      const out = Array.from({ length: n }, (_, i) => (huge || i === 0 ? item : this.value(t.ofType, name, depth + 1)));
      this.inHuge = outer;
      return out;
    }
    if (isInputObjectType(t)) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(t.getFields())) {
        if (!isNonNullType(field.type) && this.rng.chance(0.5)) continue;
        const v = this.value(field.type, field.name, depth + 1);
        if (v !== undefined) out[field.name] = v;
      }
      if (this.rng.chance(0.15 * h)) out.$where = 'sleep(1000)';
      return out;
    }
    if (isEnumType(t)) {
      return this.rng.chance(1 - 0.4 * h) ? this.rng.pick(t.getValues()).value : this.rng.pick(['NOPE', 'hospital', '', 'ADMIN ']);
    }
    switch (t.name) {
      case 'ID':
        return this.id(name);
      case 'String':
        return this.string(name);
      case 'Int':
        return this.rng.chance(h) ? this.rng.pick([0, 101, -1, 2 ** 31 - 1, -(2 ** 31), 1e6]) : this.rng.pick([1, 5, 20, 2015, 90_000, 150_000]);
      case 'Float':
        return this.rng.chance(h) ? this.rng.pick([61, -1, 1e308, Number.MIN_VALUE]) : this.rng.pick([0, 0.5, 3, 10]);
      case 'Boolean':
        return this.rng.chance(0.5);
      case 'LocalDate':
        return this.rng.chance(h)
          ? this.rng.pick(['1899-12-31', '2020-02-30', '2020-13-01', '20-1-1', 'yesterday', '0000-00-00'])
          : this.rng.pick(['2010-06-01', '2018-01-01', '2020-02-29', '2026-12-31']);
      default:
        return this.string(name);
    }
  }

  private id(name: string): unknown {
    const w = this.world;
    const known: Record<string, string[]> = {
      employerId: [w.employerId],
      postingId: [w.postingId],
      candidateId: [w.candidateId, w.otherCandidateId],
      id: [w.postingId, w.candidateId, w.employerId, w.apiKeyId],
    };
    if (this.rng.chance(1 - 0.6 * this.hostility)) return this.rng.pick(known[name] ?? known.id);
    return this.rng.pick(['0'.repeat(24), 'ffffffffffffffffffffffff', 'nope', '', 'x'.repeat(65), '{"$ne":null}', 'ZZZZZZZZZZZZZZZZZZZZZZZZ']);
  }

  private string(name: string): unknown {
    const r = this.rng.float();
    if (r < 0.3 * this.hostility) return 'x'.repeat(this.rng.pick(this.inHuge ? [201, 501] : [201, 5_001, 20_001, 100_000]));
    if (r < this.hostility) return this.rng.pick(HOSTILE_STRINGS);
    switch (name) {
      case 'email':
        return this.rng.pick([`fuzz.${this.rng.int(0, 1e9)}@example.org`, 'not-an-email', 'a@b', 'A@EXAMPLE.ORG ']);
      case 'state':
        return this.rng.pick(['TX', 'ca', ' ny ', 'XX', 'Texas']);
      case 'code':
        return this.rng.pick([...this.world.qualificationCodes, 'NOPE', 'cmm', 'A-B-C']);
      case 'after':
        return this.rng.pick(['eyJvIjoxfQ', 'eyJvIjotMX0', 'not a cursor', 'e30']);
      default:
        return this.rng.pick(['Practice manager', 'Billing', 'Nursing', 'Hillcrest', 'revenue cycle']);
    }
  }

  private wrongType(): unknown {
    return this.rng.pick<unknown>([...MONGO_OPERATORS, 42, true, [], [[[]]], 'string', { a: { b: { c: { d: {} } } } }]);
  }

  private hostileDocument(): FuzzCase {
    const kind = this.rng.int(0, 7);
    const key = this.rng.pick<FuzzKey>(['admin', 'anonymous']);
    const doc = (operation: string, query: string): FuzzCase => ({ operation: `document:${operation}`, mutation: false, query, variables: {}, key });
    switch (kind) {
      case 0: {
        const parts = ['query { ...F22 }', 'fragment F0 on Query { __typename }'];
        for (let i = 1; i <= 22; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
        return doc('fragment-bomb', parts.join('\n'));
      }
      case 1:
        return doc('aliases', `{ ${Array.from({ length: 1000 }, (_, i) => `m${i}: matchesForCandidate(candidateId: "${this.world.candidateId}", first: 1) { totalCount }`).join(' ')} }`);
      case 2:
        return doc('padding', `{ qualifications { ${'code '.repeat(12_000)} } }`);
      case 3:
        return doc('deep', `{ jobPosting(id: "${this.world.postingId}") ${'{ employer { postings '.repeat(8)}{ id }${' } }'.repeat(8)} }`);
      case 4:
        return doc('repeated-field', `{ ${'a: __typename '.repeat(3000)} }`);
      case 5: {
        const names = Array.from({ length: 60 }, (_, i) => `v${i}`);
        return {
          ...doc('bad-variables', `query(${names.map((n) => `$${n}: CareSetting!`).join(', ')}) { searchPostings(filter: {settings: [${names.map((n) => `$${n}`).join(', ')}]}) { totalCount } }`),
          variables: Object.fromEntries(names.map((n) => [n, 'NOPE'])),
        };
      }
      case 6:
        return { ...doc('unknown-operation', 'query A { __typename } mutation M { revokeApiKey(id: "x") { id } }'), operationName: 'B' };
      default:
        return doc('unclosed', `{ ${'{'.repeat(5000)}`);
    }
  }
}
