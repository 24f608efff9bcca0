// Which settings the adapter sends at start (meilisearch-settings-sync.ts): none when the
// server already has ours, in the shapes Meilisearch reports them; only the differing ones otherwise.
import { describe, expect, it } from 'vitest';
import type { Settings } from 'meilisearch';
import { settingsToSend } from '../../../src/search/meilisearch/meilisearch-settings-sync.js';
import { CANDIDATE_SETTINGS, POSTING_SETTINGS } from '../../../src/search/meilisearch/meilisearch-settings.js';

/** What GET /settings answers after our settings were applied: defaults for the rest, unordered lists sorted, embedders with server-side fields. */
function asReported(s: Settings): Settings {
  const embedders = Object.fromEntries(Object.entries(s.embedders ?? {}).map(([k, v]) => [k, { ...v, documentTemplateMaxBytes: 400, binaryQuantized: false }]));
  return {
    displayedAttributes: ['*'],
    distinctAttribute: null,
    stopWords: [],
    synonyms: {},
    typoTolerance: { enabled: true },
    faceting: { maxValuesPerFacet: 100 },
    ...s,
    filterableAttributes: [...(s.filterableAttributes ?? [])].map(String).sort(),
    sortableAttributes: [...(s.sortableAttributes ?? [])].sort(),
    pagination: { ...s.pagination },
    embedders,
  } as Settings;
}

describe('settingsToSend', () => {
  it('sends nothing when the server reports our settings', () => {
    expect(settingsToSend(POSTING_SETTINGS, asReported(POSTING_SETTINGS))).toBeNull();
    expect(settingsToSend(CANDIDATE_SETTINGS, asReported(CANDIDATE_SETTINGS))).toBeNull();
  });

  it('accepts filterable attributes reported as attribute patterns', () => {
    const reported = { ...asReported(CANDIDATE_SETTINGS), filterableAttributes: (CANDIDATE_SETTINGS.filterableAttributes ?? []).map((a) => ({ attributePatterns: [String(a)], features: {} })) };
    expect(settingsToSend(CANDIDATE_SETTINGS, reported as Settings)).toBeNull();
  });

  it('sends only what differs: an ordered list out of order, a missing filterable attribute, a page limit', () => {
    const reported = asReported(POSTING_SETTINGS);
    const changed = {
      ...reported,
      rankingRules: [...(reported.rankingRules ?? [])].reverse(),
      filterableAttributes: (reported.filterableAttributes ?? []).slice(1),
      pagination: { maxTotalHits: 1000 },
    };
    expect(settingsToSend(POSTING_SETTINGS, changed)).toEqual({
      rankingRules: POSTING_SETTINGS.rankingRules,
      filterableAttributes: POSTING_SETTINGS.filterableAttributes,
      pagination: POSTING_SETTINGS.pagination,
    });
  });

  it('replaces a changed embedder and removes one we no longer define', () => {
    const reported = { ...asReported(POSTING_SETTINGS), embedders: { profile: { source: 'userProvided', dimensions: 51 } } } as Settings;
    expect(settingsToSend(POSTING_SETTINGS, reported)).toEqual({ embedders: { profile: null, ...POSTING_SETTINGS.embedders } });
    const fresh = { ...asReported(POSTING_SETTINGS), embedders: {} } as Settings;
    expect(settingsToSend(POSTING_SETTINGS, fresh)).toEqual({ embedders: POSTING_SETTINGS.embedders });
  });
});
