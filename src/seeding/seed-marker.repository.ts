// One document that says what start-up seeding loaded and whether it finished. Written
// "started" before the first record and "completed" only after the last one, so a seeding
// interrupted by a crash or a stop is recognised and resumed at the next start.
import { Schema, type Connection, type Model } from 'mongoose';
import type { SeedMode } from '../config.js';

/** Bumped when what a completed seeding means changes (a new resume rule, a new data kind). */
export const SEED_FORMAT_VERSION = 1;

export interface SeedMarker {
  _id: 'seed';
  mode: Exclude<SeedMode, 'none'>;
  version: number;
  startedAt: Date;
  completedAt: Date | null;
}

const markerSchema = new Schema<SeedMarker>(
  {
    _id: { type: String, required: true },
    mode: { type: String, required: true },
    version: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'seed_state', versionKey: false },
);

export class SeedMarkerRepository {
  private readonly model: Model<SeedMarker>;

  constructor(conn: Connection) {
    this.model = (conn.models.SeedMarker as Model<SeedMarker>) ?? conn.model('SeedMarker', markerSchema);
  }

  async get(): Promise<SeedMarker | null> {
    return this.model.findById('seed').lean<SeedMarker>();
  }

  async started(mode: SeedMarker['mode'], now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: 'seed' },
      { $set: { mode, version: SEED_FORMAT_VERSION, startedAt: now, completedAt: null } },
      { upsert: true },
    );
  }

  async completed(now: Date): Promise<void> {
    await this.model.updateOne({ _id: 'seed' }, { $set: { completedAt: now } });
  }
}
