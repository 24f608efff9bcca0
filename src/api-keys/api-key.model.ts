import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Role } from '../auth/principal.js';

export const ROLES: readonly Role[] = ['ADMIN', 'JOB_BOARD', 'RECRUITER', 'CANDIDATE'];

/**
 * An issued API key. The plaintext key is never stored: only its SHA-256 digest. The key
 * embeds this document's `_id`, so authentication is one `_id` point read (the only lookup
 * FerretDB indexes) followed by a constant-time digest comparison.
 */
export interface ApiKeyRecord {
  _id: Types.ObjectId;
  /** SHA-256 of the whole plaintext key, hex. */
  keyHash: string;
  role: Role;
  label: string;
  employerId: Types.ObjectId | null;
  candidateId: Types.ObjectId | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
}

const schema = new Schema<ApiKeyRecord>(
  {
    keyHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    label: { type: String, required: true },
    employerId: { type: Schema.Types.ObjectId, default: null },
    candidateId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'api_keys', strict: 'throw', versionKey: false },
);

export function apiKeyModel(conn: Connection): Model<ApiKeyRecord> {
  return (conn.models.ApiKey as Model<ApiKeyRecord>) ?? conn.model('ApiKey', schema);
}
