// A pool worker for tests: the real worker protocol around an engine that can be told to
// crash (searchPostings with text "__crash__") or, when armed, to keep its thread busy in
// rankPostingsForCandidate until released (a stand-in for a long CPU-heavy ranking).
// Control cells (Int32Array over workerData.control): [0] armed, [1] started, [2] released.
import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedSearchEngine } from '../../../src/search/embedded/embedded.engine.js';
import { serveEngine } from '../../../src/search/worker-pool/serve-engine.js';
import type { RankPostingsQuery, RankedPage, SearchPostingsQuery, IdPage } from '../../../src/search/search-engine.js';

const control = new Int32Array((workerData as { control?: SharedArrayBuffer } | undefined)?.control ?? new SharedArrayBuffer(12));

class TestEngine extends EmbeddedSearchEngine {
  override async searchPostings(query: SearchPostingsQuery): Promise<IdPage> {
    if (query.text === '__crash__') process.exit(3);
    return super.searchPostings(query);
  }

  override async rankPostingsForCandidate(query: RankPostingsQuery): Promise<RankedPage> {
    if (Atomics.load(control, 0) === 1) {
      Atomics.store(control, 1, 1);
      // Synchronous: this thread does nothing else until the test releases it.
      while (Atomics.load(control, 2) === 0) Atomics.wait(control, 2, 0, 50);
    }
    return super.rankPostingsForCandidate(query);
  }
}

serveEngine(parentPort!, new TestEngine());
