// How a bulkWrite updates documents by `_id` without stalling FerretDB v1.
//
// FerretDB v1 (SQLite backend) runs each statement of an update command as a query whose rows
// (an SQLite connection of its pool of 100) stay open until the WHOLE command ends when the
// statement is a single-document one (updateOne / replaceOne) that matched: the query is cut
// at one document instead of read to its end, and its close is deferred to the command's
// return. Each such statement's write then needs one more connection. So one command of ~100
// matched updateOne statements holds the whole pool and waits for a 101st connection forever:
// the server stops answering everyone (seen as the bench's "stall after a tenth changed": 100
// alert states replaced in one bulkWrite; goroutine dump: one update command holding all 100
// connections, waiting in BeginTx). A multi-document statement reads its query to the end, so
// its connection goes back before the next statement. By `_id` both match the same document
// (at most one), so the statements below are multi. MongoDB serves either from the `_id` index.
// (A bulkWrite with a multi statement is not a retryable write on a replica set: a failover
// mid-command surfaces as an error instead of being retried once; no caller relies on that.)

/**
 * A bulkWrite statement. Typed `never` inside so it fits both the driver's and mongoose's
 * bulkWrite (their operation types differ); what it holds is checked by the functions below.
 */
export interface ByIdUpdateOp {
  updateMany: { filter: never; update: never; upsert?: boolean };
}

/** One bulkWrite statement updating the document with this `_id` (upserting it with `upsert`). */
export function updateByIdOp(id: unknown, update: Record<string, unknown>, upsert = false): ByIdUpdateOp {
  return { updateMany: { filter: { _id: id } as never, update: update as never, ...(upsert ? { upsert } : {}) } };
}

/**
 * A replacement by `_id` as an update: `$set` of every field of `replacement` but `_id`.
 * Equivalent to replaceOne when every replacement carries the same fields (the callers' do).
 */
export function replaceByIdOp(replacement: { _id: unknown } & Record<string, unknown>, upsert = false): ByIdUpdateOp {
  const { _id, ...fields } = replacement;
  return updateByIdOp(_id, { $set: fields }, upsert);
}
