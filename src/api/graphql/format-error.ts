// The single mapping from thrown errors to what a client sees. Domain errors keep their
// code and message; GraphQL's own validation errors pass through; everything else is
// INTERNAL_SERVER_ERROR with a masked message (the original is logged, never sent).
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../../shared/errors.js';
import { InputProblemsError } from '../../shared/validation.js';
import type { Logger } from '../../shared/logger.js';

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

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
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
      return { ...base, message: formatted.message, extensions: { code } };
    }
    logger.error(`Unhandled error: ${formatted.message}`, original);
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
