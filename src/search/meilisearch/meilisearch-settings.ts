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
    'salaryBand',
    '_geo',
  ],
  sortableAttributes: ['postedAt', 'id', 'salarySortKey', '_geo'],
  // `sort` first: NEWEST, SALARY and DISTANCE order even a worded search by their key (the
  // words then only select). RELEVANCE sends no sort, so the relevance rules decide.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  // Facet counts are exact, but only for this many values per facet (56 states is the most).
  faceting: { maxValuesPerFacet: 500 },
  embedders,
};

export const CANDIDATE_SETTINGS: Settings = {
  // searchCandidates' words, most telling first (the `attribute` rule ranks by this order).
  searchableAttributes: ['headline', 'experienceTitles', 'skills', 'summary'],
  filterableAttributes: [
    'discoverable',
    'state',
    'experienceSettings',
    'highestDegree',
    '_geo',
    'degreeTokens',
    'experienceClosedDays',
    'experienceEffectiveStartDay',
    'experienceValidUntilDay',
    'indexedOnDay',
    // A parent makes its nested fields filterable: qualificationExpiry.<token>.
    'qualificationExpiry',
  ],
  sortableAttributes: ['id', 'experienceEffectiveStartDay', 'experienceClosedDays'],
  // Relevance first with words (ties by id); without words the sort alone orders.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 500 },
  embedders,
};
