// Meilisearch's own record of a phase's indexing (GET /batches): how long its document batches
// ran and how long it sat idle between them while a writer fed it. Tells a rebuild that
// starves Meilisearch (idle gaps: the writer did not keep a task queued) from one where
// Meilisearch was busy throughout and only got less CPU.
import type { Meilisearch } from 'meilisearch';

export interface BatchTimeline {
  batches: number;
  tasks: number[];
  /** Seconds Meilisearch spent processing the index's document batches within the phase. */
  busyS: number;
  /** Seconds within the phase with no document batch running. */
  idleS: number;
  longestGapS: number;
  strategies: Map<string, number>;
}

export async function batchTimeline(client: Meilisearch, indexUid: string, fromMs: number, toMs: number): Promise<BatchTimeline> {
  const rows: { start: number; end: number; tasks: number; strategy: string }[] = [];
  for (let from: number | null = null; ; ) {
    const page = await client.batches.getBatches({ indexUids: [indexUid], types: ['documentAdditionOrUpdate'], limit: 100, ...(from === null ? {} : { from }) });
    for (const b of page.results) {
      if (b.finishedAt === null) continue;
      rows.push({ start: Date.parse(b.startedAt), end: Date.parse(b.finishedAt), tasks: b.stats.totalNbTasks, strategy: b.batchStrategy ?? '' });
    }
    if (page.next === null || page.next === undefined) break;
    from = page.next;
  }
  const inPhase = rows.filter((r) => r.end >= fromMs && r.start <= toMs).sort((a, b) => a.start - b.start);
  let busy = 0;
  let longestGap = 0;
  let cursor = fromMs;
  for (const r of inPhase) {
    const start = Math.max(r.start, cursor);
    longestGap = Math.max(longestGap, start - cursor);
    busy += Math.max(0, Math.min(r.end, toMs) - start);
    cursor = Math.max(cursor, r.end);
  }
  longestGap = Math.max(longestGap, toMs - cursor);
  const strategies = new Map<string, number>();
  for (const r of inPhase) strategies.set(r.strategy, (strategies.get(r.strategy) ?? 0) + 1);
  return { batches: inPhase.length, tasks: inPhase.map((r) => r.tasks), busyS: busy / 1000, idleS: (toMs - fromMs - busy) / 1000, longestGapS: longestGap / 1000, strategies };
}

export function describeTimeline(t: BatchTimeline): string {
  const strategies = [...t.strategies].map(([s, n]) => `${n}x "${s.slice(0, 60)}"`).join(', ');
  return `${t.batches} Meilisearch batches (tasks each: ${t.tasks.join(' ')}), busy ${t.busyS.toFixed(1)} s, idle ${t.idleS.toFixed(1)} s (longest gap ${t.longestGapS.toFixed(1)} s); closed by ${strategies}`;
}
