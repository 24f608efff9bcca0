import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { QualificationKind } from '../shared/enums.js';

/** A state board's own cycle for a state-granted licence (NHA in TN: 12 months, 18 hours). */
export interface StateRenewalRecord {
  state: string;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
}

export interface QualificationRecord {
  _id: Types.ObjectId;
  code: string;
  name: string;
  kind: QualificationKind;
  issuer: string | null;
  stateSpecific: boolean;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
  /** Absent in databases seeded before it existed (seeding/catalog-backfill.ts fills it). */
  renewalByState?: StateRenewalRecord[];
  createdAt: Date;
  updatedAt: Date;
}

const stateRenewal = new Schema<StateRenewalRecord>(
  {
    state: { type: String, required: true },
    renewalMonths: { type: Number, default: null },
    continuingEducationHours: { type: Number, default: null },
  },
  { _id: false },
);

const schema = new Schema<QualificationRecord>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: Object.values(QualificationKind), required: true },
    issuer: { type: String, default: null },
    stateSpecific: { type: Boolean, required: true, default: false },
    renewalMonths: { type: Number, default: null },
    continuingEducationHours: { type: Number, default: null },
    // No default: "absent" (an older database) must stay distinguishable from "none".
    renewalByState: { type: [stateRenewal], default: undefined },
  },
  { timestamps: true, collection: 'qualifications', strict: 'throw' },
);
schema.index({ code: 1 }, { unique: true });

export function qualificationModel(conn: Connection): Model<QualificationRecord> {
  return (conn.models.Qualification as Model<QualificationRecord>) ?? conn.model('Qualification', schema);
}
