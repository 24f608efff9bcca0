import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CareSetting, DegreeLevel, EmploymentType, PostingStatus } from '../shared/enums.js';

export interface DegreeRequirementRecord {
  minLevel: DegreeLevel;
  fields: string[];
}

export interface PostingRecord {
  _id: Types.ObjectId;
  employerId: Types.ObjectId;
  /** A job board's own id for the posting; also what makes seeding idempotent. */
  externalRef: string | null;
  title: string;
  description: string;
  setting: CareSetting;
  employmentType: EmploymentType;
  city: string | null;
  state: string | null;
  /** Five-digit US ZIP, or null. */
  zip: string | null;
  /** From the zip, else the city+state centroid (src/geo); null when unknown. */
  latitude: number | null;
  longitude: number | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  minDegree: DegreeRequirementRecord | null;
  minYearsExperience: number;
  requiredQualificationCodes: string[];
  preferredQualificationCodes: string[];
  skills: string[];
  status: PostingStatus;
  postedAt: Date;
  closedAt: Date | null;
  /**
   * "<employer id>:<externalRef>" when the posting has a reference, else absent: the unique
   * index on it makes externalRef unique per employer (FerretDB v1 has no partial indexes, and
   * both servers leave absent values out of a unique index's collisions).
   */
  feedKey?: string;
  /** O*NET-SOC occupation; absent on postings stored before it existed (read as the default). */
  occupationCode: string;
  /** Until when the posting is open, when a feed said so (JSON-LD validThrough); else null. */
  validThrough: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const degreeRequirement = new Schema<DegreeRequirementRecord>(
  {
    minLevel: { type: String, enum: Object.values(DegreeLevel), required: true },
    fields: { type: [String], default: [] },
  },
  { _id: false },
);

const schema = new Schema<PostingRecord>(
  {
    employerId: { type: Schema.Types.ObjectId, required: true },
    externalRef: { type: String, default: null },
    title: { type: String, required: true },
    description: { type: String, required: true },
    setting: { type: String, enum: Object.values(CareSetting), required: true },
    employmentType: { type: String, enum: Object.values(EmploymentType), required: true },
    city: { type: String, default: null },
    state: { type: String, default: null },
    zip: { type: String, default: null },
    latitude: { type: Number, default: null },
    longitude: { type: Number, default: null },
    remote: { type: Boolean, required: true },
    salaryMin: { type: Number, default: null },
    salaryMax: { type: Number, default: null },
    minDegree: { type: degreeRequirement, default: null },
    minYearsExperience: { type: Number, required: true, min: 0 },
    requiredQualificationCodes: { type: [String], default: [] },
    preferredQualificationCodes: { type: [String], default: [] },
    skills: { type: [String], default: [] },
    status: { type: String, enum: Object.values(PostingStatus), required: true },
    postedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    feedKey: { type: String, required: false },
    occupationCode: { type: String, default: '11-9111.00' },
    validThrough: { type: Date, default: null },
  },
  { timestamps: true, collection: 'postings', strict: 'throw' },
);
// Employer.postings(status) and a recruiter's own listings.
schema.index({ employerId: 1, status: 1, postedAt: -1 });
// Job boards address their postings by their own reference.
schema.index({ externalRef: 1 });
// externalRef is unique per employer (DESIGN §9, bulk upsert).
schema.index({ feedKey: 1 }, { unique: true, sparse: true });
// jobPostings(employerId?, status?): keyset pages newest first.
schema.index({ postedAt: -1, _id: 1 });
schema.index({ employerId: 1, postedAt: -1, _id: 1 });

export function postingModel(conn: Connection): Model<PostingRecord> {
  return (conn.models.JobPosting as Model<PostingRecord>) ?? conn.model('JobPosting', schema);
}
