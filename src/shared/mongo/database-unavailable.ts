// Driver errors that mean "the database cannot be reached right now" (the server is down,
// restarting, or the network to it is cut), as opposed to a bug or a rejected write. They
// reach clients as DATABASE_UNAVAILABLE with HTTP 503, so callers retry instead of reporting
// an internal error.
import { DomainError } from '../errors.js';

const UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DomainError) return e.code === 'DATABASE_UNAVAILABLE';
    if (UNAVAILABLE_ERRORS.has(e.name)) return true;
  }
  return false;
}

export const databaseUnavailable = (): DomainError =>
  new DomainError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
