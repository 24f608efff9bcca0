import { describe, expect, it } from 'vitest';
import { NoMongoServerError, resolveMongo } from '../../../src/shared/mongo/local-mongo.js';

describe('resolveMongo', () => {
  it('uses MONGODB_URI as given and never stops that server', async () => {
    const m = await resolveMongo({ uri: 'mongodb://db.example:27017' });
    expect(m.uri).toBe('mongodb://db.example:27017');
    await expect(m.stop()).resolves.toBeUndefined();
  });

  it('fails fast, saying what to install or set, when no server can be started', async () => {
    const err = await resolveMongo({ prefer: 'ferretdb', ferretdbBinary: '/nonexistent/ferretdb' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoMongoServerError);
    const message = (err as Error).message;
    expect(message).toContain('MONGODB_URI');
    expect(message).toContain('FERRETDB_BIN');
    // The bad path itself is named, not just "no binary".
    expect(message).toContain('FERRETDB_BIN=/nonexistent/ferretdb: no such file');
  });
});
