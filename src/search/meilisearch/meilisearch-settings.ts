// Index settings the Meilisearch adapter applies on reset and before first use. Every
// attribute a filter in meilisearch-filters.ts names must be filterable here (a unit test
// checks that), and sort attributes must be sortable.
import type { Settings } from 'meilisearch';
import { FIT_DIMENSIONS, FIT_EMBEDDER } from './meilisearch-fit-vectors.js';

/**
 * Exact totals come from `totalHits`, which Meilisearch caps at maxTotalHits: sized for the
 * design's 100,000 documents per index with headroom.
 */
export const MAX_TOTAL_HITS = 250_000;

const embedders: Settings['embedders'] = {
  [FIT_EMBEDDER]: { source: 'userProvided', dimensions: FIT_DIMENSIONS },
};

export const POSTING_SETTINGS: Settings = {
  searchableAttributes: ['title', 'skills', 'employerName', 'description'],
  filterableAttributes: [
    'status',
    'state',
    'setting',
    'employmentType',
    'remote',
    'salaryCeiling',
    'employerId',
    'degreeTokens',
    'minYearsExperience',
    'requiredQualificationTokens',
  ],
  sortableAttributes: ['postedAt', 'id'],
  // Relevance first; `sort` (postedAt desc, id asc) only breaks ties, after exactness.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  embedders,
};

export const CANDIDATE_SETTINGS: Settings = {
  searchableAttributes: ['skills'],
  filterableAttributes: [
    'discoverable',
    'degreeTokens',
    'experienceClosedDays',
    'experienceEffectiveStartDay',
    'experienceValidUntilDay',
    'indexedOnDay',
    // A parent makes its nested fields filterable: qualificationExpiry.<token>.
    'qualificationExpiry',
  ],
  sortableAttributes: ['id'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  embedders,
};
