import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { QualificationKind } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import type { QualificationRecord } from './qualification.model.js';

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
  };
}

/** The catalog entries for `codes`, in order; codes no longer in the catalog are left out. */
export function qualificationViews(codes: readonly string[], catalog: ReadonlyMap<string, QualificationRecord>): QualificationType[] {
  return codes.flatMap((code) => {
    const q = catalog.get(code);
    return q ? [toQualificationView(q)] : [];
  });
}
