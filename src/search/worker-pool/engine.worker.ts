// Entry of one engine worker thread: a full replica of the embedded index (see pooled.engine.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedSearchEngine } from '../embedded/embedded.engine.js';
import { serveEngine } from './serve-engine.js';
import { startMemoryTrace, type MemoryTraceSettings } from '../../shared/memory-trace.js';

if (!parentPort) throw new Error('engine.worker must run as a worker thread');
startMemoryTrace((workerData as { memoryTrace?: MemoryTraceSettings } | undefined)?.memoryTrace);
serveEngine(parentPort, new EmbeddedSearchEngine());
