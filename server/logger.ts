import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** `pretty`: one readable line per event, for a person at a terminal; `json`: one object per line, for machines. */
export type LogFormat = 'pretty' | 'json';

/**
 * Pretty when the output is a terminal (someone is reading it), JSON otherwise (a file, a pipe,
 * a log collector). `LOG_FORMAT=json|pretty` overrides either way.
 * @example chooseLogFormat({ isTTY: true }, {}) // 'pretty'
 */
export function chooseLogFormat(output: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return output.isTTY === true ? 'pretty' : 'json';
}

/** The header the team page sends on the refreshes it makes by itself: a line for each would drown the rest. */
export const BACKGROUND_REQUEST_HEADER = 'x-onepoint-refresh';

/**
 * The level of a request's log line: `debug` for background polls — a header the team page sets
 * on its periodic refreshes, and `/healthz` — `info` for everything else.
 */
export function requestLogLevel(path: string, header: (name: string) => string | undefined): Level {
  return path === '/healthz' || header(BACKGROUND_REQUEST_HEADER) !== undefined ? 'debug' : 'info';
}

export interface LoggerOptions {
  /** @default process.env.LOG_LEVEL ?? 'info' */
  level?: string;
  /** @default chooseLogFormat(process.stdout) */
  format?: LogFormat;
  /** Where lines go. @default process.stdout */
  destination?: DestinationStream;
}

/**
 * The collector's logger. Request bodies are never logged; as a second line of defence, any field
 * that could carry a comment or an email is censored wherever it appears.
 */
export function createLogger(options: LoggerOptions | string = {}): Logger {
  const { level = process.env.LOG_LEVEL ?? 'info', format = chooseLogFormat(process.stdout), destination } = typeof options === 'string' ? { level: options } : options;
  const settings = {
    level,
    base: { service: 'onepoint-collector' },
    redact: { paths: ['*.comment', '*.followUp', '*.email', '*.contactEmail', '*.body', '*.user', 'comment', 'email', 'body'], censor: '[redacted]' },
  };
  if (format === 'json') return destination ? pino(settings, destination) : pino(settings);
  // pino-pretty as a plain function on each line, in this thread: no worker, nothing to resolve
  // at run time, so it works the same from the bundled collector.
  const prettify = pretty.prettyFactory({ colorize: destination ? false : pretty.isColorSupported, singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service,reqId,method,route,status,ms', messageFormat: requestLine });
  const output = destination ?? process.stdout;
  return pino(settings, { write: (line: string) => void output.write(prettify(line)) });
}

/** `POST /v1/responses 200 4 ms` instead of a JSON object, for request lines; other messages as they are. */
function requestLine(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (message !== 'request') return message;
  return `${String(log.method)} ${String(log.route)} ${String(log.status)} ${String(log.ms)} ms`;
}
