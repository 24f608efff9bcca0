import type { LogLevel } from '../config.js';

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One JSON line per event on stderr: easy to ship to any log collector. */
export function createLogger(level: LogLevel): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, err?: unknown) => {
    if (RANK[lvl] < RANK[level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg };
    if (err instanceof Error) line.err = { message: err.message, stack: err.stack };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m, e) => emit('error', m, e),
  };
}
