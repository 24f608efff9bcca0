// Where a Meilisearch ranked request's time goes (issue 13's p95): Meilisearch's own
// processingTimeMs per search, the HTTP round trip around it, and this process's scoring,
// for rankPostingsForCandidate's searches on the bench's generated postings. Loads the
// postings straight into a kept index (PROFILE_PREFIX) the first time, so later runs only
// query. Figures only. `npx tsx bench/meili-profile.ts` with MEILI_HOST / MEILI_MASTER_KEY.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Meilisearch, type Index } from 'meilisearch';
import { storedLocation } from '../src/geo/geo-input.js';
import { systemClock } from '../src/shared/clock.js';
import { buildPostingDocument, catalogLookup } from '../src/search/documents/posting-document.js';
import { seedObjectId } from '../src/seeding/seed-ids.js';
import { MeilisearchEngine, postingPayload } from '../src/search/meilisearch/meilisearch.engine.js';
import { OPEN_POSTING, and, candidateView, postingEligibilityClause, postingFilterClause } from '../src/search/meilisearch/meilisearch-filters.js';
import { candidateQueryFitVectors } from '../src/search/meilisearch/meilisearch-fit-inputs.js';
import { FIT_EMBEDDER } from '../src/search/meilisearch/meilisearch-fit-vectors.js';
import { f32 } from '../src/search/meilisearch/meilisearch-payloads.js';
import { POSTING_POOL_FIELDS, scorePostings, type PostingPoolDoc } from '../src/search/meilisearch/meilisearch-ranking.js';
import { MeilisearchTasks } from '../src/search/meilisearch/meilisearch-tasks.js';
import { generateBenchData } from './load-data.js';
import { candidateProfileOf, postingIdOf, postingProfileOf } from './engine-only.js';

const host = process.env.MEILI_HOST!;
const apiKey = process.env.MEILI_MASTER_KEY;
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 100_000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WINDOW = Number(process.env.PROFILE_WINDOW ?? 600);
const prefix = process.env.PROFILE_PREFIX ?? `profile_${POSTINGS}_`;
const log = (s: string) => process.stdout.write(`${s}\n`);

const data = generateBenchData(POSTINGS, CANDIDATES, 500);
const catalog = catalogLookup(data.catalog);
const today = systemClock.today();
const client = new Meilisearch({ host, apiKey, timeout: 600_000, requestInit: { headers: { 'accept-encoding': 'identity' } } });
const index: Index<Record<string, unknown>> = client.index(`${prefix}postings`);
const stats = await index.getStats().catch(() => null);
if (!stats || stats.numberOfDocuments < POSTINGS) {
  const engine = new MeilisearchEngine({ host, apiKey, indexPrefix: prefix });
  await engine.reset();
  const names = new Map(data.employers.map((e) => [e.key, e.name]));
  const tasks = [];
  for (let i = 0; i < data.postings.length; i += 5000) {
    const payloads = data.postings.slice(i, i + 5000).map((p) =>
      postingPayload(
        buildPostingDocument(
          { ...postingProfileOf(p), ...p, ...storedLocation(p), id: postingIdOf(p), employerId: seedObjectId('employer', p.employerKey).toHexString(), employerName: names.get(p.employerKey) ?? '', postedAt: new Date(p.postedAt) },
          catalog,
        ),
      ),
    );
    tasks.push(await index.addDocuments(payloads, { primaryKey: 'id' }));
  }
  const t0 = performance.now();
  await new MeilisearchTasks(client, 3_600_000).waitFor(tasks.at(-1)!.taskUid);
  log(`loaded ${POSTINGS} postings in ${((performance.now() - t0) / 1000).toFixed(0)} s after enqueueing`);
}

const sampleC = data.candidates.filter((_, i) => i % Math.max(1, Math.floor(CANDIDATES / SAMPLES)) === 0).slice(0, SAMPLES);
type Row = { orders: number; count: number; wall: number; vecMs: number[]; vecWall: number[]; scoreMs: number; bytes: number };
const rows: Row[] = [];
const search = async (params: Record<string, unknown>) => {
  const t = performance.now();
  const res = await index.search(null, params);
  return { res, wall: performance.now() - t };
};
for (const c of sampleC) {
  const candidate = candidateProfileOf(c);
  const filter = and(and(OPEN_POSTING, postingFilterClause(undefined)), postingEligibilityClause(candidateView(candidate, today), catalog));
  const vectors = candidateQueryFitVectors(candidate, today);
  const t0 = performance.now();
  // As the adapter asks (meilisearch-queries.ts, fitRanked): the first window's search counts the tier.
  const vec = (v: number[]) => search({ filter, page: 1, hitsPerPage: WINDOW, vector: f32(v), hybrid: { embedder: FIT_EMBEDDER, semanticRatio: 1 }, attributesToRetrieve: POSTING_POOL_FIELDS });
  const lists = await Promise.all(vectors.map(vec));
  const s0 = performance.now();
  for (const l of lists) scorePostings(l.res.hits as unknown as PostingPoolDoc[], candidate, today);
  const scoreMs = performance.now() - s0;
  rows.push({
    orders: vectors.length,
    count: (lists[0].res as { totalHits?: number }).totalHits ?? 0,
    wall: performance.now() - t0,
    vecMs: lists.map((l) => l.res.processingTimeMs),
    vecWall: lists.map((l) => l.wall),
    scoreMs,
    bytes: JSON.stringify(lists.map((l) => l.res.hits)).length,
  });
}
const q = (a: number[], f: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(f * a.length))];
const fmt = (label: string, a: number[]) => log(`${label.padEnd(34)} p50 ${q(a, 0.5).toFixed(1)}  p90 ${q(a, 0.9).toFixed(1)}  p95 ${q(a, 0.95).toFixed(1)}  max ${q(a, 1).toFixed(1)}`);
log(`${rows.length} candidates, window ${WINDOW}, ${POSTINGS} postings; two orders: ${rows.filter((r) => r.orders > 1).length}`);
fmt('total wall ms', rows.map((r) => r.wall));
fmt('vector processingTimeMs (each)', rows.flatMap((r) => r.vecMs));
fmt('vector wall ms (each)', rows.flatMap((r) => r.vecWall));
fmt('score ms', rows.map((r) => r.scoreMs));
fmt('eligible count', rows.map((r) => r.count));
fmt('response KB', rows.map((r) => r.bytes / 1024));
const slow = [...rows].sort((a, b) => b.wall - a.wall).slice(0, 8);
for (const r of slow) log(`  slow: wall ${r.wall.toFixed(0)} orders ${r.orders} count ${r.count} vecMs ${r.vecMs.join('+')} vecWall ${r.vecWall.map((x) => x.toFixed(0)).join('+')} score ${r.scoreMs.toFixed(1)}`);
// One JSON line per candidate (PROFILE_OUT): runs under different server settings can be joined by position.
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, rows.map((r) => JSON.stringify(r)).join('\n'));
