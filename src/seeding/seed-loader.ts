// Loads the demo data through the services, so seeds obey every rule the API enforces.
// Idempotent: each record's _id derives from its natural key, and existing ones are skipped.
import type { AppRepositories, AppServices } from '../app.services.js';
import type { Principal } from '../auth/principal.js';
import { PostingStatus } from '../shared/enums.js';
import type { SeedData } from './seed-files.js';
import { seedObjectId } from './seed-ids.js';

export interface SeedReport {
  qualifications: number;
  employers: { created: number; existing: number };
  postings: { created: number; existing: number };
  candidates: { created: number; existing: number };
}

const SEEDER: Principal = { kind: 'key', role: 'ADMIN', keyId: 'seed-loader' };

export async function loadSeeds(services: AppServices, repos: AppRepositories, data: SeedData): Promise<SeedReport> {
  for (const q of data.catalog) await services.qualifications.upsert(SEEDER, q);

  const employers = { created: 0, existing: 0 };
  for (const e of data.employers) {
    const id = seedObjectId('employer', e.key);
    if (await repos.employers.findById(id)) employers.existing++;
    else {
      await services.employers.create(SEEDER, e, id);
      employers.created++;
    }
  }

  const postings = { created: 0, existing: 0 };
  for (const p of data.postings) {
    const id = seedObjectId('posting', p.externalRef);
    if (await repos.postings.findById(id)) {
      postings.existing++;
      continue;
    }
    const { employerKey, status, postedAt, ...fields } = p;
    await services.postings.create(
      SEEDER,
      { ...fields, employerId: seedObjectId('employer', employerKey).toHexString(), postedAt: new Date(postedAt) },
      id,
    );
    if (status === PostingStatus.CLOSED) await services.postings.close(SEEDER, id.toHexString());
    postings.created++;
  }

  const candidates = { created: 0, existing: 0 };
  for (const c of data.candidates) {
    const id = seedObjectId('candidate', c.email.toLowerCase());
    if (await repos.candidates.findById(id)) candidates.existing++;
    else {
      await services.candidates.create(SEEDER, c, id);
      candidates.created++;
    }
  }
  return { qualifications: data.catalog.length, employers, postings, candidates };
}

/** True when the database holds no catalog yet: `npm start` then loads the demo data. */
export async function isDatabaseEmpty(repos: AppRepositories): Promise<boolean> {
  return (await repos.qualifications.findAll()).length === 0;
}
