// The catalog cache reloads once for all concurrent callers (single flight), against the real
// repository, and a reload that raced a write never installs the rows from before the write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QualificationService } from '../../src/qualifications/qualification.service.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminOk } from '../auth/auth-world.js';

describe('QualificationService catalog cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await adminOk(t, `mutation { upsertQualification(input: {code: "CMM", name: "Certified Medical Manager", kind: CERTIFICATION}) { id } }`);
  });
  afterAll(async () => t?.close());

  it('50 concurrent callers on a cold cache cause one read, and all get the same catalog', async () => {
    const service = new QualificationService(t.app.repositories.qualifications, t.app.services.indexSync);
    const results = await Promise.all(Array.from({ length: 50 }, () => service.catalog()));
    expect(service.loads).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0].get('CMM')?.name).toBe('Certified Medical Manager');
    await service.catalog();
    expect(service.loads).toBe(1);
  });

  it('a write during a reload: the callers after the write see the new row, and only one more read happens', async () => {
    const service = new QualificationService(t.app.repositories.qualifications, t.app.services.indexSync);
    const admin = { kind: 'key' as const, role: 'ADMIN' as const, keyId: 'bootstrap-admin' };
    const early = service.catalog();
    await service.upsert(admin, { code: 'CPAM', name: 'Certified Physician Practice Manager', kind: 'CERTIFICATION' as never });
    const after = await Promise.all(Array.from({ length: 20 }, () => service.catalog()));
    expect(after.every((c) => c.has('CPAM'))).toBe(true);
    await early;
    // The catalog installed in the cache is the one read after the write.
    expect((await service.catalog()).has('CPAM')).toBe(true);
  });
});
