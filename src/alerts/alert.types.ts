import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { PostingFilter } from '../postings/posting.types.js';
import type { AlertKindName } from './alert-conditions.js';
import type { AlertRecord, DeliveryRecord } from './alert.model.js';
import type { AlertEventPayload } from './alert-events.js';

export const AlertKind: { [K in AlertKindName]: K } = {
  POSTINGS_FOR_CANDIDATE: 'POSTINGS_FOR_CANDIDATE',
  CANDIDATES_FOR_POSTING: 'CANDIDATES_FOR_POSTING',
  SAVED_SEARCH: 'SAVED_SEARCH',
};
registerEnumType(AlertKind, {
  name: 'AlertKind',
  valuesConfig: {
    POSTINGS_FOR_CANDIDATE: { description: 'A newly open or changed posting the candidate is eligible for' },
    CANDIDATES_FOR_POSTING: { description: 'A discoverable candidate newly eligible for the posting' },
    SAVED_SEARCH: { description: 'A newly open posting that matches query + filter' },
  },
});

@InputType('AlertInput')
export class AlertInput {
  @Field(() => AlertKind) kind!: AlertKindName;
  @Field(() => ID, { nullable: true, description: 'POSTINGS_FOR_CANDIDATE' }) candidateId?: string | null;
  @Field(() => ID, { nullable: true, description: 'CANDIDATES_FOR_POSTING' }) postingId?: string | null;
  @Field(() => String, { nullable: true, description: 'SAVED_SEARCH' }) query?: string | null;
  @Field(() => PostingFilter, { nullable: true, description: 'POSTINGS_FOR_CANDIDATE and SAVED_SEARCH' }) filter?: PostingFilter | null;
  @Field(() => String, { nullable: true, description: 'Optional; http(s). Without it, events go to subscriptions only' })
  webhookUrl?: string | null;
}

@ObjectType('Alert')
export class AlertType {
  @Field(() => ID) id!: string;
  @Field(() => AlertKind) kind!: AlertKindName;
  @Field(() => ID, { nullable: true }) candidateId!: string | null;
  @Field(() => ID, { nullable: true }) postingId!: string | null;
  @Field(() => String, { nullable: true }) query!: string | null;
  @Field(() => String, { nullable: true }) webhookUrl!: string | null;
  @Field(() => Boolean, { description: 'false after repeated delivery failures (see DESIGN 9)' }) active!: boolean;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType('AlertCreated')
export class AlertCreatedType {
  @Field(() => AlertType) alert!: AlertType;
  @Field(() => String, { description: 'The webhook signing secret, shown once' }) secret!: string;
}

@ObjectType('AlertEvent')
export class AlertEventType {
  @Field(() => ID, { description: "Unique; also the webhook's idempotency key" }) id!: string;
  @Field(() => ID) alertId!: string;
  @Field(() => AlertKind) kind!: AlertKindName;
  @Field(() => ID, { nullable: true }) postingId!: string | null;
  @Field(() => ID, { nullable: true }) candidateId!: string | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => DateTimeISOResolver) occurredAt!: Date;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID) eventId!: string;
  @Field(() => String, { description: '"pending" | "delivered" | "failed"' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) nextAttemptAt!: Date | null;
}

export function toAlertView(a: AlertRecord): AlertType {
  return {
    id: a._id.toHexString(),
    kind: a.kind,
    candidateId: a.candidateId?.toHexString() ?? null,
    postingId: a.postingId?.toHexString() ?? null,
    query: a.query,
    webhookUrl: a.webhookUrl,
    active: a.active,
    createdAt: a.createdAt,
  };
}

export function toDeliveryView(d: DeliveryRecord): WebhookDeliveryType {
  return {
    eventId: d._id,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  };
}

export function toEventView(e: AlertEventPayload): AlertEventType {
  return { ...e, kind: e.kind as AlertKindName, occurredAt: new Date(e.occurredAt) };
}
