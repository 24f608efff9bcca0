// A database of the test file's own on the test server: connected before its tests, dropped
// after them. For tests of storage helpers that need no app.
import { afterAll, beforeAll, inject } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { newDbName } from './test-app.js';

export function scratchDatabase(): { readonly conn: Connection } {
  let conn: Connection | undefined;
  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: newDbName() }).asPromise();
  });
  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });
  return {
    get conn(): Connection {
      if (!conn) throw new Error('scratchDatabase: used before its beforeAll ran');
      return conn;
    },
  };
}
