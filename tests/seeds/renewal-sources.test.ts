// Every renewal figure in seeds/catalog.json says where it comes from, and the per-state
// cycles are the boards' published figures (seeds/state-renewals.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformCatalog } from '../../seeds/catalog-transform.js';
import type { SeedQualification } from '../../seeds/seed-types.js';
import { SEEDS_DIR } from './seed-files.js';

const catalog = JSON.parse(readFileSync(join(SEEDS_DIR, 'catalog.json'), 'utf8')) as SeedQualification[];
const byCode = new Map(catalog.map((q) => [q.code, q] as const));

describe('renewal figures in the seed catalog', () => {
  it('every entry has a source note; one with figures cites a URL', () => {
    for (const q of catalog) {
      expect(q.renewalSource, q.code).toMatch(new RegExp(`^Domain catalog ${q.code.replace(/-[IP]$/, '')}`));
      if (q.renewalMonths !== null || q.continuingEducationHours !== null) expect(q.renewalSource, q.code).toMatch(/https?:\/\//);
      else expect(q.renewalSource, q.code).toContain('left null');
    }
    expect(byCode.get('RHIA')).toMatchObject({ renewalMonths: 24, continuingEducationHours: 30 });
    expect(byCode.get('CMM')?.renewalSource).toContain('pahcom.com/cmm/recertification');
  });

  it('state-granted NHA licences carry the cycles of the states researched, each with its board source', () => {
    const nha = byCode.get('NHA')!;
    expect(nha.renewalMonths).toBeNull();
    expect(nha.renewalByState.map((r) => [r.state, r.renewalMonths, r.continuingEducationHours])).toEqual([
      ['LA', 36, 60],
      ['ME', 12, 24],
      ['NC', 24, null],
      ['TN', 12, 18],
    ]);
    for (const r of [...nha.renewalByState, ...byCode.get('RCAL')!.renewalByState]) expect(r.source).toMatch(/https?:\/\//);
    expect(byCode.get('RCAL')!.renewalByState).toEqual([expect.objectContaining({ state: 'ME', renewalMonths: 12, continuingEducationHours: 16 })]);
    expect(byCode.get('CMM')!.renewalByState).toEqual([]);
  });

  it('refuses a state rule for a code the domain catalog lacks', () => {
    const domain = { credentials: [{ code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION', renewalMonths: 24, ceHours: 24 }] };
    expect(() => transformCatalog(domain, [{ code: 'NHA', state: 'TN', renewalMonths: 12, continuingEducationHours: 18, source: 'x' }])).toThrow(/NHA/);
  });
});
