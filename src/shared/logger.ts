import type { LogLevel } from '../config.js';

/** Extra fields of a line (request id, duration …); never personal data or request variables. */
export type LogFields = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export interface Logger {
  readonly level?: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, err?: unknown, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** True when `logger` writes lines of `level` (callers skip building debug-only fields). */
export function logs(logger: Logger, level: Exclude<LogLevel, 'silent'>): boolean {
  return logger.level === undefined || RANK[level] >= RANK[logger.level];
}

/** One JSON line per event on stderr: easy to ship to any log collector. */
export function createLogger(level: LogLevel): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, err?: unknown, fields?: LogFields) => {
    if (RANK[lvl] < RANK[level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg, ...fields };
    if (err instanceof Error) line.err = { message: err.message, stack: err.stack };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  };
  return {
    level,
    debug: (m, f) => emit('debug', m, undefined, f),
    info: (m, f) => emit('info', m, undefined, f),
    warn: (m, f) => emit('warn', m, undefined, f),
    error: (m, e, f) => emit('error', m, e, f),
  };
}
