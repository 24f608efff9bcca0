import type DataLoader from 'dataloader';
import type { Principal } from '../../auth/principal.js';
import type { AppServices } from '../../app.services.js';
import type { EmployerRecord } from '../../employers/employer.model.js';
import type { PostingRecord } from '../../postings/posting.model.js';
import type { PostingStatus } from '../enums.js';

/** Per-request batching, so lists never cost one query per item (no N+1). */
export interface RequestLoaders {
  employerById: DataLoader<string, EmployerRecord | undefined>;
  postingsByEmployer(status: PostingStatus | undefined): DataLoader<string, PostingRecord[]>;
}

export interface GraphQLContext {
  principal: Principal;
  services: AppServices;
  loaders: RequestLoaders;
}
