// The qualification catalog through HTTP: upsert by code, filtering by kind, validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { onlyError, problemFields } from '../helpers/errors.js';

interface Qualification {
  id: string;
  code: string;
  name: string;
  kind: string;
  issuer: string | null;
  stateSpecific: boolean;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
}

const FIELDS = 'id code name kind issuer stateSpecific renewalMonths continuingEducationHours';
const UPSERT = `mutation($input: QualificationInput!) { upsertQualification(input: $input) { ${FIELDS} } }`;
const LIST = `query($kind: QualificationKind) { qualifications(kind: $kind) { ${FIELDS} } }`;

describe('qualifications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  async function list(kind?: string): Promise<Qualification[]> {
    const r = await t.gql<{ qualifications: Qualification[] }>(LIST, kind ? { kind } : {}, null);
    expect(r.errors).toBeUndefined();
    return r.data!.qualifications;
  }

  it('upserts a qualification, normalising its code, with the documented defaults', async () => {
    const r = await t.gql<{ upsertQualification: Qualification }>(UPSERT, {
      input: { code: ' cpam ', name: ' Certified Patient Account Manager ', kind: 'CERTIFICATION', issuer: 'AAHAM' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.upsertQualification).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      code: 'CPAM',
      name: 'Certified Patient Account Manager',
      kind: 'CERTIFICATION',
      issuer: 'AAHAM',
      stateSpecific: false,
      renewalMonths: null,
      continuingEducationHours: null,
    });
  });

  it('upserting the same code twice updates the one entry instead of adding another', async () => {
    const first = await t.gql<{ upsertQualification: Qualification }>(UPSERT, {
      input: { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION', renewalMonths: 24 },
    });
    const second = await t.gql<{ upsertQualification: Qualification }>(UPSERT, {
      input: { code: 'cmm', name: 'Certified Medical Manager (PAHCOM)', kind: 'CERTIFICATION', renewalMonths: 24, continuingEducationHours: 24 },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertQualification.id).toBe(first.data!.upsertQualification.id);
    expect(second.data!.upsertQualification).toMatchObject({ name: 'Certified Medical Manager (PAHCOM)', continuingEducationHours: 24 });

    const all = await list();
    expect(all.filter((q) => q.code === 'CMM')).toEqual([second.data!.upsertQualification]);
  });

  it('lists the catalog publicly, sorted by code, and filters by kind', async () => {
    await t.gql(UPSERT, { input: { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true } });

    const all = await list();
    expect(all.map((q) => q.code)).toEqual(['CMM', 'CPAM', 'NHA']);
    expect((await list('LICENSE')).map((q) => q.code)).toEqual(['NHA']);
    expect((await list('CERTIFICATION')).map((q) => q.code)).toEqual(['CMM', 'CPAM']);
    expect(all.find((q) => q.code === 'NHA')?.stateSpecific).toBe(true);
  });

  it('rejects every bad field in one BAD_USER_INPUT and writes nothing', async () => {
    const before = await list();
    const r = await t.gql(UPSERT, {
      input: { code: 'C M M!', name: '  ', kind: 'CERTIFICATION', renewalMonths: 0, continuingEducationHours: -1 },
    });
    const err = onlyError(r);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemFields(r)).toEqual(['input.code', 'input.continuingEducationHours', 'input.name', 'input.renewalMonths']);
    for (const field of ['input.code', 'input.name', 'input.renewalMonths', 'input.continuingEducationHours']) {
      expect(err.message).toContain(field);
    }
    expect(await list()).toEqual(before);
  });

  it('an invalid upsert of an existing code leaves the stored entry as it was', async () => {
    const before = await list();
    const r = await t.gql(UPSERT, { input: { code: 'CMM', name: '', kind: 'LICENSE' } });
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemFields(r)).toEqual(['input.name']);
    expect(await list()).toEqual(before);
  });

  it('rejects an unknown kind before any resolver runs', async () => {
    const r = await t.gql(UPSERT, { input: { code: 'X1', name: 'X', kind: 'DIPLOMA' } });
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list()).map((q) => q.code)).not.toContain('X1');
  });
});
