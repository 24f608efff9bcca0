// The in-memory alert index is only a pre-filter: on random, messy profiles, every alert whose
// condition holds for a write must be among those the index names for it (no missed event),
// and the look-up must name far fewer than all alerts when the data is spread out.
import { describe, expect, it } from 'vitest';
import { buildCandidateDocument } from '../../src/search/documents/candidate-document.js';
import { buildPostingDocument } from '../../src/search/documents/posting-document.js';
import { AlertIndex } from '../../src/alerts/alert-index.js';
import {
  candidateStateOf,
  compileAlertCondition,
  filterMemo,
  matchScoreIfEligible,
  passesFilter,
  postingStateOf,
  postingsForCandidateHolds,
  savedSearchHolds,
  type AlertCondition,
  type CandidateState,
  type PostingState,
} from '../../src/alerts/alert-conditions.js';
import { CATALOG, pick, randomCandidate, randomPosting, rng } from '../search/random-profiles.js';
import { CareSetting, PostingStatus } from '../../src/shared/enums.js';

const TODAY = '2026-03-01';
const ctx = { catalog: CATALOG, today: TODAY };

function world(seed: number) {
  const r = rng(seed);
  const candidates: CandidateState[] = [];
  const postings: PostingState[] = [];
  for (let i = 0; i < 60; i++) candidates.push(candidateStateOf(buildCandidateDocument(randomCandidate(r, `c${i}`, TODAY), TODAY)));
  for (let i = 0; i < 60; i++) postings.push(postingStateOf(buildPostingDocument({ ...randomPosting(r, `p${i}`, TODAY), employerId: pick(r, ['e1', 'e2', 'e3']) }, CATALOG)));
  const alerts: AlertCondition[] = [];
  const words = ['manager', 'practice', 'billing', 'director', 'clinic', 'revenue'];
  for (let i = 0; i < 120; i++) {
    const kind = pick(r, ['POSTINGS_FOR_CANDIDATE', 'CANDIDATES_FOR_POSTING', 'SAVED_SEARCH'] as const);
    const filter = r() < 0.5 ? null : pick(r, [{ states: ['TX', 'CA'] }, { settings: [CareSetting.HOSPITAL] }, { employerId: 'e2' }, { remote: true }, { minSalary: 80_000 }]);
    alerts.push(
      compileAlertCondition({
        id: `a${i}`,
        kind,
        ownerKeyId: 'k',
        candidateId: kind === 'POSTINGS_FOR_CANDIDATE' ? pick(r, candidates).id : null,
        postingId: kind === 'CANDIDATES_FOR_POSTING' ? pick(r, postings).id : null,
        query: kind === 'SAVED_SEARCH' && r() < 0.6 ? pick(r, words) : null,
        rawFilter: kind === 'CANDIDATES_FOR_POSTING' ? null : filter,
        webhookUrl: null,
      }),
    );
  }
  const index = new AlertIndex();
  for (const a of alerts) index.add(a);
  for (const c of candidates) index.setCandidate(c);
  for (const p of postings) index.setPosting(p);
  return { index, alerts, candidates, postings };
}

