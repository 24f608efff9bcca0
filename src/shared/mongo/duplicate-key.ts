/**
 * A unique-index violation. MongoDB reports code 11000; FerretDB's SQLite backend reports
 * some of them (findAndModify, upserts) as a generic error whose message names SQLite's
 * "UNIQUE constraint failed".
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 11000 || (typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}
