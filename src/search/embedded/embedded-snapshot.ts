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
const FORMAT = 2;
const CHUNK = 5000;

export interface SnapshotMeta {
  /** Epoch ms when the snapshot was requested: every write applied before it is inside. */
  takenAt: number;
  postings: number;
  candidates: number;
  /** Names this snapshot; MongoDB keeps the id of the latest one (index-sync/snapshot.ts). */
  snapshotId?: string;
}

type PostingList = { docs: number[]; tfs: number[] };
type Rec =
  | { kind: 'head'; magic: string; format: number; meta: SnapshotMeta; vocab: EmbeddedEngineState['vocab'] }
  | { kind: 'postingText' | 'candidateText'; ids: (string | null)[]; lengths: number[]; totalLength: number }
  | { kind: 'postingGrid' | 'candidateGrid'; entries: [string, number][] }
  | { kind: 'postings'; slots: EmbeddedEngineState['postings']['slots'] }
  | { kind: 'postingTerms' | 'candidateTerms'; terms: [string, Int32Array, Float64Array][] }
  | { kind: 'candidates'; slots: EmbeddedEngineState['candidates']['slots'] }
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
  // Typed arrays serialise as one block each, far smaller and faster than arrays of numbers.
  const typed = (function* () {
    for (const [term, list] of terms) yield [term, Int32Array.from(list.docs), Float64Array.from(list.tfs)] as [string, Int32Array, Float64Array];
  })();
  for (const batch of chunks(typed)) yield { kind: `${which}Terms`, terms: batch };
}

function* records(state: EmbeddedEngineState, meta: SnapshotMeta): Generator<Rec> {
  yield { kind: 'head', magic: MAGIC, format: FORMAT, meta, vocab: state.vocab };
  for (const slots of chunks(state.postings.slots)) yield { kind: 'postings', slots };
  yield* textRecords(state.postings.text, 'posting');
  for (const entries of chunks(state.postings.grid)) yield { kind: 'postingGrid', entries };
  for (const slots of chunks(state.candidates.slots)) yield { kind: 'candidates', slots };
  yield* textRecords(state.candidates.text, 'candidate');
  for (const entries of chunks(state.candidates.grid)) yield { kind: 'candidateGrid', entries };
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
    const emptyText = () => ({ ids: [], lengths: [], totalLength: 0, terms: new Map<string, PostingList>() });
    const state: EmbeddedEngineState = {
      format: 1,
      vocab: head.vocab,
      postings: { slots: [], text: emptyText(), grid: [] },
      candidates: { slots: [], text: emptyText(), grid: [] },
      postingVersions: new Map(),
      candidateVersions: new Map(),
    };
    for (let rec = await next(); rec.kind !== 'end'; rec = await next()) {
      if (rec.kind === 'postings') state.postings.slots.push(...rec.slots);
      else if (rec.kind === 'candidates') state.candidates.slots.push(...rec.slots);
      else if (rec.kind === 'postingText' || rec.kind === 'candidateText') {
        const store = rec.kind === 'postingText' ? state.postings : state.candidates;
        store.text = { ids: rec.ids, lengths: rec.lengths, totalLength: rec.totalLength, terms: store.text.terms };
      } else if (rec.kind === 'postingTerms' || rec.kind === 'candidateTerms') {
        const terms = (rec.kind === 'postingTerms' ? state.postings : state.candidates).text.terms;
        for (const [t, docs, tfs] of rec.terms) terms.set(t, { docs: Array.from(docs), tfs: Array.from(tfs) });
      } else if (rec.kind === 'postingGrid') state.postings.grid.push(...rec.entries);
      else if (rec.kind === 'candidateGrid') state.candidates.grid.push(...rec.entries);
      else if (rec.kind === 'postingVersions') for (const [id, v] of rec.entries) state.postingVersions.set(id, v);
      else if (rec.kind === 'candidateVersions') for (const [id, v] of rec.entries) state.candidateVersions.set(id, v);
      else throw new Error(`unexpected record ${rec.kind} in search snapshot`);
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
