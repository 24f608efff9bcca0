// Records every executed mutation in the audit log, in one place instead of in every service:
// the root mutation field's name, the caller, the record it touched and how it ended.
// Mutations refused before execution (syntax, validation, query limits, rate limit) never ran
// and are not recorded; everything a resolver saw, including FORBIDDEN and UNAUTHENTICATED, is.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import { DomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { AuditEvent, AuditService } from './audit.service.js';
import { ERASED_SUBJECT } from '../data-rights/candidate-data-holders.js';

function idField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  return typeof value.id === 'string' ? value.id : null;
}

/** The touched record: the `id` argument, else the returned object's (or issued key's) id. */
export function targetIdOf(args: Record<string, unknown>, result: unknown): string | null {
  if (typeof args.id === 'string') return args.id;
  const direct = idField(result);
  if (direct) return direct;
  if (typeof result === 'object' && result !== null && 'apiKey' in result) return idField(result.apiKey);
  return null;
}

function errorCodeOf(error: Error): string {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof DomainError) return original.code;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

export function createAuditPlugin(audit: AuditService, logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const events: AuditEvent[] = [];
      return {
        async executionDidStart({ operation }) {
          // Only mutations pay for per-field hooks. No operation (an unknown operationName) runs
          // nothing; the operation guard refuses it earlier, this is the second line.
          if (operation?.operation !== 'mutation') return;
          return {
            willResolveField({ info, args, contextValue }) {
              if (info.path.prev !== undefined) return;
              return (error, result) => {
                events.push({
                  actor: contextValue.principal,
                  operation: info.fieldName,
                  // Written after the erasure ran: it must not bring the erased id back.
                  targetId: info.fieldName === 'deleteCandidate' ? ERASED_SUBJECT : targetIdOf(args, result),
                  outcome: error ? 'FAILURE' : 'SUCCESS',
                  errorCode: error ? errorCodeOf(error) : null,
                });
              };
            },
          };
        },
        async willSendResponse() {
          // Awaited so the entry exists when the client sees the response. A failed audit
          // write is logged, not sent to the client: the mutation itself has already happened.
          await audit.record(events).catch((err: unknown) => logger.error('Audit log write failed', err));
        },
      };
    },
  };
}
