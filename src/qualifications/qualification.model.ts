import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { QualificationKind } from '../shared/enums.js';

export interface QualificationRecord {
  _id: Types.ObjectId;
  code: string;
  name: string;
  kind: QualificationKind;
  issuer: string | null;
  stateSpecific: boolean;
  renewalMonths: number | null;
  continuingEducationHours: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<QualificationRecord>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: Object.values(QualificationKind), required: true },
    issuer: { type: String, default: null },
    stateSpecific: { type: Boolean, required: true, default: false },
    renewalMonths: { type: Number, default: null },
    continuingEducationHours: { type: Number, default: null },
  },
  { timestamps: true, collection: 'qualifications', strict: 'throw' },
);
schema.index({ code: 1 }, { unique: true });

export function qualificationModel(conn: Connection): Model<QualificationRecord> {
  return (conn.models.Qualification as Model<QualificationRecord>) ?? conn.model('Qualification', schema);
}
