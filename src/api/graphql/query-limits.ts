// First refuses variables past the coarse bounds of shared/input-limits.ts (BAD_USER_INPUT),
// before anything parses or coerces them. Then refuses documents that are too large, too
// aliased, too deep or too expensive, with code
// QUERY_TOO_COMPLEX and HTTP 400, BEFORE Apollo parses and validates them: some of GraphQL's
// own validation rules cost more than linear time on huge or repetitive documents, so they
// only ever see documents that passed these cheap checks. The check fails closed: a document
// that cannot be analysed is refused. Runs as Express middleware after the body is parsed.
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, parse, type GraphQLSchema, type ParseOptions } from 'graphql';
import { analyzeQuery, maxMergedFields, type QueryFigures } from './query-analysis.js';
import { rawVariablesProblem } from '../../shared/raw-variable-bounds.js';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Field nodes merged into one response path (see maxMergedFields); real queries have 1-3. */
export const MAX_MERGED_FIELDS = 10;

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxNodes: number;
  maxAliases: number;
  /** Assumed length of a list field without `first` and without a known bound. */
  listEstimate: number;
}

/**
 * Parser limit for both this check and Apollo: parsing is linear in tokens, and a document
 * within the node limit needs far fewer than this many (a field with arguments is ~10 tokens).
 */
export function parseOptionsFor(limits: QueryLimits): ParseOptions {
  return { maxTokens: Math.max(1_000, limits.maxNodes * 10) };
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } } });
}

/**
 * The figures of `source` or a QUERY_TOO_COMPLEX error. null: not parseable (Apollo answers
 * with the syntax error, or the token limit, right after).
 */
export function checkQuery(
  schema: GraphQLSchema,
  source: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): QueryFigures | null {
  let document;
  try {
    document = parse(source, { ...parseOptionsFor(limits), noLocation: true });
  } catch {
    return null;
  }
  let f: QueryFigures;
  try {
    f = analyzeQuery(schema, document, operationName, variables, { listEstimate: limits.listEstimate });
  } catch (err) {
    throw tooComplex(`Query could not be analysed, so it is refused: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!(f.nodes <= limits.maxNodes)) {
    throw tooComplex(
      `Query is too large: ${f.nodes} field selections (each fragment spread counted in full) exceed the limit of ` +
        `${limits.maxNodes} (GRAPHQL_MAX_NODES)`,
    );
  }
  let repeated: { path: string; count: number };
  try {
    repeated = maxMergedFields(document);
  } catch (err) {
    throw tooComplex(`Query could not be analysed, so it is refused: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (repeated.count > MAX_MERGED_FIELDS) {
    throw tooComplex(
      `Query selects "${repeated.path}" ${repeated.count} times (copies of a field, counted through fragments and ` +
        `enclosing copies); at most ${MAX_MERGED_FIELDS} are allowed`,
    );
  }
  if (!(f.aliases <= limits.maxAliases)) {
    throw tooComplex(`Query has too many aliases: ${f.aliases} exceed the limit of ${limits.maxAliases} (GRAPHQL_MAX_ALIASES)`);
  }
  if (!(f.depth <= limits.maxDepth)) {
    throw tooComplex(`Query is too deep: at most ${limits.maxDepth} levels of nested fields are allowed (GRAPHQL_MAX_DEPTH)`);
  }
  if (!(f.cost <= limits.maxCost)) {
    throw tooComplex(
      `Query is too expensive: estimated cost ${f.cost} exceeds the limit of ${limits.maxCost} (GRAPHQL_MAX_COST); ` +
        'ask for fewer items (first) or fewer nested fields',
    );
  }
  return f;
}

interface GraphQLHttpParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** The operation as Apollo will read it: the JSON body of a POST, the query string of a GET. */
function requestParams(req: Request): { query: string; operationName?: string; variables?: Record<string, unknown> } | null {
  const raw: GraphQLHttpParams | undefined =
    req.method === 'GET' ? (req.query as GraphQLHttpParams) : (req.body as GraphQLHttpParams | undefined);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || typeof raw.query !== 'string') return null;
  let variables = raw.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      variables = undefined;
    }
  }
  return {
    query: raw.query,
    operationName: typeof raw.operationName === 'string' ? raw.operationName : undefined,
    variables: variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : undefined,
  };
}

/**
 * `charge(req, res, cost)` lets the rate limit weigh the request by its estimated cost; it
 * answers the request itself (429) and returns false when the caller is over the limit.
 */
export function queryLimitsMiddleware(
  schema: GraphQLSchema,
  limits: QueryLimits,
  charge: (req: Request, res: Response, cost: number) => boolean = () => true,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const params = requestParams(req);
    if (!params) return next();
    const tooBig = rawVariablesProblem(params.variables);
    if (tooBig) {
      const message = `${tooBig.field}: ${tooBig.problem}`;
      res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', problems: [tooBig] } }] });
      return;
    }
    let figures: QueryFigures | null;
    try {
      figures = checkQuery(schema, params.query, params.operationName, params.variables, limits);
    } catch (err) {
      const message = err instanceof GraphQLError ? err.message : 'Query could not be analysed, so it is refused';
      res.status(400).json({ errors: [{ message, extensions: { code: QUERY_TOO_COMPLEX } }] });
      return;
    }
    if (figures && !charge(req, res, figures.cost)) return;
    next();
  };
}
