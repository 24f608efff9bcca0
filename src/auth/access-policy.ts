// Authorization rules in one place; services call these before doing anything, and again
// once they have loaded the record a rule depends on (a posting's employer, a candidate's
// `discoverable`). Anonymous callers get UNAUTHENTICATED, keys of the wrong role or owner
// FORBIDDEN. The role x operation table is in README.md ("Roles, API keys and limits").
import { DomainError } from '../shared/errors.js';
import type { Principal, Role } from './principal.js';

export type KeyPrincipal = Extract<Principal, { kind: 'key' }>;

function unauthenticated(p: Principal): DomainError {
  const why =
    p.kind !== 'anonymous' || !p.invalidKey
      ? 'an API key is required'
      : p.revokedKey
        ? 'the API key is not valid: it has been revoked'
        : 'the API key is not valid';
  return new DomainError('UNAUTHENTICATED', `Authentication required: ${why} (Authorization: Bearer <key>)`);
}

function forbidden(p: KeyPrincipal, action: string, why?: string): DomainError {
  return new DomainError('FORBIDDEN', `Not allowed: a ${p.role} key cannot ${action}${why ? ` (${why})` : ''}`);
}

/** Ids arrive from clients in any hex case; ownership compares them canonically. */
function sameId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for keys of other roles. */
export function requireRole(p: Principal, roles: readonly Role[], action: string): KeyPrincipal {
  if (p.kind !== 'key') throw unauthenticated(p);
  if (!roles.includes(p.role)) throw forbidden(p, action);
  return p;
}

export function requireAdmin(p: Principal, action: string): void {
  requireRole(p, ['ADMIN'], action);
}

// ------------------------------------------------------------------ postings

/** Admins manage every posting; a recruiter only those of the employer its key is bound to. */
export function canManagePosting(p: Principal, posting: { employerId: { toHexString(): string } | string }): boolean {
  if (p.kind !== 'key') return false;
  if (p.role === 'ADMIN') return true;
  const employerId = typeof posting.employerId === 'string' ? posting.employerId : posting.employerId.toHexString();
  return p.role === 'RECRUITER' && sameId(p.employerId, employerId);
}

/** Before loading anything: only admins and recruiters may write postings at all. */
export function assertMayManagePostings(p: Principal, action: string): void {
  requireRole(p, ['ADMIN', 'RECRUITER'], action);
}

/** After loading the posting (or reading the employer id of a new one): ownership. */
export function assertCanManagePosting(
  p: Principal,
  posting: { employerId: { toHexString(): string } | string },
  action: string,
): void {
  const key = requireRole(p, ['ADMIN', 'RECRUITER'], action);
  if (!canManagePosting(key, posting)) throw forbidden(key, action, 'the posting belongs to another employer');
}

/** candidatesForPosting: admins, and recruiters for their own employer's postings. */
export function assertCanRankCandidatesFor(p: Principal, posting: { employerId: { toHexString(): string } }): void {
  assertCanManagePosting(p, posting, 'rank candidates for this posting');
}

// ------------------------------------------------------------------ candidates

function isCandidateSelf(p: Principal, candidateId: string): boolean {
  return p.kind === 'key' && p.role === 'CANDIDATE' && sameId(p.candidateId, candidateId);
}

/**
 * candidate(id): admins and the candidate themself. Checked on the id alone, before any
 * lookup, so a candidate key cannot even learn whether another candidate id exists.
 */
export function assertCanReadCandidate(p: Principal, candidateId: string): void {
  const key = requireRole(p, ['ADMIN', 'CANDIDATE'], 'read candidate profiles');
  if (key.role !== 'ADMIN' && !isCandidateSelf(key, candidateId)) {
    throw forbidden(key, 'read another candidate\'s profile');
  }
}

/** updateCandidate: admins and the candidate themself (including `discoverable`). */
export function assertCanUpdateCandidate(p: Principal, candidateId: string): void {
  const key = requireRole(p, ['ADMIN', 'CANDIDATE'], 'update candidate profiles');
  if (key.role !== 'ADMIN' && !isCandidateSelf(key, candidateId)) {
    throw forbidden(key, 'update another candidate\'s profile');
  }
}

/** deleteCandidate, exportCandidateData: the candidate's own key and admins (checked on the id alone). */
export function assertCanManageCandidateData(p: Principal, candidateId: string, action: string): void {
  const key = requireRole(p, ['ADMIN', 'CANDIDATE'], action);
  if (key.role !== 'ADMIN' && !isCandidateSelf(key, candidateId)) {
    throw forbidden(key, `${action} of another candidate`);
  }
}

/** searchCandidates: recruiters, job boards and admins (discoverable candidates only, for all). */
export function assertMaySearchCandidates(p: Principal): void {
  requireRole(p, ['ADMIN', 'RECRUITER', 'JOB_BOARD'], 'search candidates');
}

/** candidates (the full list, discoverable or not): admins only. */
export function assertMayListCandidates(p: Principal): void {
  requireRole(p, ['ADMIN'], 'list every candidate');
}

/**
 * jobPostings (any status): admins for any employer; a recruiter only for its own employer,
 * which is also what it gets without employerId. Returns the employer to list (null: all).
 */
export function postingListScope(p: Principal, employerId: string | null): string | null {
  const key = requireRole(p, ['ADMIN', 'RECRUITER'], 'list job postings of any status');
  if (key.role === 'ADMIN') return employerId;
  if (!key.employerId) throw forbidden(key, 'list job postings', 'the key is bound to no employer');
  if (employerId !== null && !sameId(key.employerId, employerId)) {
    throw forbidden(key, 'list job postings of this employer', 'the key belongs to another employer');
  }
  return key.employerId;
}

/** Emails are personal data: only admins and the candidate themself may read them. */
export function canSeeCandidateEmail(p: Principal, candidateId: string): boolean {
  return (p.kind === 'key' && p.role === 'ADMIN') || isCandidateSelf(p, candidateId);
}

// ------------------------------------------------------------------ matching

/** matchesForCandidate, before the lookup: who may ask at all, and a candidate only for itself. */
export function assertMayAskMatchesFor(p: Principal, candidateId: string): void {
  const key = requireRole(p, ['ADMIN', 'JOB_BOARD', 'CANDIDATE'], 'read matches of a candidate');
  if (key.role === 'CANDIDATE' && !isCandidateSelf(key, candidateId)) {
    throw forbidden(key, 'read matches of another candidate');
  }
}

/** renewalsDue: the candidate itself and admins (licence deadlines are the holder's business). */
export function assertMaySeeRenewalsOf(p: Principal, candidateId: string): void {
  const key = requireRole(p, ['ADMIN', 'CANDIDATE'], 'read renewals of a candidate');
  if (key.role === 'CANDIDATE' && !isCandidateSelf(key, candidateId)) {
    throw forbidden(key, 'read renewals of another candidate');
  }
}

/** matchesForCandidate, after the lookup: job boards only for candidates who opted in. */
export function assertCanSeeMatchesOf(p: Principal, candidate: { discoverable: boolean }): void {
  const key = requireRole(p, ['ADMIN', 'JOB_BOARD', 'CANDIDATE'], 'read matches of a candidate');
  if (key.role === 'JOB_BOARD' && !candidate.discoverable) {
    throw forbidden(key, 'read matches of this candidate', 'the candidate is not discoverable');
  }
}
