// Full-text relevance for the embedded searches: a small inverted index with BM25 scoring
// (postings: title weighted x3, skills x2, employer name and description x1). Any query word
// may match; documents matching more, rarer words rank higher.
//
// Why not @orama/orama, which the design suggests: measured on this machine with 100,000
// postings, a two-word query whose words are common (as "health" and "manager" are in this
// field) took ~12 s in Orama 3.1 whatever the limit, and its index used ~350 MB. This index
// answers the same query in milliseconds: per-term lists of (document number, weighted term
// frequency) in growable typed arrays (8 bytes an entry; plain arrays took 16 and more, ~85 MiB
// at 100,000 postings), scored into one reusable Float64Array.
//
// Each document number maps to the caller's own item (a store's slot), so a hit needs no
// lookup by id: the searches visit the slots straight from the posting lists.
const K1 = 1.2;
const B = 0.75;
const FIELD_WEIGHTS = { title: 3, skills: 2, employerName: 1, description: 1 } as const;

export interface TextFields {
  title: string;
  description: string;
  employerName: string;
  skills: readonly string[];
}

/** The texts of one item with their weights. */
export type WeightedFields = readonly (readonly [text: string, weight: number])[];

/** A posting's texts with their weights (postings use fixed fields; other documents their own). */
export function postingTextFields(d: TextFields): WeightedFields {
  return [
    [d.title, FIELD_WEIGHTS.title],
    ...d.skills.map((s) => [s, FIELD_WEIGHTS.skills] as const),
    [d.employerName, FIELD_WEIGHTS.employerName],
    [d.description, FIELD_WEIGHTS.description],
  ];
}

/** One term's entries: document numbers ascending, weighted term frequencies beside them. */
export interface PostingList {
  docs: Int32Array;
  tfs: Float32Array;
  /** Entries in use (the arrays grow by doubling). */
  length: number;
}

/** Lower-case letter/digit runs: the same words whatever the punctuation or case. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** The index's data as plain values (structured-cloneable; see EmbeddedSearchEngine.exportState). */
export interface TextIndexState {
  terms: Map<string, { docs: Int32Array; tfs: Float32Array }>;
  /** Per document number: the item's id, null once replaced or deleted. */
  ids: (string | null)[];
  lengths: number[];
  totalLength: number;
}

function append(list: PostingList, n: number, tf: number): void {
  if (list.length === list.docs.length) {
    const cap = Math.max(8, list.length * 2);
    const docs = new Int32Array(cap);
    docs.set(list.docs);
    const tfs = new Float32Array(cap);
    tfs.set(list.tfs);
    list.docs = docs;
    list.tfs = tfs;
  }
  list.docs[list.length] = n;
  list.tfs[list.length] = tf;
  list.length++;
}

export class TextIndex<T> {
  private terms = new Map<string, PostingList>();
  /** Per document number: its item (null once replaced or deleted) and weighted length. */
  private items: (T | null)[] = [];
  private lengths: number[] = [];
  private readonly numberOf = new Map<string, number>();
  private totalLength = 0;
  private scores = new Float64Array(0);
  private seen = new Uint8Array(0);

  constructor(private readonly idOf: (item: T) => string) {}

  get size(): number {
    return this.numberOf.size;
  }

