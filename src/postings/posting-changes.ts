// What a feed item would change in a stored posting: only the fields a feed sets, compared in
// their stored (normalised) form, so a repeated feed is "unchanged" and written nowhere.
import { PostingStatus } from '../shared/enums.js';
import type { PostingRecord } from './posting.model.js';
import type { PostingData } from './posting.repository.js';
import { DEFAULT_OCCUPATION_CODE } from './posting-input.js';
import { storedLocation } from '../geo/geo-input.js';

/** The fields an upsert item replaces (everything else, e.g. postedAt, stays as stored). */
const FEED_FIELDS = [
  'title',
  'description',
  'setting',
  'employmentType',
  'city',
  'state',
  'zip',
  'remote',
  'salaryMin',
  'salaryMax',
  'minDegree',
  'minYearsExperience',
  'requiredQualificationCodes',
  'preferredQualificationCodes',
  'skills',
  'status',
  'occupationCode',
  'validThrough',
  'feedKey',
] as const satisfies readonly (keyof PostingData)[];

function comparable(field: (typeof FEED_FIELDS)[number], value: unknown): string {
  if (field === 'occupationCode' && (value === undefined || value === null)) return JSON.stringify(DEFAULT_OCCUPATION_CODE);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (field === 'minDegree' && value && typeof value === 'object') {
    const d = value as { minLevel: string; fields?: string[] };
    return JSON.stringify({ minLevel: d.minLevel, fields: d.fields ?? [] });
  }
  return JSON.stringify(value ?? null);
}

/**
 * The $set that turns `current` into `next` for the feed's fields, or null when nothing
 * differs. A status change moves closedAt with it; a new place moves the coordinates.
 */
export function postingChanges(current: PostingRecord, next: PostingData, now: Date): Partial<PostingData> | null {
  const changes: Partial<PostingData> = {};
  for (const field of FEED_FIELDS) {
    if (comparable(field, current[field]) !== comparable(field, next[field])) (changes as Record<string, unknown>)[field] = next[field];
  }
  if (Object.keys(changes).length === 0) return null;
  if (changes.status !== undefined) changes.closedAt = changes.status === PostingStatus.CLOSED ? now : null;
  if (changes.zip !== undefined || changes.city !== undefined || changes.state !== undefined) {
    Object.assign(changes, storedLocation(next));
  }
  return changes;
}
