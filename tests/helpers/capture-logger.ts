// A Logger that keeps its lines in memory (with the level filter of the real one), so tests
// can assert what the service logs.
import type { LogLevel } from '../../src/config.js';
import type { LogFields, Logger } from '../../src/shared/logger.js';

export interface CapturedLine extends LogFields {
  level: string;
  msg: string;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function captureLogger(level: LogLevel): { logger: Logger; lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  const emit = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (RANK[lvl] >= RANK[level]) lines.push({ ...fields, level: lvl, msg });
  };
  return {
    lines,
    logger: { level, debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: (m, _e, f) => emit('error')(m, f) },
  };
}
