import type DataLoader from 'dataloader';
import type { Principal } from '../../auth/principal.js';
import type { EmployerRecord } from '../../employers/employer.model.js';
import type { PostingRecord } from '../../postings/posting.model.js';
import type { PostingStatus } from '../../shared/enums.js';

/** Per-request batching, so lists never cost one query per item (no N+1). */
export interface RequestLoaders {
  employerById: DataLoader<string, EmployerRecord | undefined>;
  postingsByEmployer(status: PostingStatus | undefined): DataLoader<string, PostingRecord[]>;
}

/**
 * Only what is per request: the caller and the request's loaders. Resolvers get their
 * services through their constructors (type-graphql's `container`, built in src/app.resolvers.ts).
 */
export interface GraphQLContext {
  principal: Principal;
  loaders: RequestLoaders;
}
