// Which Meilisearch failures are permanent. meilisearch-js throws MeilisearchApiError for
// any non-2xx answer (status on `response`, Meilisearch's error body on `cause`), request and
// timeout errors for network trouble, and a failed task resolves with `task.error`.
import { MeilisearchApiError, type Task } from 'meilisearch';
import type { PermanenceCheck } from '../search-errors.js';

/**
 * 4xx answers that a fix outside the request cures are NOT permanent for the outbox: a wrong
 * or missing API key (401, 403), a deleted index (404, recreated on the next readiness check),
 * a timeout (408) and throttling (429). Every other 4xx says the request itself is bad.
 */
const TRANSIENT_4XX = new Set([401, 403, 404, 408, 429]);

export const isPermanentMeilisearchError: PermanenceCheck = (err) => {
  if (!(err instanceof MeilisearchApiError)) return null;
  const status = err.response.status;
  if (status < 400 || status >= 500 || TRANSIENT_4XX.has(status)) return null;
  const body = err.cause;
  return `HTTP ${status}${body?.code ? ` ${body.code}` : ''}: ${body?.message ?? err.message}`;
};

/** A failed task whose error code says the input was invalid (invalid_document_fields, ...). */
export function permanentTaskFailure(task: Task): string | null {
  const code = task.error?.code;
  return typeof code === 'string' && code.startsWith('invalid_') ? `${code}: ${task.error?.message ?? ''}` : null;
}
