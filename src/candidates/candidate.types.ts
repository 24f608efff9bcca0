import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { CareSetting, DegreeLevel } from '../shared/enums.js';
import '../shared/graphql/enums.graphql.js';
import { QualificationType } from '../qualifications/qualification.types.js';
import type { CandidateRecord, ExperienceRecord, HeldQualificationRecord } from './candidate.model.js';
import { ContinuingEducationInput, ContinuingEducationType, RenewalStatusType } from '../renewals/renewal.types.js';
import { recordLocation } from '../geo/geo-input.js';

@ObjectType('Degree')
export class DegreeType {
  @Field(() => DegreeLevel) level!: DegreeLevel;
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true }) institution!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
}

@ObjectType('HeldQualification')
export class HeldQualificationType {
  @Field(() => QualificationType) qualification!: QualificationType;
  @Field(() => LocalDateResolver, { nullable: true }) earnedOn!: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'null: no expiry' }) expiresOn!: string | null;
  @Field(() => String, { nullable: true, description: 'For state-specific licences: the granting state' })
  state!: string | null;
  @Field(() => Boolean, { description: 'Not expired today' }) current!: boolean;
  @Field(() => [ContinuingEducationType]) continuingEducation!: ContinuingEducationType[];
  @Field(() => RenewalStatusType, { description: 'Renewal on today (DESIGN 9): due date, CE hours of the cycle, state' })
  renewal!: RenewalStatusType;
}

@ObjectType('Experience')
export class ExperienceType {
  @Field(() => String) title!: string;
  @Field(() => CareSetting, { nullable: true }) setting!: CareSetting | null;
  @Field(() => LocalDateResolver) startDate!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'null: current position' }) endDate!: string | null;
}

@ObjectType('Candidate')
export class CandidateType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) headline!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) zip!: string | null;
  @Field(() => Float, { nullable: true, description: 'From zip, else the city+state centroid; null when unknown' })
  latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => [DegreeType]) degrees!: DegreeType[];
  @Field(() => [ExperienceType]) experience!: ExperienceRecord[];
  @Field(() => [String]) skills!: string[];
  @Field(() => Boolean, { description: 'false: never shown to recruiters' }) discoverable!: boolean;
  // Resolved by field resolvers: need the catalog, today's date, or the caller's rights.
  heldQualifications!: HeldQualificationRecord[];
  emailAddress!: string;
}

@InputType('DegreeInput')
export class DegreeInput {
  @Field(() => DegreeLevel) level!: DegreeLevel;
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true }) institution?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
}

@InputType('HeldQualificationInput')
export class HeldQualificationInput {
  @Field(() => String) code!: string;
  @Field(() => LocalDateResolver, { nullable: true }) earnedOn?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) expiresOn?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => [ContinuingEducationInput], {
    nullable: true,
    defaultValue: [],
    description: 'CE activities towards renewal: at most 500, dated today or earlier, hours in (0, 200]',
  })
  continuingEducation?: ContinuingEducationInput[] | null;
}

@InputType('ExperienceInput')
export class ExperienceInput {
  @Field(() => String) title!: string;
  @Field(() => CareSetting, { nullable: true }) setting?: CareSetting | null;
  @Field(() => LocalDateResolver) startDate!: string;
  @Field(() => LocalDateResolver, { nullable: true }) endDate?: string | null;
}

@InputType('CandidateUpdateInput')
export class CandidateUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) headline?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => [DegreeInput], { nullable: true }) degrees?: DegreeInput[] | null;
  @Field(() => [HeldQualificationInput], { nullable: true }) qualifications?: HeldQualificationInput[] | null;
  @Field(() => [ExperienceInput], { nullable: true }) experience?: ExperienceInput[] | null;
  @Field(() => [String], { nullable: true }) skills?: string[] | null;
  @Field(() => Boolean, { nullable: true }) discoverable?: boolean | null;
}

@InputType('CandidateInput')
export class CandidateInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) headline?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => [DegreeInput], { nullable: true, defaultValue: [] }) degrees?: DegreeInput[] | null;
  @Field(() => [HeldQualificationInput], { nullable: true, defaultValue: [] })
  qualifications?: HeldQualificationInput[] | null;
  @Field(() => [ExperienceInput], { nullable: true, defaultValue: [] }) experience?: ExperienceInput[] | null;
  @Field(() => [String], { nullable: true, defaultValue: [] }) skills?: string[] | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) discoverable?: boolean | null;
}

export function toCandidateView(c: CandidateRecord): CandidateType {
  return {
    id: c._id.toHexString(),
    name: c.name,
    headline: c.headline,
    summary: c.summary,
    city: c.city,
    state: c.state,
    zip: c.zip ?? null,
    ...recordLocation(c),
    degrees: c.degrees.map((d) => ({ ...d })),
    experience: c.experience.map((e) => ({ ...e })),
    skills: [...c.skills],
    discoverable: c.discoverable,
    heldQualifications: c.qualifications.map((q) => ({ ...q })),
    emailAddress: c.email,
  };
}
