// Start-up seeding over the real MongoDB-protocol server: SEED=catalog|demo|none on an empty
// database, the completion marker, resuming an interrupted seeding, and never mixing demo
// people into someone's own data.
import { describe, expect, it } from 'vitest';
import { readSeedFiles, type SeedData } from '../../src/seeding/seed-files.js';
import { loadSeeds } from '../../src/seeding/seed-loader.js';
import { SeedMarkerRepository } from '../../src/seeding/seed-marker.repository.js';
import { seedObjectId } from '../../src/seeding/seed-ids.js';
import { seedOnStart } from '../../src/seeding/seed-on-start.js';
import { createLogger } from '../../src/shared/logger.js';
import { PostingStatus } from '../../src/shared/enums.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const logger = createLogger('silent');
const full = readSeedFiles();

// A slice with at least one CLOSED posting keeps the tests quick on FerretDB.
function slice(data: SeedData): SeedData {
  const closed = data.postings.find((p) => p.status === PostingStatus.CLOSED)!;
  const postings = [...data.postings.filter((p) => p.status !== PostingStatus.CLOSED).slice(0, 11), closed];
  const keys = new Set(postings.map((p) => p.employerKey));
  return { catalog: data.catalog, employers: data.employers.filter((e) => keys.has(e.key)), postings, candidates: data.candidates.slice(0, 8) };
}
const data = slice(full);
const records = data.employers.length + data.postings.length + data.candidates.length;

async function counts(t: TestApp) {
  const r = t.app.repositories;
  return {
    qualifications: (await r.qualifications.findAll()).length,
    employers: await r.employers.model.countDocuments({}),
    postings: await r.postings.model.countDocuments({}),
    candidates: await r.candidates.model.countDocuments({}),
  };
}

