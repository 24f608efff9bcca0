// Loads the seed data through the services, so seeds obey every rule the API enforces.
// Idempotent: each record's _id derives from its natural key, and existing ones are skipped,
// so running it again after an interruption completes what is missing.
import type { AppRepositories, AppServices } from '../app.services.js';
import type { Principal } from '../auth/principal.js';
import { PostingStatus } from '../shared/enums.js';
import type { SeedData } from './seed-files.js';
import { seedObjectId } from './seed-ids.js';

export interface Tally {
  created: number;
  existing: number;
}

export interface SeedReport {
  qualifications: Tally;
  employers: Tally;
  postings: Tally;
  candidates: Tally;
}

export interface LoadSeedsOptions {
  /**
   * 'upsert' (npm run seed): catalog entries are written as in seeds/, updating existing ones.
   * 'missing' (start-up): only codes the database lacks are added, so an operator's edits of a
   * catalog entry survive restarts.
   */
  catalog?: 'upsert' | 'missing';
  /** false: the catalog only, never the demo employers, postings and candidates. */
  people?: boolean;
  /** Called after each record is handled (progress; tests interrupt the load from here). */
  onRecord?: () => void;
}

const SEEDER: Principal = { kind: 'key', role: 'ADMIN', keyId: 'seed-loader' };

const tally = (): Tally => ({ created: 0, existing: 0 });

export async function loadSeeds(
  services: AppServices,
  repos: AppRepositories,
  data: SeedData,
  options: LoadSeedsOptions = {},
): Promise<SeedReport> {
  const onRecord = options.onRecord ?? (() => undefined);
  const report: SeedReport = { qualifications: tally(), employers: tally(), postings: tally(), candidates: tally() };

  const existingCodes = new Set((await repos.qualifications.findAll()).map((q) => q.code));
  for (const q of data.catalog) {
    const exists = existingCodes.has(q.code.trim().toUpperCase());
    if (exists && options.catalog === 'missing') report.qualifications.existing++;
    else {
      await services.qualifications.upsert(SEEDER, q);
      report.qualifications[exists ? 'existing' : 'created']++;
    }
    onRecord();
  }
  if (options.people === false) return report;

  for (const e of data.employers) {
    const id = seedObjectId('employer', e.key);
    if (await repos.employers.findById(id)) report.employers.existing++;
    else {
      await services.employers.create(SEEDER, e, id);
      report.employers.created++;
    }
    onRecord();
  }

  for (const p of data.postings) {
    const id = seedObjectId('posting', p.externalRef);
    const { employerKey, status, postedAt, ...fields } = p;
    const found = await repos.postings.findById(id);
    if (found) report.postings.existing++;
    else {
      await services.postings.create(
        SEEDER,
        { ...fields, employerId: seedObjectId('employer', employerKey).toHexString(), postedAt: new Date(postedAt) },
        id,
      );
      report.postings.created++;
    }
    // Also when resuming: an interruption may have fallen between creating and closing it.
    if (status === PostingStatus.CLOSED && found?.status !== PostingStatus.CLOSED) {
      await services.postings.close(SEEDER, id.toHexString());
    }
    onRecord();
  }

  for (const c of data.candidates) {
    const id = seedObjectId('candidate', c.email.toLowerCase());
    if (await repos.candidates.findById(id)) report.candidates.existing++;
    else {
      await services.candidates.create(SEEDER, c, id);
      report.candidates.created++;
    }
    onRecord();
  }
  return report;
}

/** True when nobody has stored an employer, posting or candidate (a catalog alone does not count). */
export async function holdsNoRecords(repos: AppRepositories): Promise<boolean> {
  // One document's existence each (a count decodes every document on FerretDB v1).
  const found = await Promise.all([repos.employers.model.exists({}), repos.postings.model.exists({}), repos.candidates.model.exists({})]);
  return found.every((f) => f === null);
}
