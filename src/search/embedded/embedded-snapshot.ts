// The embedded engine's state on disk, so a restart loads the index in seconds instead of
// re-reading every document from MongoDB (README "Performance"). The file is a sequence of
// length-prefixed v8.serialize records of bounded size (a few thousand documents each), so
// neither writing nor reading ever holds a second copy of the whole index in memory. Written
// to a temporary file, fsynced and renamed: a crash mid-write leaves the previous snapshot.
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { EmbeddedEngineState } from './embedded.engine.js';

const MAGIC = 'healthmatch-search-snapshot';
const FORMAT = 3;
const CHUNK = 5000;

export interface SnapshotMeta {
  /** Epoch ms when the snapshot was requested: every write applied before it is inside. */
  takenAt: number;
  postings: number;
  candidates: number;
  /** Names this snapshot; MongoDB keeps the id of the latest one (index-sync/snapshot.ts). */
  snapshotId?: string;
}

/**
 * Many small typed arrays as one: v8.deserialize gives every typed array its own ArrayBuffer
 * and backing store (~1 KiB each, measured: 170 MiB for the packed arrays of 200,000 documents
 * against 45 MiB built in place), so a chunk's arrays travel concatenated and come back as
 * views into one buffer.
 */
interface Views<A extends Int32Array | Float64Array> {
  data: A;
  ends: Int32Array;
}

function joinViews<A extends Int32Array | Float64Array>(arrays: readonly A[], make: (n: number) => A): Views<A> {
  const ends = new Int32Array(arrays.length);
  let n = 0;
  arrays.forEach((a, i) => (ends[i] = n += a.length));
  const data = make(n);
  arrays.forEach((a, i) => data.set(a, ends[i] - a.length));
  return { data, ends };
}

function splitViews<A extends Int32Array | Float64Array>(v: Views<A>): A[] {
  const out: A[] = [];
  // A deserialised typed array is a view into the whole record's buffer (Node's v8.deserialize):
  // an exact copy lets the rest of that buffer go.
  const data = v.data.slice() as A;
  for (let i = 0, start = 0; i < v.ends.length; start = v.ends[i++]) out.push(data.subarray(start, v.ends[i]) as A);
  return out;
}

type PostingSlots = EmbeddedEngineState['postings']['slots'];
type CandidateSlots = EmbeddedEngineState['candidates']['slots'];
type Rec =
  | { kind: 'head'; magic: string; format: number; meta: SnapshotMeta; vocab: EmbeddedEngineState['vocab'] }
  | { kind: 'postingLabels'; labels: string[]; employers: string[] }
  | { kind: 'postingText' | 'candidateText'; ids: (string | null)[]; lengths: number[]; totalLength: number }
  | { kind: 'postings'; slots: PostingSlots; packed: Views<Int32Array> }
  | { kind: 'postingTerms' | 'candidateTerms'; terms: [string, Int32Array, Float32Array][] }
  | { kind: 'candidates'; slots: CandidateSlots; packed: Views<Int32Array>; intervals: Views<Float64Array> }
  | { kind: 'postingVersions' | 'candidateVersions'; entries: [string, number][] }
  | { kind: 'end' };

function* chunks<T>(items: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === CHUNK) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* textRecords(text: EmbeddedEngineState['postings']['text'], which: 'posting' | 'candidate'): Generator<Rec> {
  const { terms, ...rest } = text;
  yield { kind: `${which}Text`, ...rest };
  const entries = (function* () {
    for (const [term, list] of terms) yield [term, list.docs, list.tfs] as [string, Int32Array, Float32Array];
  })();
  for (const batch of chunks(entries)) yield { kind: `${which}Terms`, terms: batch };
}

const ints = (n: number): Int32Array => new Int32Array(n);
const doubles = (n: number): Float64Array => new Float64Array(n);
const NO_INTS = new Int32Array(0);
const NO_DOUBLES = new Float64Array(0);

function* records(state: EmbeddedEngineState, meta: SnapshotMeta): Generator<Rec> {
  yield { kind: 'head', magic: MAGIC, format: FORMAT, meta, vocab: state.vocab };
  yield { kind: 'postingLabels', labels: state.postings.labels, employers: state.postings.employers };
  for (const slots of chunks(state.postings.slots)) {
    yield { kind: 'postings', slots: slots.map((s) => ({ ...s, packed: NO_INTS })), packed: joinViews(slots.map((s) => s.packed), ints) };
  }
  yield* textRecords(state.postings.text, 'posting');
  for (const slots of chunks(state.candidates.slots)) {
    yield {
      kind: 'candidates',
      slots: slots.map((s) => ({ ...s, packed: NO_INTS, intervals: NO_DOUBLES })),
      packed: joinViews(slots.map((s) => s.packed), ints),
      intervals: joinViews(slots.map((s) => s.intervals), doubles),
    };
  }
  yield* textRecords(state.candidates.text, 'candidate');
  for (const entries of chunks(state.postingVersions)) yield { kind: 'postingVersions', entries };
  for (const entries of chunks(state.candidateVersions)) yield { kind: 'candidateVersions', entries };
  yield { kind: 'end' };
}

