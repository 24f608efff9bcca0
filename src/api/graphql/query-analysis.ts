// Size, alias count, depth and estimated cost of a GraphQL document in ONE linear pass:
// every fragment is analysed once and its figures reused at each spread, so a 953-byte
// `fragment F_i { ...F_(i-1) ...F_(i-1) }` chain is measured (and refused) in microseconds,
// where expanding it (graphql-depth-limit, graphql-query-complexity) takes seconds.
// It runs on the parsed document BEFORE GraphQL validation, so it tolerates invalid documents:
// unknown fields cost 1 and have no type to descend into, unknown fragments and fragment cycles
// count 0 (validation refuses them right after).
import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';
import { LIMITS } from '../../shared/input-limits.js';

export interface QueryFigures {
  /** Field selections, counted through every fragment spread (what execution would visit per item). */
  nodes: number;
  /** Aliased fields, counted the same way. */
  aliases: number;
  /** Nesting depth: root fields are level 0; introspection fields are not counted. */
  depth: number;
  /** Estimated cost: see costOfField. */
  cost: number;
}

export interface CostModel {
  /** Assumed length of a list field that has neither `first` nor a known bound. */
  listEstimate: number;
}

// Cost is roughly microseconds of work on this service: a field resolved from data at hand
// is 1, an object read from MongoDB is DOCUMENT_COST more, a search or ranking is SEARCH_COST
// (1,000 aliased `matchesForCandidate(first: 1)` took 11.3 s on the seeded data: ~11 ms each).

/** Root fields that run a search or ranking: a fixed price on top of their page. */
export const SEARCH_COST = 10_000;
export const SEARCH_FIELDS = new Set([
  'Query.searchPostings',
  'Query.matchesForCandidate',
  'Query.candidatesForPosting',
  // One eligibility count per qualification due.
  'Query.renewalsDue',
  'Query.nextSteps',
  'Query.talentSupply',
]);

/** Object types read from MongoDB per item (the credential catalog is cached in memory). */
export const DOCUMENT_COST = 50;
export const DOCUMENT_TYPES = new Set(['JobPosting', 'Employer', 'Candidate', 'ApiKey', 'AuditEntry']);

/** Lists whose length the input limits bound (shared/input-limits.ts); others use listEstimate. */
export const LIST_BOUNDS: Record<string, number> = {
  'Candidate.degrees': LIMITS.degrees,
  'Candidate.experience': LIMITS.experience,
  'Candidate.skills': LIMITS.skills,
  'Candidate.qualifications': LIMITS.heldQualifications,
  // Not 500 (the per-holding limit) times the 100 holdings Candidate.qualifications assumes: a
  // candidate holds at most LIMITS.continuingEducationTotal entries over all its holdings
  // (candidate.validation.ts), 17 per holding on average over those 100, and the cost is a sum.
  'HeldQualification.continuingEducation': Math.ceil(LIMITS.continuingEducationTotal / LIMITS.heldQualifications),
  'Qualification.renewalByState': LIMITS.renewalByState,
  'Query.renewalsDue': LIMITS.heldQualifications,
  'JobPosting.skills': LIMITS.skills,
  'JobPosting.requiredQualifications': LIMITS.postingQualificationCodes,
  'JobPosting.preferredQualifications': LIMITS.postingQualificationCodes,
  'DegreeRequirement.fields': LIMITS.degreeFields,
  'MatchExplanation.matchedRequired': LIMITS.postingQualificationCodes,
  'MatchExplanation.matchedPreferred': LIMITS.postingQualificationCodes,
  // One entry per required qualification, plus the degree and experience rules.
  'MatchExplanation.missing': LIMITS.postingQualificationCodes + 2,
  // The service returns at most 100.
  'Query.parkedIndexUpdates': 100,
  // DROP and ANY_STATE per required qualification, three degree changes, the experience.
  'TalentSupply.relaxations': 2 * LIMITS.postingQualificationCodes + 4,
};

/** Keeps sums and products finite (no Infinity * 0 = NaN): far above any limit anyway. */
const CEILING = 1e15;
const cap = (n: number) => (n > CEILING ? CEILING : n);
const ZERO: QueryFigures = { nodes: 0, aliases: 0, depth: 0, cost: 0 };

