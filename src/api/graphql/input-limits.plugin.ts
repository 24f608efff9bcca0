// Checks every argument of the operation against the limits table (shared/input-limits.ts)
// after validation and before execution: nothing is read, written or validated for a request
// that carries a 10,000-entry list or a 900,000-character string, and the refusal is one
// BAD_USER_INPUT (HTTP 400) naming each field and its limit. Linear in the document plus the
// variables: fragments are visited once as definitions, not per spread.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ARGUMENT_LIMITS, FALLBACK_LIMITS, INPUT_TYPE_LIMITS, type Limit } from '../../shared/input-limits.js';
import type { FieldProblem } from '../../shared/validation.js';

const MAX_PROBLEMS = 20;

/** Schema-guided walk: the table gives the numbers, the schema where strings and lists are. */
function checkTyped(type: GraphQLInputType, value: unknown, limit: Limit | undefined, path: string, problems: FieldProblem[]): void {
  if (value === null || value === undefined || problems.length >= MAX_PROBLEMS) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    const l = limit?.kind === 'list' ? limit : FALLBACK_LIMITS.list;
    if (!Array.isArray(value)) return checkTyped(t.ofType, value, l.item, path, problems);
    if (value.length > l.maxItems) {
      problems.push({ field: path, problem: `at most ${l.maxItems} entries (got ${value.length})` });
      return;
    }
    // A bulk input: the service checks each item alone, so a bad item fails by itself.
    if (l.itemsCheckedAlone) return;
    value.forEach((v, i) => checkTyped(t.ofType, v, l.item, `${path}[${i}]`, problems));
    return;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== 'object') return;
    const table: Record<string, Limit> = (INPUT_TYPE_LIMITS as Partial<Record<string, Record<string, Limit>>>)[t.name] ?? {};
    for (const field of Object.values(t.getFields())) {
      checkTyped(field.type, (value as Record<string, unknown>)[field.name], table[field.name], `${path}.${field.name}`, problems);
    }
    return;
  }
  if (typeof value === 'string') {
    const max = limit?.kind === 'text' ? limit.maxLength : FALLBACK_LIMITS.text.maxLength;
    if (value.length > max) problems.push({ field: path, problem: `at most ${max} characters (got ${value.length})` });
  }
}

/** Every problem in the arguments of `operation` (and the fragments it may use). */
export function inputLimitProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): FieldProblem[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 50 });
  // Bad variables: execution refuses them (BAD_USER_INPUT) before any resolver runs.
  if (coerced.errors) return [];
  const variables = coerced.coerced;
  const problems: FieldProblem[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field(node) {
        if (!node.arguments?.length || problems.length >= MAX_PROBLEMS) return;
        const def = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!def || !parent) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(def, node, variables);
        } catch {
          return; // a fragment of another operation, with variables this one lacks
        }
        const limits = ARGUMENT_LIMITS[`${parent.name}.${def.name}`] ?? {};
        for (const arg of def.args) checkTyped(arg.type, values[arg.name], limits[arg.name], arg.name, problems);
      },
    }),
  );
  return problems;
}

export function inputLimitsError(problems: FieldProblem[]): GraphQLError {
  return new GraphQLError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
    extensions: { code: 'BAD_USER_INPUT', problems, http: { status: 400 } },
  });
}

export function createInputLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const problems = inputLimitProblems(schema, document, operation, request.variables);
          if (problems.length > 0) throw inputLimitsError(problems);
        },
      };
    },
  };
}

/** Names of the strings and lists in the schema's inputs, for the test that the table covers them all. */
export function schemaInputPositions(schema: GraphQLSchema): { key: string; kind: Limit['kind']; type?: string }[] {
  const out: { key: string; kind: Limit['kind']; type?: string }[] = [];
  const kindOf = (type: GraphQLInputType): { kind: Limit['kind']; type?: string } | null => {
    const t = getNullableType(type);
    if (isListType(t)) return { kind: 'list' };
    if (isInputObjectType(t)) return { kind: 'input', type: t.name };
    const named = getNamedType(t);
    return named.name === 'String' || named.name === 'ID' ? { kind: 'text' } : null;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        const k = kindOf(f.type);
        if (k) out.push({ key: `${type.name}.${f.name}`, ...k });
      }
    } else if ('getFields' in type && type.astNode?.kind !== Kind.INTERFACE_TYPE_DEFINITION) {
      for (const f of Object.values(type.getFields())) {
        for (const a of 'args' in f ? f.args : []) {
          const k = kindOf(a.type);
          if (k) out.push({ key: `${type.name}.${f.name}(${a.name})`, ...k });
        }
      }
    }
  }
  return out;
}
