import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QualificationKind } from '../../src/shared/enums.js';
import { splitCompoundCode } from '../../seeds/catalog-transform.js';
import { buildSeedData, DOMAIN_CATALOG_FILE, SEED_FILES, toJsonText, type SeedData } from '../../seeds/seed-data.js';
import { hasSharedDomainCatalog, readDomainCatalog, readJson, SEEDS_DIR, SHARED_DOMAIN_CATALOG } from './seed-files.js';
import { isEligible } from './seed-checks.js';

interface DomainEntry {
  code: string;
  renewalMonths: number | null;
  ceHours: number | null;
  issuer: string;
}

const domain = readDomainCatalog() as { credentials: DomainEntry[] };
const fresh = buildSeedData(domain);

describe('seeds/catalog.json', () => {
  it('has every code of the domain catalog (compound "A / B" rows as A and B)', () => {
    const codes = new Set(fresh.catalog.map((q) => q.code));
    const expected = domain.credentials.flatMap((c) => splitCompoundCode(c.code));
    expect(expected.length).toBeGreaterThanOrEqual(domain.credentials.length);
    for (const code of expected) expect(codes).toContain(code);
    expect(codes.size).toBe(expected.length);
    for (const code of ['CMM', 'FACHE', 'NHA', 'HITCM-PP', 'CRCE-I', 'CRCE-P', 'CPAM', 'RN', 'LSW']) expect(codes).toContain(code);
  });

  it('keeps renewal, CE hours, issuer and kind as published', () => {
    for (const entry of domain.credentials) {
      for (const code of splitCompoundCode(entry.code)) {
        const q = fresh.catalog.find((x) => x.code === code)!;
        expect(q.renewalMonths).toBe(entry.renewalMonths);
        expect(q.continuingEducationHours).toBe(entry.ceHours);
        expect(q.issuer).toBe(entry.issuer);
        expect(q.code).toBe(q.code.toUpperCase());
      }
    }
    const nha = fresh.catalog.find((q) => q.code === 'NHA')!;
    expect(nha).toMatchObject({ kind: QualificationKind.LICENSE, stateSpecific: true });
    expect(fresh.catalog.find((q) => q.code === 'CMM')).toMatchObject({ renewalMonths: 24, continuingEducationHours: 24 });
  });

  it.skipIf(!hasSharedDomainCatalog)('the copy in seeds/source equals the domain team file', () => {
    expect(readFileSync(join(SEEDS_DIR, DOMAIN_CATALOG_FILE), 'utf8')).toBe(readFileSync(SHARED_DOMAIN_CATALOG, 'utf8'));
  });
});

describe('committed seed files', () => {
  it.each(Object.keys(SEED_FILES) as (keyof SeedData)[])('%s equals a fresh generation (run `npx tsx seeds/write-seeds.ts`)', (part) => {
    const committed = readFileSync(join(SEEDS_DIR, SEED_FILES[part]), 'utf8');
    expect(committed).toBe(toJsonText(fresh[part]));
  });

  it('has the demo sizes', () => {
    expect(readJson(join(SEEDS_DIR, 'employers.json'))).toHaveLength(25);
    expect(readJson(join(SEEDS_DIR, 'postings.json'))).toHaveLength(300);
    expect(readJson(join(SEEDS_DIR, 'candidates.json'))).toHaveLength(300);
  });

  it('lets most open demo postings find an eligible discoverable candidate', () => {
    const byCode = new Map(fresh.catalog.map((q) => [q.code, q] as const));
    const open = fresh.postings.filter((p) => p.status === 'OPEN');
    const pool = fresh.candidates.filter((c) => c.discoverable);
    const served = open.filter((p) => pool.some((c) => isEligible(c, p, byCode, '2026-11-01')));
    expect(served.length / open.length).toBeGreaterThan(0.5);
    expect(served.length).toBeLessThan(open.length);
  });
});