/** Writes `state` to `file` atomically; returns the file's size in bytes. */
export async function writeSnapshot(state: EmbeddedEngineState, file: string, meta: SnapshotMeta): Promise<number> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
  const fh = await open(tmp, 'w');
  let bytes = 0;
  try {
    const header = Buffer.alloc(4);
    for (const rec of records(state, meta)) {
      const body = v8.serialize(rec);
      header.writeUInt32LE(body.length, 0);
      await fh.write(header);
      await fh.write(body);
      bytes += 4 + body.length;
    }
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  await rename(tmp, file);
  // The rename itself must survive a power cut too.
  const dir = await open(path.dirname(file), 'r');
  await dir.sync().finally(() => dir.close());
  return bytes;
}

/** Reads a snapshot written by writeSnapshot; null when there is none. Throws on a damaged file. */
export async function readSnapshot(file: string): Promise<{ meta: SnapshotMeta; state: EmbeddedEngineState } | null> {
  const fh = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!fh) return null;
  try {
    const header = Buffer.alloc(4);
    let position = 0;
    const next = async (): Promise<Rec> => {
      const h = await fh.read(header, 0, 4, position);
      if (h.bytesRead !== 4) throw new Error('search snapshot is truncated');
      const length = header.readUInt32LE(0);
      const body = Buffer.alloc(length);
      const b = await fh.read(body, 0, length, position + 4);
      if (b.bytesRead !== length) throw new Error('search snapshot is truncated');
      position += 4 + length;
      return v8.deserialize(body) as Rec;
    };
    const head = await next();
    if (head.kind !== 'head' || head.magic !== MAGIC || head.format !== FORMAT) throw new Error('not a search snapshot of this version');
    const emptyText = () => ({ ids: [], lengths: [], totalLength: 0, terms: new Map<string, { docs: Int32Array; tfs: Float32Array }>() });
    const state: EmbeddedEngineState = {
      format: 2,
      vocab: head.vocab,
      postings: { slots: [], text: emptyText(), labels: [], employers: [] },
      candidates: { slots: [], text: emptyText() },
      postingVersions: new Map(),
      candidateVersions: new Map(),
    };
    for (let rec = await next(); rec.kind !== 'end'; rec = await next()) {
      if (rec.kind === 'postings') {
        const packed = splitViews(rec.packed);
        rec.slots.forEach((s, i) => state.postings.slots.push({ ...s, packed: packed[i] }));
      } else if (rec.kind === 'candidates') {
        const packed = splitViews(rec.packed);
        const intervals = splitViews(rec.intervals);
        rec.slots.forEach((s, i) => state.candidates.slots.push({ ...s, packed: packed[i], intervals: intervals[i] }));
      } else if (rec.kind === 'postingLabels') {
        state.postings.labels = rec.labels;
        state.postings.employers = rec.employers;
      } else if (rec.kind === 'postingText' || rec.kind === 'candidateText') {
        const store = rec.kind === 'postingText' ? state.postings : state.candidates;
        store.text = { ids: rec.ids, lengths: rec.lengths, totalLength: rec.totalLength, terms: store.text.terms };
      } else if (rec.kind === 'postingTerms' || rec.kind === 'candidateTerms') {
        const terms = (rec.kind === 'postingTerms' ? state.postings : state.candidates).text.terms;
        for (const [t, docs, tfs] of rec.terms) terms.set(t, { docs: docs.slice(), tfs: tfs.slice() });
      } else if (rec.kind === 'postingVersions') for (const [id, v] of rec.entries) state.postingVersions.set(id, v);
      else if (rec.kind === 'candidateVersions') for (const [id, v] of rec.entries) state.candidateVersions.set(id, v);
      else throw new Error(`unexpected record ${(rec as Rec).kind} in search snapshot`);
    }
    return { meta: head.meta, state };
  } finally {
    await fh.close();
  }
}

/** Engines that can persist their whole state (the embedded one, in-thread or pooled). */
export interface SnapshottingEngine {
  saveSnapshot(file: string, takenAt: number, snapshotId?: string): Promise<SnapshotMeta & { bytes: number }>;
  /** Replaces the engine's state with the file's; null (engine unchanged) when there is none. */
  loadSnapshot(file: string): Promise<SnapshotMeta | null>;
}

export function canSnapshot(engine: object): engine is SnapshottingEngine {
  const e = engine as Partial<SnapshottingEngine>;
  return typeof e.saveSnapshot === 'function' && typeof e.loadSnapshot === 'function';
}
