// GraphQL shapes of continuing education, renewal status and renewals due (contract-next,
// "career and market intelligence"; DESIGN §9 "Renewal").
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { QualificationType } from '../qualifications/qualification.types.js';
import type { RenewalStatus } from '../matching/renewal.js';

export enum RenewalState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  LAPSED = 'LAPSED',
  NOT_RENEWABLE = 'NOT_RENEWABLE',
}
registerEnumType(RenewalState, { name: 'RenewalState' });

@ObjectType('ContinuingEducation')
export class ContinuingEducationType {
  @Field(() => LocalDateResolver) date!: string;
  @Field(() => Float) hours!: number;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
}

@InputType('ContinuingEducationInput')
export class ContinuingEducationInput {
  @Field(() => LocalDateResolver) date!: string;
  @Field(() => Float) hours!: number;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@ObjectType('RenewalStatus')
export class RenewalStatusType {
  @Field(() => LocalDateResolver, { nullable: true, description: 'expiresOn, else earnedOn + renewalMonths; null: not renewable' })
  dueOn!: string | null;
  @Field(() => Float, { nullable: true, description: "The catalog's continuingEducationHours for the cycle (the state's, for a state rule)" })
  hoursRequired!: number | null;
  @Field(() => Float, { description: 'CE hours dated in (dueOn - renewalMonths, dueOn]' }) hoursEarned!: number;
  @Field(() => RenewalState) state!: RenewalState;
}

@ObjectType('RenewalDue')
export class RenewalDueType {
  @Field(() => QualificationType) qualification!: QualificationType;
  @Field(() => RenewalStatusType) renewal!: RenewalStatusType;
  @Field(() => Int, { description: 'Open postings the candidate is eligible for today that require it' }) matchesAtRisk!: number;
}

export function toRenewalStatusView(r: RenewalStatus): RenewalStatusType {
  return { dueOn: r.dueOn, hoursRequired: r.hoursRequired, hoursEarned: r.hoursEarned, state: RenewalState[r.state] };
}
