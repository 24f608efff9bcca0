// Heap of one embedded-engine replica at bench scale (issue 12: RSS <= 1 GiB), built in place
// and as a warm start holds it (read back from a snapshot: fresh strings and typed arrays).
// Run: npm run build && node --expose-gc dist/bench/engine-memory.js (BENCH_POSTINGS and
// BENCH_CANDIDATES as for the bench; BENCH_HEAP_SNAPSHOT=<file> also writes a heap snapshot of
// the loaded engine for Chrome's memory tab).
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { EmbeddedSearchEngine } from '../src/search/embedded/embedded.engine.js';
import { buildPostingDocument, catalogLookup } from '../src/search/documents/posting-document.js';
import { buildCandidateDocument } from '../src/search/documents/candidate-document.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { storedLocation } from '../src/geo/geo-input.js';
import { systemClock } from '../src/shared/clock.js';
import { generateBenchData } from './load-data.js';
import { candidateProfileOf, postingIdOf, postingProfileOf } from './engine-only.js';

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 100_000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
function heap(): number {
  global.gc?.();
  global.gc?.();
  return v8.getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers;
}

const data = generateBenchData(POSTINGS, CANDIDATES, 500);
const catalog = catalogLookup(data.catalog);
const today = systemClock.today();
const names = new Map(data.employers.map((e) => [e.key, e.name]));
const base = heap();
const engine = new EmbeddedSearchEngine();
for (let i = 0; i < data.postings.length; i += 1000) {
  await engine.upsertPostings(
    data.postings.slice(i, i + 1000).map((p) =>
      buildPostingDocument(
        { ...postingProfileOf(p), ...p, ...storedLocation(p), id: postingIdOf(p), employerId: seedObjectId('employer', p.employerKey).toHexString(), employerName: names.get(p.employerKey) ?? '', postedAt: new Date(p.postedAt) },
        catalog,
      ),
    ),
  );
}
const afterPostings = heap();
for (let i = 0; i < data.candidates.length; i += 1000) {
  await engine.upsertCandidates(
    data.candidates.slice(i, i + 1000).map((c) =>
      buildCandidateDocument(
        { ...candidateProfileOf(c), ...storedLocation(c), discoverable: c.discoverable, state: c.state, headline: c.headline, summary: c.summary, experienceTitles: c.experience.map((e) => e.title) },
        today,
      ),
    ),
  );
}
const afterCandidates = heap();
process.stdout.write(`engine heap (JS heap + array buffers): postings ${mib(afterPostings - base)}, candidates ${mib(afterCandidates - afterPostings)}, total ${mib(afterCandidates - base)}\n`);
process.stdout.write(`process RSS ${mib(process.memoryUsage().rss)}\n`);
// What a warm start holds: the same state read back from a snapshot.
const dir = mkdtempSync(path.join(os.tmpdir(), 'hm-engine-memory-'));
try {
  const file = path.join(dir, 'snapshot');
  const { bytes } = await engine.saveSnapshot(file, Date.now());
  await engine.close();
  const before = heap();
  const loaded = new EmbeddedSearchEngine();
  await loaded.loadSnapshot(file);
  const after = heap();
  process.stdout.write(`loaded from a ${mib(bytes)} snapshot: ${mib(after - before)}; process RSS ${mib(process.memoryUsage().rss)}\n`);
  if (process.env.BENCH_HEAP_SNAPSHOT) process.stdout.write(`heap snapshot: ${v8.writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT)}\n`);
  await loaded.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