export function analyzeQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  model: CostModel,
): QueryFigures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const memo = new Map<string, QueryFigures>();
  const inProgress = new Set<string>();
  const vars = variables ?? {};
  const defaults = new Map<string, number>();

  const fragmentFigures = (name: string): QueryFigures => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || inProgress.has(name)) return ZERO;
    inProgress.add(name);
    const type = schema.getType(def.typeCondition.name.value);
    const figures = selectionFigures(def.selectionSet, isCompositeType(type) ? type : undefined);
    inProgress.delete(name);
    memo.set(name, figures);
    return figures;
  };

  function selectionFigures(set: SelectionSetNode, parent: GraphQLCompositeType | undefined): QueryFigures {
    let nodes = 0;
    let aliases = 0;
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      let f: QueryFigures;
      if (sel.kind === Kind.FIELD) f = fieldFigures(sel, parent);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) f = fragmentFigures(sel.name.value);
      else {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        f = selectionFigures(sel.selectionSet, isCompositeType(type) ? type : undefined);
      }
      nodes = cap(nodes + f.nodes);
      aliases = cap(aliases + f.aliases);
      depth = Math.max(depth, f.depth);
      cost = cap(cost + f.cost);
    }
    return { nodes, aliases, depth, cost };
  }

  function fieldFigures(node: FieldNode, parent: GraphQLCompositeType | undefined): QueryFigures {
    const introspection = node.name.value.startsWith('__');
    const def = parent && 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    const childType = def ? getNamedType(def.type) : undefined;
    const children = node.selectionSet
      ? selectionFigures(node.selectionSet, isCompositeType(childType) ? childType : undefined)
      : ZERO;
    const self = { nodes: 1, aliases: node.alias ? 1 : 0 };
    if (introspection) {
      // Not counted in depth or cost (introspection is off in production), but in size.
      return { nodes: cap(self.nodes + children.nodes), aliases: cap(self.aliases + children.aliases), depth: 0, cost: 0 };
    }
    const key = parent && def ? `${parent.name}.${def.name}` : '';
    return {
      nodes: cap(self.nodes + children.nodes),
      aliases: cap(self.aliases + children.aliases),
      depth: node.selectionSet ? children.depth + 1 : 0,
      cost: costOfField(key, def, node, children.cost),
    };
  }

  /**
   * 1 per field (SEARCH_COST for searches), plus per item (DOCUMENT_COST for objects read from
   * MongoDB, plus the children's cost) times the number of items the field can return: `first`
   * (capped at the page maximum) for connections, the bound in LIST_BOUNDS or
   * model.listEstimate for other lists, 1 otherwise. `edges` is the connection's page, already
   * counted through `first`.
   */
  function costOfField(key: string, def: GraphQLField<unknown, unknown> | undefined, node: FieldNode, children: number): number {
    const base = SEARCH_FIELDS.has(key) ? SEARCH_COST : 1;
    const childCost = def && DOCUMENT_TYPES.has(getNamedType(def.type).name) ? cap(DOCUMENT_COST + children) : children;
    const firstArg = def?.args.find((a) => a.name === 'first');
    if (firstArg) {
      const given = node.arguments?.find((a) => a.name.value === 'first');
      const first = given ? intValue(given.value) : typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : MAX_PAGE_SIZE;
      return cap(base + Math.min(Math.max(first, 0), MAX_PAGE_SIZE) * childCost);
    }
    if (def && isListType(getNullableType(def.type)) && def.name !== 'edges') {
      return cap(base + (LIST_BOUNDS[key] ?? model.listEstimate) * childCost);
    }
    return cap(base + childCost);
  }

  /** A literal or a variable's value; anything else (bad or missing): the page maximum. */
  function intValue(value: ValueNode): number {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const v = vars[value.name.value];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      const d = defaults.get(value.name.value);
      if (d !== undefined) return d;
    }
    return MAX_PAGE_SIZE;
  }

  const chosen = operationName ? operations.filter((o) => o.name?.value === operationName) : operations;
  // Unknown or ambiguous operation: measure them all (GraphQL refuses it right after); fail closed.
  const executed = new Set(chosen.length > 0 ? chosen : operations);
  for (const o of executed) {
    for (const v of o.variableDefinitions ?? []) {
      if (!(v.variable.name.value in vars) && v.defaultValue?.kind === Kind.INT) defaults.set(v.variable.name.value, Number(v.defaultValue.value));
    }
  }
  let nodes = 0;
  let aliases = 0;
  let depth = 0;
  let cost = 0;
  for (const o of operations) {
    const f = selectionFigures(o.selectionSet, schema.getRootType(o.operation) ?? undefined);
    // Every operation and fragment is parsed and validated, so all count towards the size.
    nodes = cap(nodes + f.nodes);
    if (!executed.has(o)) continue;
    aliases = Math.max(aliases, f.aliases);
    depth = Math.max(depth, f.depth);
    cost = Math.max(cost, f.cost);
  }
  for (const name of fragments.keys()) if (!memo.has(name)) nodes = cap(nodes + fragmentFigures(name).nodes);
  return { nodes, aliases, depth, cost };
}

/**
 * The most object-field nodes GraphQL merges into one response path: fields with the same response
 * name in one selection set (through inline fragments and spreads) merge, and so do their
 * sub-fields, so two copies of a field each holding two copies of a sub-field make four. Its
 * "fields can be merged" validation rule compares merged fields pairwise, recursively: three
 * copies at each of six levels (1,821 selections) took 0.34 s to validate. Run it only on
 * documents within the node limit: every expanded field node is visited once.
 */
export function maxMergedFields(document: DocumentNode): { path: string; count: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let worst = { path: '', count: 0 };
  /** Adds the fields of `set` (flattened through fragments) to `groups`, by response name. */
  const collect = (set: SelectionSetNode, groups: Map<string, FieldNode[]>, path: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.alias?.value ?? sel.name.value;
        const group = groups.get(name);
        if (group) group.push(sel);
        else groups.set(name, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        collect(sel.selectionSet, groups, path);
      } else {
        const def = fragments.get(sel.name.value);
        if (!def || path.has(def.name.value)) continue; // unknown or cyclic: validation refuses it
        path.add(def.name.value);
        collect(def.selectionSet, groups, path);
        path.delete(def.name.value);
      }
    }
  };
  const visitGroups = (groups: Map<string, FieldNode[]>, prefix: string) => {
    for (const [name, fields] of groups) {
      const here = prefix ? `${prefix}.${name}` : name;
      const children = new Map<string, FieldNode[]>();
      for (const f of fields) if (f.selectionSet) collect(f.selectionSet, children, new Set());
      // Copies of a leaf compare cheaply (2,000 `__typename` validate in ~5 ms); copies of an
      // object field compare their sub-fields, which is what multiplies.
      if (children.size > 0 && fields.length > worst.count) worst = { path: here, count: fields.length };
      if (children.size > 0) visitGroups(children, here);
    }
  };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const roots = new Map<string, FieldNode[]>();
    collect(def.selectionSet, roots, new Set());
    visitGroups(roots, '');
  }
  return worst;
}
