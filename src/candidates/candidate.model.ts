import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CareSetting, DegreeLevel } from '../shared/enums.js';

// Calendar dates are stored as "YYYY-MM-DD" strings: they have no time zone, sort correctly
// as text, and round-trip exactly through the LocalDate scalar.
export interface DegreeRecord {
  level: DegreeLevel;
  field: string;
  institution: string | null;
  year: number | null;
}

/** One continuing-education activity counted towards a qualification's renewal. */
export interface ContinuingEducationRecord {
  date: string;
  hours: number;
  provider: string | null;
  title: string | null;
}

export interface HeldQualificationRecord {
  code: string;
  earnedOn: string | null;
  expiresOn: string | null;
  state: string | null;
  /** Absent on records written before continuing education existed: read as []. */
  continuingEducation?: ContinuingEducationRecord[];
}

export interface ExperienceRecord {
  title: string;
  setting: CareSetting | null;
  startDate: string;
  endDate: string | null;
}

export interface CandidateRecord {
  _id: Types.ObjectId;
  name: string;
  /** Stored lower-cased: the unique index then catches case variants. */
  email: string;
  headline: string | null;
  summary: string | null;
  city: string | null;
  state: string | null;
  /** Five-digit US ZIP, or null. */
  zip: string | null;
  /** From the zip, else the city+state centroid (src/geo); null when unknown. */
  latitude: number | null;
  longitude: number | null;
  degrees: DegreeRecord[];
  qualifications: HeldQualificationRecord[];
  experience: ExperienceRecord[];
  skills: string[];
  discoverable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const degree = new Schema<DegreeRecord>(
  {
    level: { type: String, enum: Object.values(DegreeLevel), required: true },
    field: { type: String, required: true },
    institution: { type: String, default: null },
    year: { type: Number, default: null },
  },
  { _id: false },
);

const continuingEducation = new Schema<ContinuingEducationRecord>(
  {
    date: { type: String, required: true },
    hours: { type: Number, required: true },
    provider: { type: String, default: null },
    title: { type: String, default: null },
  },
  { _id: false },
);

const held = new Schema<HeldQualificationRecord>(
  {
    code: { type: String, required: true },
    earnedOn: { type: String, default: null },
    expiresOn: { type: String, default: null },
    state: { type: String, default: null },
    continuingEducation: { type: [continuingEducation], default: [] },
  },
  { _id: false },
);

const experience = new Schema<ExperienceRecord>(
  {
    title: { type: String, required: true },
    setting: { type: String, enum: [...Object.values(CareSetting), null], default: null },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
  },
  { _id: false },
);

const schema = new Schema<CandidateRecord>(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    headline: { type: String, default: null },
    summary: { type: String, default: null },
    city: { type: String, default: null },
    state: { type: String, default: null },
    zip: { type: String, default: null },
    latitude: { type: Number, default: null },
    longitude: { type: Number, default: null },
    degrees: { type: [degree], default: [] },
    qualifications: { type: [held], default: [] },
    experience: { type: [experience], default: [] },
    skills: { type: [String], default: [] },
    discoverable: { type: Boolean, required: true, default: true },
  },
  { timestamps: true, collection: 'candidates', strict: 'throw' },
);
schema.index({ email: 1 }, { unique: true });
// candidates(): keyset pages newest first.
schema.index({ createdAt: -1, _id: -1 });

export function candidateModel(conn: Connection): Model<CandidateRecord> {
  return (conn.models.Candidate as Model<CandidateRecord>) ?? conn.model('Candidate', schema);
}
