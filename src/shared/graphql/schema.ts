import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CandidateResolver } from '../../candidates/candidate.resolver.js';
import { EmployerResolver } from '../../employers/employer.resolver.js';
import { PostingResolver } from '../../postings/posting.resolver.js';
import { QualificationResolver } from '../../qualifications/qualification.resolver.js';

export const RESOLVERS = [QualificationResolver, EmployerResolver, PostingResolver, CandidateResolver] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  // Input rules live in the services (they need the catalog and the database), so
  // class-validator's decorator validation is not used.
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
