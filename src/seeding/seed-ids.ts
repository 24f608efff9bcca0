import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * A stable ObjectId for a seed record's natural key (employer key, posting externalRef,
 * candidate email): loading twice finds the record by `_id` instead of duplicating it.
 */
export function seedObjectId(namespace: string, key: string): Types.ObjectId {
  const digest = createHash('sha1').update(`${namespace}:${key}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
