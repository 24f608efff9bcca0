// The HTTP surface: GraphQL at /graphql and GET /health. Kept free of business rules.
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../../config.js';
import type { AppServices } from '../../app.services.js';
import type { Logger } from '../../shared/logger.js';
import { createFormatError } from '../graphql/format-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import type { HealthReport } from './health.js';
import { createQueryLimitsPlugin } from '../graphql/query-limits.js';
import { createAuditPlugin } from '../../audit/audit.plugin.js';
import { authenticateMiddleware, principalOf } from './authenticate.js';
import { rateLimitMiddleware, TokenBucketLimiter } from './rate-limit.js';

export interface HttpAppDeps {
  config: AppConfig;
  schema: GraphQLSchema;
  services: AppServices;
  logger: Logger;
  health(): Promise<HealthReport>;
}

export async function createHttpApp(deps: HttpAppDeps): Promise<{ httpServer: http.Server; apollo: ApolloServer<GraphQLContext> }> {
  const { config, logger } = deps;
  const production = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  if (config.limits.trustProxy) app.set('trust proxy', true);
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: it closes the HTTP server, the database and the local server.
    stopOnTerminationSignals: false,
    introspection: !production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: false }),
      createQueryLimitsPlugin(config.limits),
      createAuditPlugin(deps.services.audit, logger),
    ],
    // csrfPrevention stays at Apollo's default (on): GET and simple-content-type POSTs need a
    // preflight header, so a browser page on another site cannot trigger operations.
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const report = await deps.health();
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });

  const rate = { perMinute: config.limits.ratePerMinute, burst: config.limits.rateBurst };
  app.use(
    '/graphql',
    authenticateMiddleware(deps.services.auth),
    rateLimitMiddleware(new TokenBucketLimiter(rate), rate),
    express.json({ limit: config.http.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        principal: principalOf(req),
        loaders: createLoaders(deps.services),
      }),
    }),
  );

  // Anything else is not part of the API: a JSON 404 rather than Express's HTML page.
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  // Body parser errors (too large, malformed JSON) must not reach the client as stack traces.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status ?? 500;
    if (status >= 500) logger.error('HTTP error', err);
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    const message = status >= 500 ? 'Internal server error' : err.type === 'entity.too.large' ? 'Request body too large' : 'Malformed request';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  return { httpServer, apollo };
}
