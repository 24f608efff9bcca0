// The in-memory index of alerts (pure, no I/O): which alerts a posting or candidate write may
// concern, so a write evaluates a handful of alerts rather than all of them.
// - POSTINGS_FOR_CANDIDATE: alerts whose filter names states, by those states (a posting
//   elsewhere can never pass them); the others by candidate, and those candidates are bucketed
//   by the requirement tokens they satisfy (held qualification tokens, degree tokens). A
//   posting write looks up its state, and the bucket of its rarest required token (a candidate
//   must hold every one) or, with none, the buckets of its degree tokens.
// - CANDIDATES_FOR_POSTING: by posting; the alerts are bucketed by one required token of their
//   posting (or its degree tokens). A candidate write looks up the buckets of the tokens it holds.
// - SAVED_SEARCH: by their most selective filter clause (employer, states, words, settings,
//   employment types, else "all"). A posting write looks up its employer, state, setting,
//   employment type and words.
// Every look-up returns a superset; the caller evaluates each hit exactly (alert-conditions.ts).
import type { AlertCondition, CandidateState, PostingState } from './alert-conditions.js';

class Buckets<T> {
  private readonly map = new Map<string, Set<T>>();
  add(key: string, v: T): void {
    let s = this.map.get(key);
    if (!s) this.map.set(key, (s = new Set()));
    s.add(v);
  }
  remove(key: string, v: T): void {
    const s = this.map.get(key);
    if (s && s.delete(v) && s.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<T> | undefined {
    return this.map.get(key);
  }
  size(key: string): number {
    return this.map.get(key)?.size ?? 0;
  }
}

const DEG = (t: string): string => `deg:${t}`;
const QUAL = (t: string): string => `q:${t}`;

function postingKeys(p: PostingState): string[] {
  return p.requiredTokens.length > 0 ? [QUAL(p.requiredTokens[0])] : p.degreeTokens.map(DEG);
}

function candidateKeys(c: CandidateState): string[] {
  return [...c.qualificationTokens.map(QUAL), ...c.degreeTokens.map(DEG)];
}

function savedSearchKeys(a: AlertCondition): string[] {
  const f = a.rawFilter;
  if (f?.employerId) return [`em:${f.employerId.toLowerCase()}`];
  if (f?.states?.length) return f.states.map((s) => `st:${s}`);
  if (a.words.length > 0) return a.words.map((w) => `w:${w}`);
  if (f?.settings?.length) return f.settings.map((s) => `se:${s}`);
  if (f?.employmentTypes?.length) return f.employmentTypes.map((s) => `et:${s}`);
  return ['all'];
}

export class AlertIndex {
  private readonly alerts = new Map<string, AlertCondition>();
  /** POSTINGS_FOR_CANDIDATE: candidate id -> alert ids, and the candidates' current states. */
  private readonly byCandidate = new Map<string, Set<string>>();
  private readonly candidates = new Map<string, CandidateState>();
  /** Candidates with at least one alert whose filter names no state, by requirement token. */
  private readonly candidateBuckets = new Buckets<string>();
  private readonly unstated = new Map<string, number>();
  /** POSTINGS_FOR_CANDIDATE alerts whose filter names states, by state. */
  private readonly stated = new Buckets<string>();
  /** CANDIDATES_FOR_POSTING: posting id -> alert ids, and the postings' current states. */
  private readonly byPosting = new Map<string, Set<string>>();
  private readonly postings = new Map<string, PostingState>();
  private readonly postingBuckets = new Buckets<string>();
  private readonly searches = new Buckets<string>();

  get size(): number {
    return this.alerts.size;
  }

  get(id: string): AlertCondition | undefined {
    return this.alerts.get(id);
  }

  has(id: string): boolean {
    return this.alerts.has(id);
  }

  /** Tracked entities whose state the index still lacks (loaded by the caller, then setCandidate/setPosting). */
  missingStates(): { candidates: string[]; postings: string[] } {
    return {
      candidates: [...this.byCandidate.keys()].filter((id) => !this.candidates.has(id)),
      postings: [...this.byPosting.keys()].filter((id) => !this.postings.has(id)),
    };
  }

  add(a: AlertCondition): void {
    if (this.alerts.has(a.id)) return;
    this.alerts.set(a.id, a);
    if (a.kind === 'POSTINGS_FOR_CANDIDATE' && a.candidateId) {
      addTo(this.byCandidate, a.candidateId, a.id);
      const states = a.rawFilter?.states ?? [];
      if (states.length > 0) for (const st of states) this.stated.add(`st:${st}`, a.id);
      else this.countUnstated(a.candidateId, +1);
    } else if (a.kind === 'CANDIDATES_FOR_POSTING' && a.postingId) {
      addTo(this.byPosting, a.postingId, a.id);
      const p = this.postings.get(a.postingId);
      if (p) for (const k of postingKeys(p)) this.postingBuckets.add(k, a.id);
    } else if (a.kind === 'SAVED_SEARCH') for (const k of savedSearchKeys(a)) this.searches.add(k, a.id);
  }

  remove(id: string): AlertCondition | undefined {
    const a = this.alerts.get(id);
    if (!a) return undefined;
    this.alerts.delete(id);
    if (a.kind === 'POSTINGS_FOR_CANDIDATE' && a.candidateId) {
      const states = a.rawFilter?.states ?? [];
      if (states.length > 0) for (const st of states) this.stated.remove(`st:${st}`, id);
      else this.countUnstated(a.candidateId, -1);
      if (removeFrom(this.byCandidate, a.candidateId, id)) this.dropCandidate(a.candidateId);
    } else if (a.kind === 'CANDIDATES_FOR_POSTING' && a.postingId) {
      const p = this.postings.get(a.postingId);
      if (p) for (const k of postingKeys(p)) this.postingBuckets.remove(k, id);
      if (removeFrom(this.byPosting, a.postingId, id)) this.postings.delete(a.postingId);
    } else if (a.kind === 'SAVED_SEARCH') for (const k of savedSearchKeys(a)) this.searches.remove(k, id);
    return a;
  }

  /** Alerts bound to a candidate (its POSTINGS_FOR_CANDIDATE alerts). */
  alertsOfCandidate(candidateId: string): string[] {
    return [...(this.byCandidate.get(candidateId) ?? [])];
  }

  alertsOfPosting(postingId: string): string[] {
    return [...(this.byPosting.get(postingId) ?? [])];
  }

  candidate(id: string): CandidateState | undefined {
    return this.candidates.get(id);
  }

  posting(id: string): PostingState | undefined {
    return this.postings.get(id);
  }

  /** Keeps the state of a candidate some alert is bound to; others are not kept. */
  setCandidate(c: CandidateState): void {
    if (!this.byCandidate.has(c.id)) return;
    this.dropCandidate(c.id);
    this.candidates.set(c.id, c);
    if ((this.unstated.get(c.id) ?? 0) > 0) for (const k of candidateKeys(c)) this.candidateBuckets.add(k, c.id);
  }

  /** Keeps candidateBuckets to the candidates with an alert that names no state. */
  private countUnstated(candidateId: string, delta: number): void {
    const before = this.unstated.get(candidateId) ?? 0;
    const after = before + delta;
    if (after > 0) this.unstated.set(candidateId, after);
    else this.unstated.delete(candidateId);
    const c = this.candidates.get(candidateId);
    if (!c) return;
    if (before === 0 && after > 0) for (const k of candidateKeys(c)) this.candidateBuckets.add(k, candidateId);
    if (before > 0 && after <= 0) for (const k of candidateKeys(c)) this.candidateBuckets.remove(k, candidateId);
  }

  setPosting(p: PostingState): void {
    const ids = this.byPosting.get(p.id);
    if (!ids) return;
    const old = this.postings.get(p.id);
    if (old) for (const k of postingKeys(old)) for (const id of ids) this.postingBuckets.remove(k, id);
    this.postings.set(p.id, p);
    for (const k of postingKeys(p)) for (const id of ids) this.postingBuckets.add(k, id);
  }

  private dropCandidate(id: string): void {
    const c = this.candidates.get(id);
    if (!c) return;
    if ((this.unstated.get(id) ?? 0) > 0) for (const k of candidateKeys(c)) this.candidateBuckets.remove(k, id);
    this.candidates.delete(id);
  }

  /** POSTINGS_FOR_CANDIDATE and SAVED_SEARCH alerts a write of posting `p` may concern. */
  concernedByPosting(p: PostingState): { matches: AlertCondition[]; searches: AlertCondition[] } {
    const candidateIds = new Set<string>();
    if (p.requiredTokens.length > 0) {
      // A candidate must hold every required token: the rarest one's bucket is enough.
      let best = QUAL(p.requiredTokens[0]);
      for (const t of p.requiredTokens) if (this.candidateBuckets.size(QUAL(t)) < this.candidateBuckets.size(best)) best = QUAL(t);
      for (const id of this.candidateBuckets.get(best) ?? []) candidateIds.add(id);
    } else {
      for (const t of p.degreeTokens) for (const id of this.candidateBuckets.get(DEG(t)) ?? []) candidateIds.add(id);
    }
    const matches: AlertCondition[] = [];
    for (const cid of candidateIds) {
      for (const id of this.byCandidate.get(cid) ?? []) {
        const a = this.alerts.get(id)!;
        if (!a.rawFilter?.states?.length) matches.push(a);
      }
    }
    if (p.view.state) for (const id of this.stated.get(`st:${p.view.state}`) ?? []) matches.push(this.alerts.get(id)!);

    const searchIds = new Set<string>();
    const v = p.view;
    const keys = ['all', `em:${v.employerId.toLowerCase()}`, `se:${v.setting}`, `et:${v.employmentType}`, ...(v.state ? [`st:${v.state}`] : [])];
    for (const k of keys) for (const id of this.searches.get(k) ?? []) searchIds.add(id);
    for (const w of p.words) for (const id of this.searches.get(`w:${w}`) ?? []) searchIds.add(id);
    return { matches, searches: [...searchIds].map((id) => this.alerts.get(id)!) };
  }

  /** CANDIDATES_FOR_POSTING alerts a write of candidate `c` may concern. */
  concernedByCandidate(c: CandidateState): AlertCondition[] {
    const ids = new Set<string>();
    for (const k of candidateKeys(c)) for (const id of this.postingBuckets.get(k) ?? []) ids.add(id);
    return [...ids].map((id) => this.alerts.get(id)!);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, v: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(v);
}

/** Removes v; true when the key has no values left (and was deleted). */
function removeFrom(map: Map<string, Set<string>>, key: string, v: string): boolean {
  const s = map.get(key);
  if (!s) return false;
  s.delete(v);
  if (s.size > 0) return false;
  map.delete(key);
  return true;
}
