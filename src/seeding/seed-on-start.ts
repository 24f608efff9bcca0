// What start-up loads (SEED, README "Configuration"):
//   catalog: the qualification catalog, which every posting with a qualification code needs;
//            never the demo people. Default when MONGODB_URI is given (compose, production).
//   demo:    the catalog plus the demo employers, postings and candidates. Default only for
//            the embedded local database, so `npm start` gives a usable demo.
//   none:    nothing.
// A marker document (seed-marker.repository.ts) is written "started" before the first record
// and "completed" after the last: an interrupted seeding is completed at the next start by
// re-running the idempotent loader, and a completed one is never repeated.
import type { Connection } from 'mongoose';
import type { AppRepositories, AppServices } from '../app.services.js';
import type { SeedMode } from '../config.js';
import type { Logger } from '../shared/logger.js';
import type { SeedData } from './seed-files.js';
import { seedObjectId } from './seed-ids.js';
import { holdsNoRecords, loadSeeds, type LoadSeedsOptions, type SeedReport } from './seed-loader.js';
import { SeedMarkerRepository } from './seed-marker.repository.js';

export interface SeedTarget {
  services: AppServices;
  repositories: AppRepositories;
  connection: Connection;
}

export type SeedOutcome =
  | { action: 'seeded' | 'resumed'; mode: 'catalog' | 'demo'; report: SeedReport }
  | { action: 'skipped'; reason: string };

export async function seedOnStart(
  target: SeedTarget,
  mode: SeedMode,
  readData: () => SeedData,
  logger: Logger,
  options: Pick<LoadSeedsOptions, 'onRecord'> = {},
): Promise<SeedOutcome> {
  if (mode === 'none') return { action: 'skipped', reason: 'SEED=none' };
  // Fields added to the catalog after a database was seeded reach it too (only where absent).
  const filled = await target.services.qualifications.fillAbsentRenewalByState(readData().catalog);
  if (filled > 0) logger.info(`Added the per-state renewal cycles from seeds/ to ${filled} catalog entries.`);
  const markers = new SeedMarkerRepository(target.connection);
  const marker = await markers.get();

  if (marker?.completedAt) {
    if (marker.mode === 'catalog' && mode === 'demo') {
      logger.info('This database was seeded with the catalog only; demo people are loaded only into an empty database (`npm run seed` loads them).');
    }
    return { action: 'skipped', reason: `seeded (${marker.mode}) on ${marker.completedAt.toISOString()}` };
  }

  const resuming = marker !== null;
  if (!resuming && mode === 'demo' && !(await holdsNoRecords(target.repositories)) && !(await holdsSeedRecords(target.repositories, readData))) {
    // Someone's own data: demo people are never mixed into it.
    return { action: 'skipped', reason: 'the database holds records that are not demo data' };
  }

  logger.info(
    resuming
      ? `An earlier seeding (${marker.mode}) did not complete: completing it with SEED=${mode} …`
      : mode === 'demo'
        ? 'Loading the demo data from seeds/ (SEED=demo) …'
        : 'Loading the qualification catalog from seeds/ (SEED=catalog) …',
  );
  await markers.started(mode, new Date());
  const report = await loadSeeds(target.services, target.repositories, readData(), {
    catalog: 'missing',
    people: mode === 'demo',
    onRecord: options.onRecord,
  });
  await markers.completed(new Date());
  return { action: resuming ? 'resumed' : 'seeded', mode, report };
}

/**
 * A demo seeding by a version that wrote no marker leaves seed employers behind (they are
 * loaded right after the catalog, with ids derived from their keys): such a database is
 * completed, not skipped.
 */
async function holdsSeedRecords(repos: AppRepositories, readData: () => SeedData): Promise<boolean> {
  const ids = readData().employers.map((e) => seedObjectId('employer', e.key));
  return (await repos.employers.model.exists({ _id: { $in: ids } })) !== null;
}
