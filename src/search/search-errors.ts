// The one error a search engine throws. It is a DomainError with code SEARCH_UNAVAILABLE, so
// formatError maps it without knowing about search; the engine's own message (host names,
// request details) stays in `cause` for logs and never reaches clients.
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

/** Runs `work`, turning any failure into SearchUnavailableError (already-typed ones pass through). */
export async function guardSearch<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SearchUnavailableError) throw err;
    throw new SearchUnavailableError(operation, { cause: err });
  }
}
