// The one place engine latency is measured: every call through the SearchEngine port is timed
// and reported with the method name and whether it succeeded. A Proxy rather than a class
// listing each method, so a method added to the port is measured without touching this file.
import type { SearchEngine } from './search-engine.js';

export type EngineCallObserver = (method: string, outcome: 'ok' | 'error', seconds: number) => void;

/** Not timed: lifecycle calls, and the counts /metrics itself asks for. */
const UNTIMED = new Set(['close', 'documentCounts']);

export function instrumentEngine(engine: SearchEngine, observe: EngineCallObserver): SearchEngine {
  const wrapped = new Map<string, unknown>();
  return new Proxy(engine, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== 'string' || typeof value !== 'function' || UNTIMED.has(prop)) return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        const method = value as (...args: unknown[]) => unknown;
        fn = (...args: unknown[]) => {
          const t0 = process.hrtime.bigint();
          const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9;
          let result: unknown;
          try {
            result = method.apply(target, args);
          } catch (err) {
            observe(prop, 'error', seconds());
            throw err;
          }
          if (!(result instanceof Promise)) return result;
          return result.then(
            (v: unknown) => {
              observe(prop, 'ok', seconds());
              return v;
            },
            (err: unknown) => {
              observe(prop, 'error', seconds());
              throw err;
            },
          );
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
}
