import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('creates and reads a qualification', async () => {
    const r = await t.gql(`mutation { upsertQualification(input: {code: "cmm", name: "Certified Medical Manager", kind: CERTIFICATION, renewalMonths: 24}) { id code renewalMonths stateSpecific } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ upsertQualification: { code: 'CMM', renewalMonths: 24, stateSpecific: false } });
    const list = await t.gql(`{ qualifications { code } }`, {}, null);
    expect(list.data).toEqual({ qualifications: [{ code: 'CMM' }] });
  });
});