async function withApp(fn: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await startTestApp();
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

describe('seeding at start-up', () => {
  it('SEED=catalog loads the whole catalog and no people, marks it complete, and does nothing the second time', () =>
    withApp(async (t) => {
      const first = await seedOnStart(t.app, 'catalog', () => data, logger);
      expect(first).toMatchObject({ action: 'seeded', mode: 'catalog' });
      expect(await counts(t)).toEqual({ qualifications: full.catalog.length, employers: 0, postings: 0, candidates: 0 });
      const marker = await new SeedMarkerRepository(t.app.connection).get();
      expect(marker).toMatchObject({ mode: 'catalog', completedAt: expect.any(Date) });

      expect((await seedOnStart(t.app, 'catalog', () => data, logger)).action).toBe('skipped');
      // A completed catalog seeding never turns into a demo one.
      expect((await seedOnStart(t.app, 'demo', () => data, logger)).action).toBe('skipped');
      expect(await counts(t)).toEqual({ qualifications: full.catalog.length, employers: 0, postings: 0, candidates: 0 });
    }));

  it('SEED=demo loads the catalog and the demo records, closed postings closed', () =>
    withApp(async (t) => {
      const outcome = await seedOnStart(t.app, 'demo', () => data, logger);
      expect(outcome).toMatchObject({ action: 'seeded', mode: 'demo' });
      expect(await counts(t)).toEqual({
        qualifications: data.catalog.length,
        employers: data.employers.length,
        postings: data.postings.length,
        candidates: data.candidates.length,
      });
      const closed = data.postings.find((p) => p.status === PostingStatus.CLOSED)!;
      expect((await t.app.repositories.postings.findById(seedObjectId('posting', closed.externalRef)))?.status).toBe(PostingStatus.CLOSED);
    }));

  it('SEED=none loads nothing and writes no marker', () =>
    withApp(async (t) => {
      expect(await seedOnStart(t.app, 'none', () => data, logger)).toEqual({ action: 'skipped', reason: 'SEED=none' });
      expect(await counts(t)).toEqual({ qualifications: 0, employers: 0, postings: 0, candidates: 0 });
      expect(await new SeedMarkerRepository(t.app.connection).get()).toBeNull();
    }));

  it('an interrupted seeding is completed at the next start, without duplicates', () =>
    withApp(async (t) => {
      let handled = 0;
      const stopAt = data.catalog.length + 10;
      await expect(
        seedOnStart(t.app, 'demo', () => data, logger, {
          onRecord: () => {
            if (++handled === stopAt) throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      const partial = await counts(t);
      expect(partial.employers + partial.postings + partial.candidates).toBe(10);
      expect((await new SeedMarkerRepository(t.app.connection).get())?.completedAt).toBeNull();

      // Also the worst spot: the closed posting created but not yet closed when it stopped.
      const closed = data.postings.find((p) => p.status === PostingStatus.CLOSED)!;
      const { employerKey, status: _status, postedAt, ...fields } = closed;
      const seeder = { kind: 'key', role: 'ADMIN', keyId: 'seed-loader' } as const;
      await t.app.services.postings.create(
        seeder,
        { ...fields, employerId: seedObjectId('employer', employerKey).toHexString(), postedAt: new Date(postedAt) },
        seedObjectId('posting', closed.externalRef),
      );

      const resumed = await seedOnStart(t.app, 'demo', () => data, logger);
      expect(resumed).toMatchObject({ action: 'resumed', mode: 'demo' });
      if (resumed.action !== 'resumed') return;
      expect(resumed.report.employers.created + resumed.report.postings.created + resumed.report.candidates.created).toBe(records - 11);
      expect(await counts(t)).toEqual({
        qualifications: data.catalog.length,
        employers: data.employers.length,
        postings: data.postings.length,
        candidates: data.candidates.length,
      });
      expect((await t.app.repositories.postings.findById(seedObjectId('posting', closed.externalRef)))?.status).toBe(PostingStatus.CLOSED);
      expect((await new SeedMarkerRepository(t.app.connection).get())?.completedAt).toBeInstanceOf(Date);
    }));

  it('completes a demo seeding left unmarked by an earlier version, but never seeds over own data', async () => {
    await withApp(async (t) => {
      // The old start-up seeding wrote no marker: part of the demo is there.
      await loadSeeds(t.app.services, t.app.repositories, { ...data, postings: data.postings.slice(0, 3), candidates: [] });
      const outcome = await seedOnStart(t.app, 'demo', () => data, logger);
      expect(outcome).toMatchObject({ action: 'seeded', mode: 'demo' });
      expect((await counts(t)).candidates).toBe(data.candidates.length);
    });
    await withApp(async (t) => {
      await loadSeeds(t.app.services, t.app.repositories, { ...data, employers: [], postings: [], candidates: [] });
      await t.app.services.employers.create({ kind: 'key', role: 'ADMIN', keyId: 'x' }, { ...data.employers[0], name: 'Own Clinic' });
      expect(await seedOnStart(t.app, 'demo', () => data, logger)).toMatchObject({ action: 'skipped' });
      expect(await counts(t)).toMatchObject({ employers: 1, postings: 0, candidates: 0 });
    });
  });

  it('catalog seeding adds missing codes and keeps an operator’s edit of an existing entry', () =>
    withApp(async (t) => {
      const first = data.catalog[0];
      await t.app.services.qualifications.upsert({ kind: 'key', role: 'ADMIN', keyId: 'ops' }, { ...first, name: 'Edited by the operator' });
      const outcome = await seedOnStart(t.app, 'catalog', () => data, logger);
      expect(outcome).toMatchObject({ action: 'seeded', report: { qualifications: { created: data.catalog.length - 1, existing: 1 } } });
      const all = await t.app.repositories.qualifications.findAll();
      expect(all).toHaveLength(data.catalog.length);
      expect(all.find((q) => q.code === first.code.toUpperCase())?.name).toBe('Edited by the operator');
    }));
});
