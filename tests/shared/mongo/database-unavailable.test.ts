// Which errors mean "the database is down" (DATABASE_UNAVAILABLE, HTTP 503) and which do not.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../../src/shared/mongo/database-unavailable.js';
import { badInput } from '../../../src/shared/errors.js';

// The driver mongoose ships (not a direct dependency of ours).
const { MongoNetworkError, MongoServerError, MongoServerSelectionError } = mongoose.mongo;

describe('isDatabaseUnavailable', () => {
  it('recognises the driver errors of an unreachable server, also as a cause', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection reset'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new MongoNetworkError('closed') }))).toBe(true);
    const selection = new MongoServerSelectionError('Server selection timed out after 1000 ms', {
      type: 'Unknown',
      servers: new Map(),
      stale: false,
      compatible: true,
      heartbeatFrequencyMS: 10000,
      localThresholdMS: 15,
      setName: null,
      maxElectionId: null,
      maxSetVersion: null,
      commonWireVersion: 0,
      logicalSessionTimeoutMinutes: null,
    } as never);
    expect(isDatabaseUnavailable(selection)).toBe(true);
  });

  it('leaves server-side rejections and domain errors alone', () => {
    expect(isDatabaseUnavailable(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }))).toBe(false);
    expect(isDatabaseUnavailable(badInput('input.name', 'must not be empty'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('a string')).toBe(false);
  });
});
