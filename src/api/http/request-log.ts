// Per-request observation: an x-request-id in and out, one log line per request, and the
// figures /metrics counts. The GraphQL plugin below fills in what only Apollo knows (the
// operation's name and type, the error code); everything else is read here when the response
// is finished. Nothing personal is logged: no variables' values, no headers, no client IP.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.js';
import { logs, type LogFields, type Logger } from '../../shared/logger.js';
import { principalOf } from './authenticate.js';

export interface RequestObservation {
  requestId: string;
  startedAt: bigint;
  /** The operation's name once Apollo resolved it ("anonymous" when unnamed); a GraphQL call
   *  refused before that (parse, validation, rate limit) is logged as "unknown". */
  operationName?: string;
  operationType?: string;
  /** First error's extensions.code, when the response carried errors. */
  errorCode?: string;
  variableNames?: string[];
  /** Debug lines: when each GraphQL stage was reached, in ms since the request arrived. */
  stagesMs?: Record<string, number>;
}

export interface FinishedRequest {
  operation: string;
  outcome: string;
  durationSeconds: number;
  graphql: boolean;
}

/** A caller's id is kept when it is short and plain, so it can be logged and echoed safely. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

const observations = new WeakMap<Request, RequestObservation>();
// A symbol property rather than a WeakMap keyed by the context: Apollo hands plugins a shallow
// copy of the context object, which keeps own properties but not the object's identity.
const OBSERVATION = Symbol('request observation');
type ObservedContext = GraphQLContext & { [OBSERVATION]?: RequestObservation };

export function observationOf(req: Request): RequestObservation | undefined {
  return observations.get(req);
}

/** Links a GraphQL context to its request's observation, for the plugin below. */
export function bindObservation(context: GraphQLContext, req: Request): GraphQLContext {
  const observed: ObservedContext = context;
  observed[OBSERVATION] = observations.get(req);
  return observed;
}

export function requestLogMiddleware(logger: Logger, onFinish: (r: FinishedRequest) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    const obs: RequestObservation = { requestId, startedAt: process.hrtime.bigint() };
    observations.set(req, obs);
    res.setHeader('x-request-id', requestId);
    let logged = false;
    // 'finish' when the response went out; 'close' alone when the client went away first.
    const done = () => {
      if (logged) return;
      logged = true;
      const durationSeconds = Number(process.hrtime.bigint() - obs.startedAt) / 1e9;
      // Routers mounted on a path rewrite req.url while they run; originalUrl stays whole.
      const path = new URL(req.originalUrl, 'http://x').pathname;
      const graphql = isGraphQLCall(req, path);
      const outcome = !res.writableFinished ? 'aborted' : (obs.errorCode ?? (res.statusCode < 400 ? 'ok' : `HTTP_${res.statusCode}`));
      const operation = obs.operationName ?? (graphql ? 'unknown' : path);
      onFinish({ operation, outcome, durationSeconds, graphql });
      const principal = principalOf(req);
      const fields: LogFields = {
        requestId,
        method: req.method,
        path,
        operation,
        role: principal.kind === 'anonymous' ? 'ANONYMOUS' : principal.role,
        status: res.statusCode,
        outcome,
        durationMs: Math.round(durationSeconds * 10_000) / 10,
      };
      if (logs(logger, 'debug')) {
        Object.assign(fields, {
          keyId: principal.kind === 'key' ? principal.keyId : undefined,
          operationType: obs.operationType,
          variableNames: obs.variableNames,
          responseBytes: Number(res.getHeader('content-length') ?? 0) || undefined,
          stagesMs: obs.stagesMs,
        });
      }
      // GraphQL calls are the traffic an operator follows; health checks, scrapes and the
      // explorer's assets would drown them, so those are debug lines.
      if (graphql) logger.info('request', fields);
      else logger.debug('request', fields);
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}

/** POSTs and GETs with a query to /graphql; not preflights, not the explorer page. */
function isGraphQLCall(req: Request, path: string): boolean {
  return path === '/graphql' && (req.method === 'POST' || (req.method === 'GET' && req.query.query !== undefined));
}

/** Names become log fields and metric labels: only GraphQL names, of bounded length. */
function saneName(name: string | null | undefined): string | undefined {
  if (name == null) return undefined;
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid_name';
}

/** Fills the observation with the operation's name and type and the first error's code. */
export function createObservationPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const obs = (contextValue as ObservedContext)[OBSERVATION];
      if (!obs) return;
      obs.operationName = saneName(request.operationName);
      obs.variableNames = Object.keys(request.variables ?? {}).map((n) => saneName(n) ?? 'invalid_name').slice(0, 50);
      // Where a slow request's time went before, in and after its resolvers (body and context,
      // parse and validation, execution, the response); the rest up to durationMs is sending it
      // and the other plugins' work (the audit write).
      const stages: Record<string, number> = {};
      const mark = (stage: string) => (stages[stage] = Math.round(Number(process.hrtime.bigint() - obs.startedAt) / 1e5) / 10);
      mark('graphqlStart');
      obs.stagesMs = stages;
      return {
        async didResolveOperation({ operation, operationName }) {
          mark('validated');
          obs.operationType = operation?.operation;
          obs.operationName = saneName(operationName) ?? 'anonymous';
        },
        async executionDidStart() {
          mark('executionStart');
          return {
            async executionDidEnd() {
              mark('executionEnd');
            },
          };
        },
        async willSendResponse({ response }) {
          mark('responseReady');
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          if (errors?.length) obs.errorCode = typeof code === 'string' ? code : 'ERROR';
        },
      };
    },
  };
}
