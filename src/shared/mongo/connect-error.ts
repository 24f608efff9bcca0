// Turns "cannot reach the server" into a message naming MONGODB_URI and its hosts (never the
// credentials), so an operator knows which setting to fix.
import { StartupError } from '../startup-error.js';

/** "db1:27017,db2:27017" from a MongoDB URI, without user, password, path or options. */
export function mongoHostsOf(uri: string): string {
  const afterScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const authority = afterScheme.split(/[/?]/, 1)[0];
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  return hosts || '(no host)';
}

export function describeConnectError(err: unknown, uri: string, fromEnv: boolean, timeoutMs: number): Error {
  const cause = err instanceof Error ? err : new Error(String(err));
  if (cause.name !== 'MongooseServerSelectionError' && cause.name !== 'MongoServerSelectionError') return cause;
  const reason = cause.message.replace(/mongodb(\+srv)?:\/\/[^@\s]*@/g, 'mongodb://***@');
  if (!fromEnv) return new StartupError(`Cannot reach the local MongoDB-protocol server at ${mongoHostsOf(uri)}: ${reason}`);
  return new StartupError(
    `Cannot reach MongoDB at ${mongoHostsOf(uri)} (MONGODB_URI) within ${timeoutMs / 1000} s: ${reason}. ` +
      'Check that the server runs and is reachable from here, and that MONGODB_URI names the right host and port.',
    'MONGODB_URI',
  );
}
