// GraphQL types of the career and market block's steps and talent supply (contract-next
// "career and market intelligence": CareerStep, StepKind, Relaxation, RelaxationChange,
// TalentSupply). The values are the pure views of matching/career-steps.ts and talent-supply.ts.
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DegreeLevel, RequirementKind } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { StepKind } from '../matching/career-steps.js';
import { RelaxationChange } from '../matching/talent-supply.js';

registerEnumType(StepKind, { name: 'StepKind' });
registerEnumType(RelaxationChange, { name: 'RelaxationChange' });

@ObjectType('CareerStep', {
  description: 'One change to the candidate that makes currently ineligible open postings eligible, everything else unchanged (DESIGN 9)',
})
export class CareerStepType {
  @Field(() => StepKind) kind!: StepKind;
  @Field(() => String, { nullable: true, description: 'QUALIFICATION: the code' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'QUALIFICATION, state-specific: granted in this state' }) state!: string | null;
  @Field(() => DegreeLevel, { nullable: true, description: 'DEGREE' }) degreeLevel!: DegreeLevel | null;
  @Field(() => String, { nullable: true, description: 'DEGREE: the field (normalised, lower case); null means a degree in any field' })
  degreeField!: string | null;
  @Field(() => Float, { nullable: true, description: 'EXPERIENCE: additional years needed (rounded up to hundredths)' }) years!: number | null;
  @Field(() => Int, { description: 'Open postings (after filter) it makes eligible' }) unlocks!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Median salaryCeiling of those postings (even count: mean of the middle two, rounded); null if none has one',
  })
  medianSalary!: number | null;
  @Field(() => String, { description: '"Earn CMM: 14 more postings", "NHA licence in TX: 6 more postings"' }) detail!: string;
}

@ObjectType('Relaxation')
export class RelaxationType {
  @Field(() => RequirementKind) kind!: RequirementKind;
  @Field(() => String, { nullable: true, description: 'QUALIFICATION' }) code!: string | null;
  @Field(() => RelaxationChange) change!: RelaxationChange;
  @Field(() => Int, { description: 'Discoverable candidates eligible after it, minus those eligible now' }) addedCandidates!: number;
  @Field(() => String, { description: '"Accept CMM as preferred instead of required: +37 candidates"' }) detail!: string;
}

@ObjectType('TalentSupply')
export class TalentSupplyType {
  @Field(() => Int, { description: 'Discoverable candidates eligible now' }) eligible!: number;
  @Field(() => [RelaxationType], { description: 'Every applicable relaxation, also with 0 (DESIGN 9 order)' }) relaxations!: RelaxationType[];
}
