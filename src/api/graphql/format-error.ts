// The single mapping from thrown errors to what a client sees. Domain errors keep their
// code and message; GraphQL's own validation errors pass through; everything else is
// INTERNAL_SERVER_ERROR with a masked message (the original is logged, never sent).
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../../shared/errors.js';
import { InputProblemsError } from '../../shared/validation.js';
import type { Logger } from '../../shared/logger.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../../shared/mongo/database-unavailable.js';

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
]);

/**
 * graphql-js stops coercing variables after 50 errors and adds one error without a code (and
 * without the variable's node, so Apollo does not mark it BAD_USER_INPUT): it is still the
 * client's input, not an internal failure. Matched on graphql 16's fixed wording.
 */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';

/** "… Did you mean "X"?" names schema members; production does not offer them to strangers. */
export function withoutSuggestions(message: string): string {
  const at = message.indexOf(' Did you mean ');
  return at >= 0 && message.endsWith('?') ? message.slice(0, at) : message;
}

export function createFormatError(logger: Logger, options: { hideSuggestions?: boolean } = {}) {
  const formatter = formatOne(logger);
  if (!options.hideSuggestions) return formatter;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = formatter(formatted, error);
    return { ...out, message: withoutSuggestions(out.message) };
  };
}

function formatOne(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // The database being down is the client's to retry, not an internal error.
    const original = isDatabaseUnavailable(unwrapped) ? databaseUnavailable() : unwrapped;
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original.field) extensions.field = original.field;
      if (original instanceof InputProblemsError) extensions.problems = original.problems;
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.flatMap((v) =>
        Object.values(v.constraints ?? {}).map((problem) => ({ field: v.property, problem })),
      );
      return {
        ...base,
        message: problems.map((p) => `${p.field}: ${p.problem}`).join('; ') || 'Invalid input',
        extensions: { code: 'BAD_USER_INPUT', problems },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      // Our own pre-execution refusals (input limits) list their problems like DomainErrors do.
      const problems = formatted.extensions?.problems;
      return { ...base, message: formatted.message, extensions: Array.isArray(problems) ? { code, problems } : { code } };
    }
    if (error instanceof GraphQLError && error.extensions.code === undefined && error.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    logger.error(`Unhandled error: ${formatted.message}`, original);
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** A response carrying DATABASE_UNAVAILABLE is sent with HTTP 503, so load balancers and clients retry. */
export const databaseUnavailableStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        if (errors?.some((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE')) response.http.status = 503;
      },
    };
  },
};
