// Authorization rules in one place; services call these before doing anything.
import { DomainError } from '../shared/errors.js';
import type { Principal, Role } from './principal.js';

function unauthenticated(p: Principal): DomainError {
  const why = p.kind === 'anonymous' && p.invalidKey ? 'the API key is not valid' : 'an API key is required';
  return new DomainError('UNAUTHENTICATED', `Authentication required: ${why} (Authorization: Bearer <key>)`);
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for keys of other roles. */
export function requireRole(p: Principal, roles: readonly Role[], action: string): Extract<Principal, { kind: 'key' }> {
  if (p.kind !== 'key') throw unauthenticated(p);
  if (!roles.includes(p.role)) throw new DomainError('FORBIDDEN', `Not allowed: a ${p.role} key cannot ${action}`);
  return p;
}

export function requireAdmin(p: Principal, action: string): void {
  requireRole(p, ['ADMIN'], action);
}
