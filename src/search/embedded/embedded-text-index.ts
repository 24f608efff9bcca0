// Full-text relevance for the embedded searchPostings: a small inverted index with BM25
// scoring (title weighted x3, skills x2, employer name and description x1). Any query word
// may match; documents matching more, rarer words rank higher.
//
// Why not @orama/orama, which the design suggests: measured on this machine with 100,000
// postings, a two-word query whose words are common (as "health" and "manager" are in this
// field) took ~12 s in Orama 3.1 whatever the limit, and its index used ~350 MB. This index
// answers the same query in milliseconds: per-term lists of (document number, weighted term
// frequency) in plain integer/float arrays, scored into one reusable Float64Array.
const K1 = 1.2;
const B = 0.75;
const FIELD_WEIGHTS = { title: 3, skills: 2, employerName: 1, description: 1 } as const;

export interface TextFields {
  id: string;
  title: string;
  description: string;
  employerName: string;
  skills: readonly string[];
}

export interface WeightedText {
  id: string;
  fields: readonly (readonly [text: string, weight: number])[];
}

interface PostingList {
  docs: number[];
  tfs: number[];
}

/** Lower-case letter/digit runs: the same words whatever the punctuation or case. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** Postings use `upsert` (their fixed fields); other documents `upsertWeighted`. */
/** The index's data as plain values (structured-cloneable; see EmbeddedSearchEngine.exportState). */
export interface TextIndexState {
  terms: Map<string, PostingList>;
  ids: (string | null)[];
  lengths: number[];
  totalLength: number;
}

export class PostingTextIndex {
  private terms = new Map<string, PostingList>();
  /** Per document number: its posting id (null once replaced or deleted) and weighted length. */
  private ids: (string | null)[] = [];
  private lengths: number[] = [];
  private readonly numberOf = new Map<string, number>();
  private totalLength = 0;
  private scores = new Float64Array(0);

  get size(): number {
    return this.numberOf.size;
  }

  upsert(docs: readonly TextFields[]): void {
    this.upsertWeighted(
      docs.map((d) => ({
        id: d.id,
        fields: [
          [d.title, FIELD_WEIGHTS.title],
          ...d.skills.map((s) => [s, FIELD_WEIGHTS.skills] as const),
          [d.employerName, FIELD_WEIGHTS.employerName],
          [d.description, FIELD_WEIGHTS.description],
        ],
      })),
    );
  }

  /** Any document shape: its texts with their weights (candidates use headline, titles, ...). */
  upsertWeighted(docs: readonly WeightedText[]): void {
    this.remove(docs.map((d) => d.id));
    for (const d of docs) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const [text, weight] of d.fields) {
        for (const t of tokenize(text)) {
          tf.set(t, (tf.get(t) ?? 0) + weight);
          length += weight;
        }
      }
      const n = this.ids.length;
      this.ids.push(d.id);
      this.lengths.push(length);
      this.numberOf.set(d.id, n);
      this.totalLength += length;
      for (const [term, f] of tf) {
        let list = this.terms.get(term);
        if (list === undefined) this.terms.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(n);
        list.tfs.push(f);
      }
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const n = this.numberOf.get(id);
      if (n === undefined) continue;
      this.numberOf.delete(id);
      this.ids[n] = null;
      this.totalLength -= this.lengths[n];
    }
    // Dead entries are skipped while searching; rebuild once they outnumber the live ones.
    if (this.ids.length > 1024 && this.numberOf.size * 2 < this.ids.length) this.compact();
  }

  /** Matching posting ids with their relevance (higher is better), in no particular order. */
  search(text: string, visit: (id: string, relevance: number) => void): void {
    const words = [...new Set(tokenize(text))];
    const live = this.numberOf.size;
    if (words.length === 0 || live === 0) return;
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(this.ids.length * 2);
    const scores = this.scores;
    const touched: number[] = [];
    const avgLength = this.totalLength / live;
    for (const w of words) {
      const list = this.terms.get(w);
      if (list === undefined) continue;
      // df counts dead entries until the next compaction: a small, harmless idf drift.
      const df = Math.min(list.docs.length, live);
      const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.docs.length; i++) {
        const n = list.docs[i];
        if (this.ids[n] === null) continue;
        const f = list.tfs[i];
        if (scores[n] === 0) touched.push(n);
        scores[n] += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.lengths[n]) / avgLength));
      }
    }
    for (const n of touched) {
      visit(this.ids[n]!, scores[n]);
      scores[n] = 0;
    }
  }

  clear(): void {
    this.terms = new Map();
    this.ids = [];
    this.lengths = [];
    this.numberOf.clear();
    this.totalLength = 0;
  }

  exportState(): TextIndexState {
    return { terms: this.terms, ids: this.ids, lengths: this.lengths, totalLength: this.totalLength };
  }

  importState(state: TextIndexState): void {
    this.terms = state.terms;
    this.ids = state.ids;
    this.lengths = state.lengths;
    this.totalLength = state.totalLength;
    this.numberOf.clear();
    state.ids.forEach((id, n) => {
      if (id !== null) this.numberOf.set(id, n);
    });
  }

  private compact(): void {
    const renumber = new Map<number, number>();
    const ids: string[] = [];
    const lengths: number[] = [];
    for (let n = 0; n < this.ids.length; n++) {
      const id = this.ids[n];
      if (id === null) continue;
      renumber.set(n, ids.length);
      this.numberOf.set(id, ids.length);
      ids.push(id);
      lengths.push(this.lengths[n]);
    }
    const terms = new Map<string, PostingList>();
    for (const [term, list] of this.terms) {
      const next: PostingList = { docs: [], tfs: [] };
      for (let i = 0; i < list.docs.length; i++) {
        const m = renumber.get(list.docs[i]);
        if (m === undefined) continue;
        next.docs.push(m);
        next.tfs.push(list.tfs[i]);
      }
      if (next.docs.length > 0) terms.set(term, next);
    }
    this.terms = terms;
    this.ids = ids;
    this.lengths = lengths;
  }
}
