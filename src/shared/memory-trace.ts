// Debugging only, off by default: with MEMORY_TRACE_FILE set, the main thread and every engine
// worker append one JSON line per MEMORY_TRACE_MS to that file with their process.memoryUsage()
// and V8 heap figures, and memoryMark() adds a line at a named step (the rebuild's phases, the
// snapshot write). Made to find what the cold first build holds at its peak (README
// "Performance"): the process RSS alone cannot tell the threads apart.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';

export interface MemoryTraceSettings {
  file: string;
  intervalMs: number;
}

const MiB = 2 ** 20;
let settings: MemoryTraceSettings | null = null;

function line(extra: Record<string, unknown>): void {
  if (!settings) return;
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), Math.round(s.space_size / MiB)]));
  const mib = (bytes: number) => Math.round(bytes / MiB);
  const record = {
    t: Date.now(),
    thread: threadId,
    rss: mib(m.rss),
    heapUsed: mib(m.heapUsed),
    heapTotal: mib(m.heapTotal),
    physical: mib(h.total_physical_size),
    external: mib(m.external),
    arrayBuffers: mib(m.arrayBuffers),
    malloced: mib(h.malloced_memory),
    spaces,
    ...extra,
  };
  try {
    appendFileSync(settings.file, `${JSON.stringify(record)}\n`);
  } catch {
    // A debugging aid must never take the service down.
  }
}

/** Samples this thread's memory (no-op with null); workers get the settings in their workerData. */
export function startMemoryTrace(given: MemoryTraceSettings | null | undefined): void {
  if (!given || settings) return;
  settings = given;
  setInterval(() => line({}), given.intervalMs).unref();
}

/** What this thread traces with: handed to the engine workers it starts. */
export function memoryTraceSettings(): MemoryTraceSettings | null {
  return settings;
}

/** A named step in the trace (no-op when tracing is off). */
export function memoryMark(mark: string): void {
  line({ mark });
}
