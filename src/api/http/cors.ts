// CORS for browser clients on other origins (CORS_ORIGINS). Only listed origins get CORS
// headers; with none listed (the default) no CORS headers are sent at all. Callers send their
// key in the Authorization header, never cookies, so credentials stay off. Apollo's CSRF
// prevention stays on independently: a listed origin still needs a JSON body or a preflight
// header for its requests.
import cors from 'cors';
import type { RequestHandler } from 'express';

export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];

export function corsMiddleware(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    // Readable by the page: the id to quote in a support request, and when to retry.
    exposedHeaders: ['x-request-id', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
}
