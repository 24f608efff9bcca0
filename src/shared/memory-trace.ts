// Debug only, off by default: with MEMORY_TRACE_FILE set, every thread that calls
// startMemoryTrace() appends one JSON line per MEMORY_TRACE_MS (default 500) to that file with
// its process.memoryUsage() and V8 heap figures, and memoryMark() adds a line at a named step
// (the rebuild's phases, the snapshot write). Used to find what the cold first build holds at
// its peak (README "Performance"); the process RSS alone cannot tell the threads apart.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';

const MiB = 2 ** 20;
const file = process.env.MEMORY_TRACE_FILE;

function line(extra: Record<string, unknown>): void {
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), Math.round(s.space_size / MiB)]));
  const record = {
    t: Date.now(),
    thread: threadId,
    rss: Math.round(m.rss / MiB),
    heapUsed: Math.round(m.heapUsed / MiB),
    heapTotal: Math.round(m.heapTotal / MiB),
    physical: Math.round(h.total_physical_size / MiB),
    external: Math.round(m.external / MiB),
    arrayBuffers: Math.round(m.arrayBuffers / MiB),
    malloced: Math.round(h.malloced_memory / MiB),
    spaces,
    ...extra,
  };
  try {
    appendFileSync(file!, `${JSON.stringify(record)}\n`);
  } catch {
    // A debugging aid must never take the service down.
  }
}

/** Samples this thread's memory while MEMORY_TRACE_FILE is set; a no-op otherwise. */
export function startMemoryTrace(): void {
  if (!file) return;
  const ms = Number(process.env.MEMORY_TRACE_MS ?? 500);
  setInterval(() => line({}), ms > 0 ? ms : 500).unref();
}

/** A named step in the trace (no-op when tracing is off). */
export function memoryMark(mark: string): void {
  if (file) line({ mark });
}
