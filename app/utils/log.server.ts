import type { LogLevel } from './env.server';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

type Level = Exclude<LogLevel, 'silent'>;

/**
 * One line per event: time, level, message. Messages must never carry secrets, tokens,
 * e-mail addresses or request bodies; callers redact before logging.
 */
export function createLogger(
  level: LogLevel,
  write: (level: Level, line: string) => void = writeToStd,
): Logger {
  const emit = (at: Level) => (message: string) => {
    if (rank[at] < rank[level]) return;
    write(at, `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${message}`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function writeToStd(level: Level, line: string) {
  // stderr for problems, stdout for the rest, so process supervisors can tell them apart.
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
