// One error type for every rule the service enforces; formatError maps `code` to
// `extensions.code`. Anything that is not a DomainError is an internal error and is masked.

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SEARCH_UNAVAILABLE'
  /** MongoDB cannot be reached (down or restarting); sent with HTTP 503. */
  | 'DATABASE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    /** The input field at fault, e.g. "input.salaryMin" — also put in the message. */
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${JSON.stringify(id)} was not found`);

export const badInput = (field: string, problem: string): DomainError =>
  new DomainError('BAD_USER_INPUT', `${field}: ${problem}`, field);

export const conflict = (field: string, problem: string): DomainError =>
  new DomainError('CONFLICT', `${field}: ${problem}`, field);
