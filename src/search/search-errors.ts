// The two errors a search engine throws.
// - SearchUnavailableError: a TRANSIENT failure (network, timeout, 5xx, a busy or restarting
//   server). A DomainError with code SEARCH_UNAVAILABLE, so formatError maps it without
//   knowing about search; the outbox retries the update with back-off.
// - SearchRejectedError: a PERMANENT refusal (HTTP 4xx such as a bad filter or a malformed
//   document, or a task that failed with an invalid_* code). Retrying cannot help: it is a
//   bug, so clients get a masked INTERNAL_SERVER_ERROR (the details are logged) and the
//   outbox parks the entry with the error text instead of retrying it forever.
// In both, the engine's own message (host names, request details) stays in `cause` or
// `detail` for logs and the admin query, and never reaches clients.
import { DomainError } from '../shared/errors.js';

export class SearchUnavailableError extends DomainError {
  constructor(
    public readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super('SEARCH_UNAVAILABLE', `The search engine is unavailable (${operation}); try again shortly`);
    this.name = 'SearchUnavailableError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export class SearchRejectedError extends Error {
  constructor(
    public readonly operation: string,
    /** What the engine said, e.g. "invalid_document_fields: ..." (for logs and admins only). */
    public readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The search engine rejected ${operation}: ${detail}`);
    this.name = 'SearchRejectedError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Returns why `err` is permanent, or null when it is (or may be) transient. */
export type PermanenceCheck = (err: unknown) => string | null;

/**
 * Runs `work`; an already-typed search error passes through, a failure `isPermanent` explains
 * becomes SearchRejectedError, and anything else SearchUnavailableError.
 */
export async function guardSearch<T>(operation: string, work: () => Promise<T>, isPermanent: PermanenceCheck = () => null): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SearchUnavailableError || err instanceof SearchRejectedError) throw err;
    const why = isPermanent(err);
    if (why !== null) throw new SearchRejectedError(operation, why, { cause: err });
    throw new SearchUnavailableError(operation, { cause: err });
  }
}
