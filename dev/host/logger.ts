/**
 * The host's logger, shaped like OSD's (`[time][level][context] message`), writing to a sink (stderr by
 * default; tests pass an array to read back). Implements the Logger of server/osd_port.ts.
 */
import type { Logger } from '../../server/osd_port';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LogRecord {
  level: LogLevel;
  context: string;
  message: string;
  error?: Error;
  meta?: Record<string, unknown>;
}

export type LogSink = (record: LogRecord) => void;

export interface HostLogger extends Logger {
  get(...parts: string[]): HostLogger;
}

export const stderrSink: LogSink = (record) => {
  const time = new Date().toISOString();
  const meta =
    record.meta && Object.keys(record.meta).length ? ` ${JSON.stringify(record.meta)}` : '';
  process.stderr.write(`[${time}][${record.level}][${record.context}] ${record.message}${meta}\n`);
  if (record.error?.stack && record.level === 'error')
    process.stderr.write(`${record.error.stack}\n`);
};

export function createLogger(
  context: string[],
  minLevel: LogLevel = 'info',
  sink: LogSink = stderrSink
): HostLogger {
  const write =
    (level: LogLevel) =>
    (message: string | Error, meta?: Record<string, unknown>): void => {
      if (ORDER[level] < ORDER[minLevel]) return;
      const error = message instanceof Error ? message : undefined;
      sink({
        level,
        context: context.join('.'),
        message: error ? error.message : (message as string),
        error,
        meta,
      });
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    get: (...parts: string[]) => createLogger([...context, ...parts], minLevel, sink),
  };
}
