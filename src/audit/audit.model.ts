import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ROLES } from '../api-keys/api-key.model.js';
import type { Role } from '../auth/principal.js';

export type AuditOutcome = 'SUCCESS' | 'FAILURE';

/** One executed mutation: who, what, when, on which record, and how it ended. */
export interface AuditRecord {
  /** ObjectIds grow with time, so `_id` descending is newest first. */
  _id: Types.ObjectId;
  at: Date;
  /** Id of the API key (`bootstrap-admin` for ADMIN_API_KEY); null: no valid key. */
  keyId: string | null;
  role: Role | null;
  /** The mutation's field name, e.g. "updateJobPosting". */
  operation: string;
  targetId: string | null;
  outcome: AuditOutcome;
  /** The error code of a failed mutation (FORBIDDEN, BAD_USER_INPUT, ...). */
  errorCode: string | null;
}

const schema = new Schema<AuditRecord>(
  {
    at: { type: Date, required: true },
    keyId: { type: String, default: null },
    role: { type: String, enum: [...ROLES, null], default: null },
    operation: { type: String, required: true },
    targetId: { type: String, default: null },
    outcome: { type: String, enum: ['SUCCESS', 'FAILURE'], required: true },
    errorCode: { type: String, default: null },
  },
  { collection: 'audit_log', strict: 'throw', versionKey: false },
);
// The admin filters: what one key did, and what happened to one record.
schema.index({ keyId: 1, _id: -1 });
schema.index({ targetId: 1, _id: -1 });

export function auditModel(conn: Connection): Model<AuditRecord> {
  return (conn.models.AuditEntry as Model<AuditRecord>) ?? conn.model('AuditEntry', schema);
}
