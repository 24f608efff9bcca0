// Part of the composition root: one instance of every resolver, built with the services it
// needs, handed to type-graphql as its `container`. Resolvers therefore take their services
// through their constructors, and the GraphQL context carries only the caller and loaders.
import type { ContainerType } from 'type-graphql';
import type { AppServices } from './app.services.js';
import { ApiKeyResolver } from './api-keys/api-key.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { CandidateResolver } from './candidates/candidate.resolver.js';
import { CandidateSearchResolver } from './candidates/candidate-search.resolver.js';
import { EmployerResolver } from './employers/employer.resolver.js';
import { MatchResolver } from './matches/match.resolver.js';
import { PostingSearchResolver } from './postings/posting-search.resolver.js';
import { PostingResolver } from './postings/posting.resolver.js';
import { PostingFeedResolver } from './postings/posting-feed.resolver.js';
import { QualificationResolver } from './qualifications/qualification.resolver.js';
import { IndexSyncResolver } from './search/index-sync/index-sync.resolver.js';
import { ReconcileResolver } from './search/index-sync/reconcile.resolver.js';
import { DataRightsResolver } from './data-rights/data-rights.resolver.js';
import { RenewalResolver } from './renewals/renewal.resolver.js';
import { SalaryResolver } from './salary/salary.resolver.js';
import { CareerMarketResolver } from './career-market/career-market.resolver.js';
import { AlertResolver } from './alerts/alert.resolver.js';

export function createResolverContainer(s: AppServices): ContainerType {
  const instances = new Map<unknown, object>([
    [QualificationResolver, new QualificationResolver(s.qualifications)],
    [EmployerResolver, new EmployerResolver(s.employers)],
    [PostingResolver, new PostingResolver(s.postings, s.qualifications)],
    [PostingFeedResolver, new PostingFeedResolver(s.postingBulk, s.postingFeeds, s.postings)],
    [PostingSearchResolver, new PostingSearchResolver(s.postingSearch, s.postingLists)],
    [CandidateResolver, new CandidateResolver(s.candidates, s.qualifications)],
    [CandidateSearchResolver, new CandidateSearchResolver(s.candidateSearch)],
    [MatchResolver, new MatchResolver(s.matches, s.qualifications)],
    [ApiKeyResolver, new ApiKeyResolver(s.apiKeys)],
    [AuditResolver, new AuditResolver(s.audit)],
    [IndexSyncResolver, new IndexSyncResolver(s.indexSync)],
    [ReconcileResolver, new ReconcileResolver(s.reconcile)],
    [DataRightsResolver, new DataRightsResolver(s.dataRights, s.deletions)],
    [RenewalResolver, new RenewalResolver(s.renewals)],
    [SalaryResolver, new SalaryResolver(s.salaries)],
    [CareerMarketResolver, new CareerMarketResolver(s.careerMarket)],
    [AlertResolver, new AlertResolver(s.alerts)],
  ]);
  return {
    get(resolverClass: unknown) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`No resolver instance for ${String((resolverClass as { name?: string }).name)}`);
      return instance;
    },
  };
}
