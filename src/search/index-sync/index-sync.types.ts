import { Field, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { ParkedIndexUpdate } from './parked-updates.js';

@ObjectType('ParkedIndexUpdate', {
  description: 'An index update the search engine refused permanently (a bug to fix); retried once the document is written again',
})
export class ParkedIndexUpdateType {
  @Field(() => String, { description: 'The outbox entry, "<kind>:<documentId>"' }) id!: string;
  @Field(() => String, { description: '"posting" or "candidate"' }) kind!: string;
  @Field(() => String) documentId!: string;
  @Field(() => String, { description: "The engine's reason" }) error!: string;
  @Field(() => DateTimeISOResolver) parkedAt!: Date;
}

export function toParkedIndexUpdateView(p: ParkedIndexUpdate): ParkedIndexUpdateType {
  return { ...p };
}
