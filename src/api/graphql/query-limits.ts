// Refuses operations that are too deep or too expensive before anything executes, with
// code QUERY_TOO_COMPLEX, HTTP 400 and a message that states the limit. Both checks run in
// one plugin (didResolveOperation), after GraphQL validation, so the document is known to be
// valid and the variables are at hand for the cost estimate (`first: $n`).
import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, getNullableType, isListType, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** Assumed length of a list that has no `first` argument (catalog lists, employer.postings). */
const UNBOUNDED_LIST_SIZE = 5;

/**
 * Cost = 1 per field, times the page size for connections (`first`, capped at the page
 * maximum: larger values are refused by the service anyway), times a guessed length for
 * other lists. `edges` is the connection's page, already counted through `first`.
 * Introspection fields cost nothing: introspection is off in production.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const first: unknown = args.first;
  if (typeof first === 'number') return 1 + Math.min(Math.max(first, 0), MAX_PAGE_SIZE) * childComplexity;
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return 1 + UNBOUNDED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } } });
}

export function checkDepth(schema: GraphQLSchema, document: DocumentNode, maxDepth: number): void {
  // graphql-depth-limit reports through the validation context; it ignores introspection fields.
  const errors = validate(schema, document, [depthLimit(maxDepth)]);
  if (errors.length > 0) {
    throw tooComplex(`Query is too deep: at most ${maxDepth} levels of nested fields are allowed (GRAPHQL_MAX_DEPTH)`);
  }
}

export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxCost: number,
): void {
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
  } catch {
    // Bad variables: execution refuses them with BAD_USER_INPUT before any resolver runs.
    return;
  }
  if (cost > maxCost) {
    throw tooComplex(
      `Query is too expensive: estimated cost ${cost} exceeds the limit of ${maxCost} (GRAPHQL_MAX_COST); ` +
        'ask for fewer items (first) or fewer nested fields',
    );
  }
}

export function createQueryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          checkDepth(schema, document, limits.maxDepth);
          checkCost(schema, document, request.variables, request.operationName, limits.maxCost);
        },
      };
    },
  };
}
