// Resolves the caller once per request, before rate limiting (which is keyed by the caller)
// and before the GraphQL context (which carries the caller to every resolver).
import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '../../api-keys/authentication.service.js';
import { anonymous, type Principal } from '../../auth/principal.js';

const principals = new WeakMap<Request, Principal>();

export function principalOf(req: Request): Principal {
  return principals.get(req) ?? anonymous;
}

export function authenticateMiddleware(auth: AuthService) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    principals.set(req, await auth.authenticate(req.headers.authorization));
    next();
  };
}
