import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CandidateResolver } from '../../candidates/candidate.resolver.js';
import { EmployerResolver } from '../../employers/employer.resolver.js';
import { PostingResolver } from '../../postings/posting.resolver.js';
import { QualificationResolver } from '../../qualifications/qualification.resolver.js';
import { PostingSearchResolver } from '../../postings/posting-search.resolver.js';
import { MatchingResolver } from '../../matching/matching.resolver.js';
import { ApiKeyResolver } from '../../auth/api-key.resolver.js';
import { AuditResolver } from '../../audit/audit.resolver.js';
import { CandidateSearchResolver } from '../../candidates/candidate-search.resolver.js';

export const RESOLVERS = [
  QualificationResolver,
  EmployerResolver,
  PostingResolver,
  PostingSearchResolver,
  CandidateResolver,
  CandidateSearchResolver,
  MatchingResolver,
  ApiKeyResolver,
  AuditResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  // Input rules live in the services (they need the catalog and the database), so
  // class-validator's decorator validation is not used.
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
