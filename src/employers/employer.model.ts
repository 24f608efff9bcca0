import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CareSetting } from '../shared/enums.js';

export interface EmployerRecord {
  _id: Types.ObjectId;
  name: string;
  setting: CareSetting;
  city: string | null;
  state: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<EmployerRecord>(
  {
    name: { type: String, required: true },
    setting: { type: String, enum: Object.values(CareSetting), required: true },
    city: { type: String, default: null },
    state: { type: String, default: null },
  },
  { timestamps: true, collection: 'employers', strict: 'throw' },
);
// Admin listings and the seed loader look employers up by name.
schema.index({ name: 1 });
// employers(query): keyset pages by (name, _id).
schema.index({ name: 1, _id: 1 });

export function employerModel(conn: Connection): Model<EmployerRecord> {
  return (conn.models.Employer as Model<EmployerRecord>) ?? conn.model('Employer', schema);
}
