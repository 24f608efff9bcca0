import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { CandidateResolver } from '../../candidates/candidate.resolver.js';
import { EmployerResolver } from '../../employers/employer.resolver.js';
import { PostingResolver } from '../../postings/posting.resolver.js';
import { QualificationResolver } from '../../qualifications/qualification.resolver.js';
import { PostingSearchResolver } from '../../postings/posting-search.resolver.js';
import { MatchResolver } from '../../matches/match.resolver.js';
import { ApiKeyResolver } from '../../api-keys/api-key.resolver.js';
import { AuditResolver } from '../../audit/audit.resolver.js';
import { CandidateSearchResolver } from '../../candidates/candidate-search.resolver.js';
import { IndexSyncResolver } from '../../search/index-sync/index-sync.resolver.js';
import { ReconcileResolver } from '../../search/index-sync/reconcile.resolver.js';
import { PostingFeedResolver } from '../../postings/posting-feed.resolver.js';
import { DataRightsResolver } from '../../data-rights/data-rights.resolver.js';
import { RenewalResolver } from '../../renewals/renewal.resolver.js';
import { SalaryResolver } from '../../salary/salary.resolver.js';
import { CareerMarketResolver } from '../../career-market/career-market.resolver.js';
import { AlertResolver } from '../../alerts/alert.resolver.js';

export const RESOLVERS = [
  QualificationResolver,
  EmployerResolver,
  PostingResolver,
  PostingSearchResolver,
  CandidateResolver,
  CandidateSearchResolver,
  MatchResolver,
  ApiKeyResolver,
  AuditResolver,
  IndexSyncResolver,
  ReconcileResolver,
  PostingFeedResolver,
  DataRightsResolver,
  RenewalResolver,
  SalaryResolver,
  CareerMarketResolver,
  AlertResolver,
] as const;

/**
 * `container` hands out the resolver instances (src/app.resolvers.ts); printing the schema
 * needs none, since type-graphql asks the container only when a field resolves.
 */
export async function createSchema(container?: ContainerType): Promise<GraphQLSchema> {
  // Input rules live in the services (they need the catalog and the database), so
  // class-validator's decorator validation is not used.
  // type-graphql wants a PubSub once any @Subscription exists, even though ours bring their own
  // `subscribe` (alert events come from the alerts feature's per-process bus): topics are unused.
  const pubSub = {
    publish: () => {
      throw new Error('subscription topics are not used');
    },
    subscribe: () => {
      throw new Error('subscription topics are not used');
    },
  };
  return buildSchema({ resolvers: [...RESOLVERS], validate: false, container, pubSub });
}
