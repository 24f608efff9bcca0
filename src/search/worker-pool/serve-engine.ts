// The worker side of the pool: forwards every request to its own embedded engine by method
// name, one request at a time in arrival order. Serial handling is what makes the pool's
// broadcast ordering hold: a worker sees the writes in the order the main thread posted them,
// and a query posted after a write sees it.
import { once } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { EXPORT_TO, IMPORT_FROM, toWireError, type EngineRequest, type EngineResponse } from './engine-protocol.js';
import type { EmbeddedSearchEngine, EmbeddedEngineState } from '../embedded/embedded.engine.js';

/** Methods a request may name: the engine class's (and its subclasses'), never Object's. */
function callable(engine: EmbeddedSearchEngine, method: string): ((...args: unknown[]) => unknown) | undefined {
  if (method === 'constructor' || method.startsWith('_')) return undefined;
  for (let proto = Object.getPrototypeOf(engine); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (!Object.prototype.hasOwnProperty.call(proto, method)) continue;
    const fn = (proto as Record<string, unknown>)[method];
    return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
  }
  return undefined;
}

async function receiveState(port: MessagePort): Promise<EmbeddedEngineState> {
  // 'close' without a message: the exporting worker died before it answered.
  const closed = once(port, 'close').then(() => {
    throw new Error('the replica that was exporting its state went away');
  });
  const [state] = (await Promise.race([once(port, 'message'), closed])) as [EmbeddedEngineState];
  port.close();
  return state;
}

export function serveEngine(port: MessagePort, engine: EmbeddedSearchEngine): void {
  let chain: Promise<void> = Promise.resolve();
  const handle = async (req: EngineRequest): Promise<EngineResponse> => {
    try {
      if (req.method === EXPORT_TO && req.port) {
        req.port.postMessage(engine.exportState());
        req.port.close();
        return { id: req.id, ok: true, value: undefined };
      }
      if (req.method === IMPORT_FROM && req.port) {
        engine.importState(await receiveState(req.port));
        return { id: req.id, ok: true, value: undefined };
      }
      const fn = callable(engine, req.method);
      if (!fn) throw new Error(`unknown search engine method ${req.method}`);
      return { id: req.id, ok: true, value: await fn.apply(engine, req.args) };
    } catch (err) {
      return { id: req.id, ok: false, error: toWireError(err) };
    }
  };
  port.on('message', (req: EngineRequest) => {
    chain = chain.then(async () => port.postMessage(await handle(req)));
  });
}
