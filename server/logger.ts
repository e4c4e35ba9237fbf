import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Request bodies are never logged; as a second line of defence, any field
 * that could carry a comment or an email is censored wherever it appears.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'onepoint-collector' },
    redact: { paths: ['*.comment', '*.followUp', '*.email', '*.contactEmail', '*.body', '*.user', 'comment', 'email', 'body'], censor: '[redacted]' },
  });
}
