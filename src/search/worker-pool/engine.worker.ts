// Entry of one engine worker thread: a full replica of the embedded index (see pooled.engine.ts).
import { parentPort } from 'node:worker_threads';
import { EmbeddedSearchEngine } from '../embedded/embedded.engine.js';
import { serveEngine } from './serve-engine.js';
import { startMemoryTrace } from '../../shared/memory-trace.js';

if (!parentPort) throw new Error('engine.worker must run as a worker thread');
startMemoryTrace();
serveEngine(parentPort, new EmbeddedSearchEngine());
