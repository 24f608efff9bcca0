import { Field, Float, InputType } from 'type-graphql';

@InputType('GeoRadiusInput')
export class GeoRadiusInput {
  @Field(() => String, { nullable: true, description: 'A US ZIP code (5 digits): its centroid is the centre' })
  zip?: string | null;
  @Field(() => Float, { nullable: true, description: 'Or an explicit centre; zip wins when both are given' })
  latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Float, { description: 'Great-circle distance, 0 < r <= 500' }) radiusMiles!: number;
}