  /** Indexes (or re-indexes) each item with its texts. */
  upsert(docs: readonly { item: T; fields: WeightedFields }[]): void {
    this.remove(docs.map((d) => this.idOf(d.item)));
    for (const d of docs) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const [text, weight] of d.fields) {
        for (const t of tokenize(text)) {
          tf.set(t, (tf.get(t) ?? 0) + weight);
          length += weight;
        }
      }
      const n = this.items.length;
      this.items.push(d.item);
      this.lengths.push(length);
      this.numberOf.set(this.idOf(d.item), n);
      this.totalLength += length;
      for (const [term, f] of tf) {
        let list = this.terms.get(term);
        if (list === undefined) this.terms.set(term, (list = { docs: new Int32Array(0), tfs: new Float32Array(0), length: 0 }));
        append(list, n, f);
      }
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const n = this.numberOf.get(id);
      if (n === undefined) continue;
      this.numberOf.delete(id);
      this.items[n] = null;
      this.totalLength -= this.lengths[n];
    }
    // Dead entries are skipped while searching; rebuild once they outnumber the live ones.
    if (this.items.length > 1024 && this.numberOf.size * 2 < this.items.length) this.compact();
  }

  /** Matching items with their relevance (higher is better), in no particular order. */
  search(text: string, visit: (item: T, relevance: number) => void): void {
    const words = [...new Set(tokenize(text))];
    const live = this.numberOf.size;
    if (words.length === 0 || live === 0) return;
    if (this.scores.length < this.items.length) this.scores = new Float64Array(this.items.length * 2);
    const scores = this.scores;
    const items = this.items;
    const lengths = this.lengths;
    const touched: number[] = [];
    const avgLength = this.totalLength / live;
    for (const w of words) {
      const list = this.terms.get(w);
      if (list === undefined) continue;
      // df counts dead entries until the next compaction: a small, harmless idf drift.
      const df = Math.min(list.length, live);
      const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
      const { docs, tfs } = list;
      for (let i = 0; i < list.length; i++) {
        const n = docs[i];
        if (items[n] === null) continue;
        const f = tfs[i];
        if (scores[n] === 0) touched.push(n);
        scores[n] += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * lengths[n]) / avgLength));
      }
    }
    for (const n of touched) {
      visit(items[n]!, scores[n]);
      scores[n] = 0;
    }
  }

  /** Matching items, each once, unscored: what facet counts need (no BM25 arithmetic). */
  matching(text: string, visit: (item: T) => void): void {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0 || this.numberOf.size === 0) return;
    const items = this.items;
    if (words.length === 1) {
      // One list holds each document at most once.
      const list = this.terms.get(words[0]);
      if (list === undefined) return;
      for (let i = 0; i < list.length; i++) {
        const item = items[list.docs[i]];
        if (item !== null) visit(item);
      }
      return;
    }
    if (this.seen.length < items.length) this.seen = new Uint8Array(items.length * 2);
    const seen = this.seen;
    const touched: number[] = [];
    for (const w of words) {
      const list = this.terms.get(w);
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i++) {
        const n = list.docs[i];
        if (seen[n] === 1 || items[n] === null) continue;
        seen[n] = 1;
        touched.push(n);
        visit(items[n]!);
      }
    }
    for (const n of touched) seen[n] = 0;
  }

  clear(): void {
    this.terms = new Map();
    this.items = [];
    this.lengths = [];
    this.numberOf.clear();
    this.totalLength = 0;
  }

  /** Trims the lists to their length first, so a copy carries no spare capacity. */
  exportState(): TextIndexState {
    const terms = new Map<string, { docs: Int32Array; tfs: Float32Array }>();
    for (const [term, list] of this.terms) {
      if (list.docs.length !== list.length) {
        list.docs = list.docs.slice(0, list.length);
        list.tfs = list.tfs.slice(0, list.length);
      }
      terms.set(term, { docs: list.docs, tfs: list.tfs });
    }
    return { terms, ids: this.items.map((item) => (item === null ? null : this.idOf(item))), lengths: this.lengths, totalLength: this.totalLength };
  }

  /** `itemOf` resolves a stored id to the caller's item (imported before this index). */
  importState(state: TextIndexState, itemOf: (id: string) => T | undefined): void {
    this.terms = new Map();
    for (const [term, list] of state.terms) this.terms.set(term, { docs: list.docs, tfs: list.tfs, length: list.docs.length });
    this.items = state.ids.map((id) => (id === null ? null : (itemOf(id) ?? null)));
    this.lengths = state.lengths;
    this.totalLength = 0;
    this.numberOf.clear();
    this.items.forEach((item, n) => {
      if (item === null) return;
      this.numberOf.set(this.idOf(item), n);
      this.totalLength += this.lengths[n];
    });
  }

  private compact(): void {
    const renumber = new Int32Array(this.items.length).fill(-1);
    const items: T[] = [];
    const lengths: number[] = [];
    for (let n = 0; n < this.items.length; n++) {
      const item = this.items[n];
      if (item === null) continue;
      renumber[n] = items.length;
      this.numberOf.set(this.idOf(item), items.length);
      items.push(item);
      lengths.push(this.lengths[n]);
    }
    const terms = new Map<string, PostingList>();
    for (const [term, list] of this.terms) {
      const next: PostingList = { docs: new Int32Array(0), tfs: new Float32Array(0), length: 0 };
      for (let i = 0; i < list.length; i++) {
        const m = renumber[list.docs[i]];
        if (m >= 0) append(next, m, list.tfs[i]);
      }
      if (next.length > 0) terms.set(term, next);
    }
    this.terms = terms;
    this.items = items;
    this.lengths = lengths;
  }
}
