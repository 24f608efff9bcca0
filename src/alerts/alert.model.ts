// MongoDB shapes of the alerts feature: the alerts themselves, the durable webhook delivery
// queue (one document per event with a webhook), and the last state of each posting and
// candidate the detector saw (to tell "newly true" from "still true").
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { AlertKindName } from './alert-conditions.js';
import type { PostingSearchFilter } from '../search/search-engine.js';

export const ALERT_KINDS: readonly AlertKindName[] = ['POSTINGS_FOR_CANDIDATE', 'CANDIDATES_FOR_POSTING', 'SAVED_SEARCH'];

export interface AlertRecord {
  _id: Types.ObjectId;
  kind: AlertKindName;
  /** The API key that created it: its owner, who lists and deletes it. */
  ownerKeyId: string;
  candidateId: Types.ObjectId | null;
  postingId: Types.ObjectId | null;
  query: string | null;
  /** Normalised (states upper case, near resolved to a centre). */
  filter: PostingSearchFilter | null;
  webhookUrl: string | null;
  /** Per-alert salt of the derived signing secret (alert-secret.ts); the secret is never stored. */
  secretSalt: string;
  active: boolean;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryRecord {
  /** The event id (deterministic per alert, posting, candidate and change). */
  _id: string;
  alertId: Types.ObjectId;
  candidateId: string | null;
  postingId: string | null;
  /** The exact JSON body, fixed at creation so every attempt sends (and signs) the same bytes. */
  body: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  finishedAt: Date | null;
}

/**
 * The queue proper: one small document per PENDING delivery (removed once delivered or
 * failed), so claiming scans only what is still to send, never the delivery history.
 */
export interface QueueRecord {
  /** The event id, as in alert_deliveries. */
  _id: string;
  nextAttemptAt: Date;
  /** A worker's claim on the current attempt (leaseOwner), until leaseUntil. */
  leaseUntil: Date;
  leaseOwner: string | null;
}

/** Alerts created, deleted or deactivated in one second (epoch seconds as _id): how other instances hear of them. */
export interface AlertChangeRecord {
  _id: number;
  ids: string[];
}

export interface EntityStateRecord {
  /** "posting:<id>" or "candidate:<id>". */
  _id: string;
  version: number;
  state: unknown;
}

const alertSchema = new Schema<AlertRecord>(
  {
    kind: { type: String, enum: ALERT_KINDS, required: true },
    ownerKeyId: { type: String, required: true },
    candidateId: { type: Schema.Types.ObjectId, default: null },
    postingId: { type: Schema.Types.ObjectId, default: null },
    query: { type: String, default: null },
    filter: { type: Schema.Types.Mixed, default: null },
    webhookUrl: { type: String, default: null },
    secretSalt: { type: String, required: true },
    active: { type: Boolean, required: true },
    consecutiveFailures: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'alerts', strict: 'throw', versionKey: false, minimize: false },
);

// Look-ups a real MongoDB serves from indexes (FerretDB's SQLite backend scans either way).
alertSchema.index({ ownerKeyId: 1 });
alertSchema.index({ candidateId: 1 });
alertSchema.index({ postingId: 1 });

const deliverySchema = new Schema<DeliveryRecord>(
  {
    _id: { type: String, required: true },
    alertId: { type: Schema.Types.ObjectId, required: true },
    candidateId: { type: String, default: null },
    postingId: { type: String, default: null },
    body: { type: String, required: true },
    url: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastStatusCode: { type: Number, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'alert_deliveries', strict: 'throw', versionKey: false },
);

const queueSchema = new Schema<QueueRecord>(
  {
    _id: { type: String, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
    leaseOwner: { type: String, default: null },
  },
  { collection: 'alert_delivery_queue', strict: 'throw', versionKey: false },
);
queueSchema.index({ nextAttemptAt: 1 });

deliverySchema.index({ alertId: 1, createdAt: -1 });
deliverySchema.index({ candidateId: 1 });

const stateSchema = new Schema<EntityStateRecord>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'alert_entity_states', strict: 'throw', versionKey: false, minimize: false },
);

const changeSchema = new Schema<AlertChangeRecord>(
  { _id: { type: Number, required: true }, ids: { type: [String], required: true } },
  { collection: 'alert_changes', strict: 'throw', versionKey: false },
);

export function alertChangeModel(conn: Connection): Model<AlertChangeRecord> {
  return (conn.models.AlertChange as Model<AlertChangeRecord>) ?? conn.model('AlertChange', changeSchema);
}

export function alertModel(conn: Connection): Model<AlertRecord> {
  return (conn.models.Alert as Model<AlertRecord>) ?? conn.model('Alert', alertSchema);
}

export function deliveryModel(conn: Connection): Model<DeliveryRecord> {
  return (conn.models.AlertDelivery as Model<DeliveryRecord>) ?? conn.model('AlertDelivery', deliverySchema);
}

export function queueModel(conn: Connection): Model<QueueRecord> {
  return (conn.models.AlertDeliveryQueue as Model<QueueRecord>) ?? conn.model('AlertDeliveryQueue', queueSchema);
}

export function entityStateModel(conn: Connection): Model<EntityStateRecord> {
  return (conn.models.AlertEntityState as Model<EntityStateRecord>) ?? conn.model('AlertEntityState', stateSchema);
}