describe('AlertIndex', () => {
  it.each([1, 2, 3, 4, 5])('never misses an alert whose condition holds (seed %i)', (seed) => {
    const { index, alerts, candidates, postings } = world(seed);
    let holding = 0;
    for (const p of postings) {
      const { matches, searches } = index.concernedByPosting(p);
      const named = new Set([...matches, ...searches].map((a) => a.id));
      for (const a of alerts) {
        const holds =
          a.kind === 'POSTINGS_FOR_CANDIDATE'
            ? postingsForCandidateHolds(a, p, index.candidate(a.candidateId!), ctx) !== null
            : a.kind === 'SAVED_SEARCH' && savedSearchHolds(a, p);
        if (holds) {
          holding++;
          expect(named.has(a.id), `${a.id} for ${p.id}`).toBe(true);
        }
      }
    }
    for (const c of candidates) {
      const named = new Set(index.concernedByCandidate(c).map((a) => a.id));
      for (const a of alerts.filter((x) => x.kind === 'CANDIDATES_FOR_POSTING')) {
        if (matchScoreIfEligible(index.posting(a.postingId!), c, ctx) !== null) {
          holding++;
          expect(named.has(a.id), `${a.id} for ${c.id}`).toBe(true);
        }
      }
    }
    expect(holding).toBeGreaterThan(0);
  });

  it('names few saved searches for a posting when they are spread over states', () => {
    const index = new AlertIndex();
    const states = ['TX', 'CA', 'NY', 'FL', 'PA', 'OH', 'IL', 'GA', 'NC', 'MI'];
    for (let i = 0; i < 1_000; i++) {
      index.add(compileAlertCondition({ id: `s${i}`, kind: 'SAVED_SEARCH', ownerKeyId: 'k', candidateId: null, postingId: null, query: null, rawFilter: { states: [states[i % 10]] }, webhookUrl: null }));
    }
    const r = rng(9);
    const p = postingStateOf(buildPostingDocument({ ...randomPosting(r, 'p', TODAY), state: 'TX', status: PostingStatus.OPEN }, CATALOG));
    const { searches } = index.concernedByPosting(p);
    expect(searches.length).toBe(100);
    expect(searches.every((a) => savedSearchHolds(a, p))).toBe(true);
  });

  it('checks each distinct filter once per posting, with the same answers; equal filters share a key whatever their key order', () => {
    const { alerts, postings } = world(11);
    for (const p of postings) {
      const passes = filterMemo(p);
      for (const a of alerts) expect(passes(p, a.filter, a.filterKey), `${a.id} for ${p.id}`).toBe(passesFilter(p, a.filter));
    }
    const of = (rawFilter: Record<string, unknown>) =>
      compileAlertCondition({ id: 'x', kind: 'SAVED_SEARCH', ownerKeyId: 'k', candidateId: null, postingId: null, query: null, rawFilter, webhookUrl: null }).filterKey;
    expect(of({ states: ['TX'], settings: [CareSetting.HOSPITAL] })).toBe(of({ settings: [CareSetting.HOSPITAL], states: ['TX'] }));
    expect(of({ states: ['TX'] })).not.toBe(of({ states: ['CA'] }));
  });

  it('forgets removed alerts and the states only they needed', () => {
    const { index, alerts } = world(7);
    const a = alerts.find((x) => x.kind === 'POSTINGS_FOR_CANDIDATE')!;
    const others = alerts.filter((x) => x.kind === 'POSTINGS_FOR_CANDIDATE' && x.candidateId === a.candidateId && x.id !== a.id);
    for (const x of [a, ...others]) index.remove(x.id);
    expect(index.has(a.id)).toBe(false);
    expect(index.candidate(a.candidateId!)).toBeUndefined();
    expect(index.size).toBe(alerts.length - 1 - others.length);
  });
});

describe('compiled alert filters', () => {
  const alert = (id: string, rawFilter: AlertCondition['rawFilter']) =>
    compileAlertCondition({ id, kind: 'SAVED_SEARCH', ownerKeyId: 'k', candidateId: null, postingId: null, query: null, rawFilter, webhookUrl: null });

  it('are shared by alerts with the same filter (in any key order), and only by them', () => {
    const a = alert('a', { states: ['TX'], settings: [CareSetting.HOSPITAL] });
    const b = alert('b', { settings: [CareSetting.HOSPITAL], states: ['TX'] });
    const c = alert('c', { states: ['CA'], settings: [CareSetting.HOSPITAL] });
    expect(b.filter).toBe(a.filter);
    expect(b.filterKey).toBe(a.filterKey);
    expect(c.filter).not.toBe(a.filter);
    expect(alert('d', null).filter).toBeNull();
  });
});
