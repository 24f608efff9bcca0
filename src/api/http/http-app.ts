// The HTTP surface: GraphQL at /graphql, GET /health, GET /metrics and (outside production)
// the query explorer. Kept free of business rules.
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../../config.js';
import type { AppServices } from '../../app.services.js';
import type { Logger } from '../../shared/logger.js';
import { createFormatError, databaseUnavailableStatusPlugin } from '../graphql/format-error.js';
import { isDatabaseUnavailable } from '../../shared/mongo/database-unavailable.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import type { HealthReport } from './health.js';
import { parseOptionsFor, queryLimitsMiddleware } from '../graphql/query-limits.js';
import { createInputLimitsPlugin } from '../graphql/input-limits.plugin.js';
import { createOperationGuardPlugin } from '../graphql/operation-guard.plugin.js';
import { createAuditPlugin } from '../../audit/audit.plugin.js';
import { anonymous } from '../../auth/principal.js';
import { authenticateMiddleware, principalOf } from './authenticate.js';
import { costCharger, rateLimitMiddleware, TokenBucketLimiter } from './rate-limit.js';
import { RequestDrain } from './request-drain.js';
import { bindObservation, createObservationPlugin, requestLogMiddleware } from './request-log.js';
import type { AppMetrics } from './metrics.js';
import { corsMiddleware } from './cors.js';
import { explorerRouter } from './explorer.js';
import { jsonLdRoute } from './json-ld-route.js';
import type { ForegroundActivity } from '../../shared/foreground-activity.js';

export interface HttpAppDeps {
  config: AppConfig;
  schema: GraphQLSchema;
  services: AppServices;
  logger: Logger;
  metrics: AppMetrics;
  health(): Promise<HealthReport>;
  /** The requests in flight, shared with the alert detection thread. */
  foreground?: ForegroundActivity;
}

export interface HttpApp {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Shutdown, first step: new requests get 503 while running ones finish (up to graceMs). */
  drain: RequestDrain['drain'];
}

export async function createHttpApp(deps: HttpAppDeps): Promise<HttpApp> {
  const { config, logger } = deps;
  const production = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  // A hop count or a list of proxies: only what they appended to X-Forwarded-For is believed.
  if (config.limits.trustProxy !== false) app.set('trust proxy', config.limits.trustProxy);
  const httpServer = http.createServer(app);
  const requests = new RequestDrain(deps.foreground);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    formatError: createFormatError(logger, { hideSuggestions: production }),
    parseOptions: parseOptionsFor(config.limits),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: it closes the HTTP server, the database and the local server.
    stopOnTerminationSignals: false,
    introspection: !production,
    plugins: [
      // Requests had their grace period in drain() already; what still runs is cut soon after.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 1_000 }),
      // Apollo's landing page loads from a CDN; outside production explorer.ts serves GraphiQL.
      ApolloServerPluginLandingPageDisabled(),
      createObservationPlugin(),
      createOperationGuardPlugin(),
      createInputLimitsPlugin(),
      createAuditPlugin(deps.services.audit, logger),
      databaseUnavailableStatusPlugin,
    ],
    // csrfPrevention stays at Apollo's default (on): GET and simple-content-type POSTs need a
    // preflight header, so a browser page on another site cannot trigger operations.
  });
  await apollo.start();

  // First, so every response (errors, 404s, rate limits) carries x-request-id and is logged.
  app.use(requestLogMiddleware(logger, (r) => deps.metrics.observeRequest(r)));
  const cors = corsMiddleware(config.corsOrigins);
  if (cors) app.use(cors);
  app.get('/metrics', deps.metrics.handler(config.metricsToken));
  if (!production) {
    app.use(explorerRouter({ devAdminKey: config.auth.usingDevAdminKey ? config.auth.adminApiKey : undefined }));
  }

  // During shutdown: new requests get 503 (logged like any other), running ones finish.
  app.use(requests.middleware);

  // Status for everyone (load balancers); the details (servers, versions, data paths, queue
  // sizes) only for an admin key.
  app.get('/health', async (req, res) => {
    // A failing key lookup (database down) must not turn the health answer into an error.
    const principal = await deps.services.auth.authenticate(req.headers.authorization).catch(() => anonymous);
    const report = await deps.health();
    const full = principal.kind === 'key' && principal.role === 'ADMIN';
    res.status(report.status === 'down' ? 503 : 200).json(full ? report : { status: report.status });
  });

  const rate = { perMinute: config.limits.ratePerMinute, burst: config.limits.rateBurst };
  const limiter = new TokenBucketLimiter(rate);
  // For crawlers (Google for Jobs): an open posting as schema.org JSON-LD, rate-limited per IP.
  app.get('/jobs/:file', rateLimitMiddleware(limiter, rate), jsonLdRoute(deps.services.postingFeeds));
  app.use(
    '/graphql',
    authenticateMiddleware(deps.services.auth),
    rateLimitMiddleware(limiter, rate),
    express.json({ limit: config.http.maxBodyBytes }),
    queryLimitsMiddleware(deps.schema, config.limits, costCharger(limiter, { ...rate, costPerToken: config.limits.costPerToken })),
    expressMiddleware(apollo, {
      context: async ({ req }) => bindObservation({ principal: principalOf(req), loaders: createLoaders(deps.services) }, req),
    }),
  );

  // Anything else is not part of the API: a JSON 404 rather than Express's HTML page.
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  // Body parser errors (too large, malformed JSON) must not reach the client as stack traces.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // E.g. the API key look-up before GraphQL runs, while the database is down.
    if (isDatabaseUnavailable(err)) {
      res.status(503).json({ errors: [{ message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
      return;
    }
    const status = err.status ?? 500;
    if (status >= 500) logger.error('HTTP error', err);
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    const message = status >= 500 ? 'Internal server error' : err.type === 'entity.too.large' ? 'Request body too large' : 'Malformed request';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  return { httpServer, apollo, drain: (graceMs) => requests.drain(graceMs) };
}
