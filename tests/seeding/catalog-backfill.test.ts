// A database seeded before per-state renewal cycles existed gets them at the next start
// (SEED=catalog or demo), only where the field is absent: an admin's edit is kept.
import { describe, expect, it } from 'vitest';
import { readSeedFiles } from '../../src/seeding/seed-files.js';
import { seedOnStart } from '../../src/seeding/seed-on-start.js';
import { createLogger } from '../../src/shared/logger.js';
import { startTestApp } from '../helpers/test-app.js';

const logger = createLogger('silent');
const data = readSeedFiles();

describe('catalog backfill at start-up', () => {
  it('fills renewalByState where absent, keeps edited entries, and is idempotent', async () => {
    const t = await startTestApp();
    try {
      const catalogOnly = { ...data, employers: [], postings: [], candidates: [] };
      expect((await seedOnStart(t.app, 'catalog', () => catalogOnly, logger)).action).toBe('seeded');
      const model = t.app.repositories.qualifications.model;
      // As an older version left it: no field at all on NHA; an admin cleared RCAL's rows.
      await model.updateOne({ code: 'NHA' }, { $unset: { renewalByState: 1 } });
      await model.updateOne({ code: 'RCAL' }, { $set: { renewalByState: [] } });
      expect((await model.findOne({ code: 'NHA' }).lean())?.renewalByState).toBeUndefined();

      // The seeding itself is complete, so it is skipped; the backfill still runs.
      expect((await seedOnStart(t.app, 'catalog', () => catalogOnly, logger)).action).toBe('skipped');
      const nha = await model.findOne({ code: 'NHA' }).lean();
      expect(nha?.renewalByState?.map((r) => [r.state, r.renewalMonths, r.continuingEducationHours])).toEqual([
        ['LA', 36, 60],
        ['ME', 12, 24],
        ['NC', 24, null],
        ['TN', 12, 18],
      ]);
      expect((await model.findOne({ code: 'RCAL' }).lean())?.renewalByState).toEqual([]);
      // The service's cached catalog sees the filled rows.
      expect((await t.app.services.qualifications.catalog()).get('NHA')?.renewalByState).toHaveLength(4);
      expect(await t.app.services.qualifications.fillAbsentRenewalByState(data.catalog)).toBe(0);
      // SEED=none touches nothing.
      await model.updateOne({ code: 'NHA' }, { $unset: { renewalByState: 1 } });
      expect(await seedOnStart(t.app, 'none', () => catalogOnly, logger)).toMatchObject({ action: 'skipped' });
      expect((await model.findOne({ code: 'NHA' }).lean())?.renewalByState).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
