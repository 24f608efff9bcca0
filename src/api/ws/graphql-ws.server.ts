// GraphQL over WebSocket (the graphql-ws protocol) on the HTTP server's /graphql path, for
// subscriptions only: queries and mutations keep to HTTP POST, where rate limits, cost
// analysis, input limits and the audit log apply. The caller authenticates in connection_init
// ({ "authorization": "Bearer <key>" }) through the same AuthService as HTTP; anonymous or
// invalid keys are refused with 4403, and a key may hold at most WS_MAX_CONNECTIONS_PER_KEY
// connections at once (4429 beyond that; per process, like the rate limit).
import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { AppServices } from '../../app.services.js';
import type { Principal } from '../../auth/principal.js';
import type { Logger } from '../../shared/logger.js';
import { createLoaders } from '../graphql/loaders.js';
import { createFormatError } from '../graphql/format-error.js';
import { collectLimitProblems, ARGUMENT_LIMITS } from '../../shared/input-limits.js';
import type { SubscriptionContext } from '../../alerts/alert.resolver.js';

/** A subscription document is a few lines; anything longer is refused before parsing. */
const MAX_DOCUMENT_LENGTH = 10_000;
export const WS_TOO_MANY_CONNECTIONS = 4429;

export interface GraphqlWsDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: AppServices;
  logger: Logger;
  maxConnectionsPerKey: number;
  production: boolean;
}

type Extra = { principal?: Principal; counted?: string };

export function attachGraphqlWs(deps: GraphqlWsDeps): { close(): Promise<void>; connections(): number } {
  const { services, logger } = deps;
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: 64 * 1024 });
  const perKey = new Map<string, number>();
  const formatError = createFormatError(logger, { hideSuggestions: deps.production });
  const bad = (message: string, code = 'BAD_REQUEST') => [new GraphQLError(message, { extensions: { code } })];

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: deps.schema,
      isProd: deps.production,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization;
        const principal = await services.auth.authenticate(typeof raw === 'string' ? raw : undefined).catch(() => null);
        if (!principal || principal.kind !== 'key') return false;
        const count = perKey.get(principal.keyId) ?? 0;
        if (count >= deps.maxConnectionsPerKey) {
          ctx.extra.socket.close(WS_TOO_MANY_CONNECTIONS, `At most ${deps.maxConnectionsPerKey} WebSocket connections per API key`);
          return false;
        }
        perKey.set(principal.keyId, count + 1);
        ctx.extra.principal = principal;
        ctx.extra.counted = principal.keyId;
        return true;
      },
      onClose: (ctx) => {
        const keyId = ctx.extra.counted;
        if (!keyId) return;
        ctx.extra.counted = undefined;
        const left = (perKey.get(keyId) ?? 1) - 1;
        if (left > 0) perKey.set(keyId, left);
        else perKey.delete(keyId);
      },
      onSubscribe: (ctx, _id, payload) => {
        if (typeof payload.query !== 'string' || payload.query.length > MAX_DOCUMENT_LENGTH) return bad(`The document must be at most ${MAX_DOCUMENT_LENGTH} characters`);
        let document;
        try {
          document = parse(payload.query, { maxTokens: 1_000 });
        } catch (err) {
          return bad((err as Error).message, 'GRAPHQL_PARSE_FAILED');
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return bad('No operation to run (name it with operationName)');
        if (operation.operation !== 'subscription') return bad('Only subscriptions are served over WebSocket; send queries and mutations as HTTP POST');
        const errors = validate(deps.schema, document);
        if (errors.length > 0) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const problems: { field: string; problem: string }[] = [];
        for (const [name, limit] of Object.entries(ARGUMENT_LIMITS['Subscription.alertEvents'])) {
          collectLimitProblems(payload.variables?.[name], limit, name, problems);
        }
        if (problems.length > 0) return bad(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), 'BAD_USER_INPUT');
        const contextValue: SubscriptionContext = { principal: ctx.extra.principal!, loaders: createLoaders(services), alerts: services.alerts };
        return { schema: deps.schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
    },
    wss,
  );

  return {
    connections: () => wss.clients.size,
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
