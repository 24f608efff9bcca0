import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { QualificationKind } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import type { QualificationRecord } from './qualification.model.js';

@ObjectType('StateRenewal', { description: "A state board's own renewal cycle for a state-granted licence" })
export class StateRenewalType {
  @Field(() => String) state!: string;
  @Field(() => Int, { nullable: true }) renewalMonths!: number | null;
  @Field(() => Int, { nullable: true }) continuingEducationHours!: number | null;
}

@InputType('StateRenewalInput')
export class StateRenewalInput {
  @Field(() => String) state!: string;
  @Field(() => Int, { nullable: true }) renewalMonths?: number | null;
  @Field(() => Int, { nullable: true }) continuingEducationHours?: number | null;
}

@ObjectType('Qualification')
export class QualificationType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => QualificationKind) kind!: QualificationKind;
  @Field(() => String, { nullable: true }) issuer!: string | null;
  @Field(() => Boolean) stateSpecific!: boolean;
  @Field(() => Int, { nullable: true }) renewalMonths!: number | null;
  @Field(() => Int, { nullable: true }) continuingEducationHours!: number | null;
  @Field(() => [StateRenewalType], {
    description: 'Per-state cycles (state-granted licences): a holding granted in one of these states renews by its row',
  })
  renewalByState!: StateRenewalType[];
}

@InputType('QualificationInput')
export class QualificationInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => QualificationKind) kind!: QualificationKind;
  @Field(() => String, { nullable: true }) issuer?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) stateSpecific?: boolean | null;
  @Field(() => Int, { nullable: true }) renewalMonths?: number | null;
  @Field(() => Int, { nullable: true }) continuingEducationHours?: number | null;
  @Field(() => [StateRenewalInput], { nullable: true, description: 'Replaces the per-state cycles; null or absent: none' })
  renewalByState?: StateRenewalInput[] | null;
}

export function toQualificationView(q: QualificationRecord): QualificationType {
  return {
    id: q._id.toHexString(),
    code: q.code,
    name: q.name,
    kind: q.kind,
    issuer: q.issuer,
    stateSpecific: q.stateSpecific,
    renewalMonths: q.renewalMonths,
    continuingEducationHours: q.continuingEducationHours,
    renewalByState: (q.renewalByState ?? []).map((r) => ({ ...r })),
  };
}

/** The catalog entries for `codes`, in order; codes no longer in the catalog are left out. */
export function qualificationViews(codes: readonly string[], catalog: ReadonlyMap<string, QualificationRecord>): QualificationType[] {
  return codes.flatMap((code) => {
    const q = catalog.get(code);
    return q ? [toQualificationView(q)] : [];
  });
}
