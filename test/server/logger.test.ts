import { describe, expect, it } from 'vitest';
import { chooseLogFormat, createLogger, requestLogLevel } from '../../server/logger.ts';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) } };
}

describe('the log format', () => {
  it('is readable on a terminal and JSON everywhere else', () => {
    expect(chooseLogFormat({ isTTY: true }, {})).toBe('pretty');
    expect(chooseLogFormat({ isTTY: false }, {})).toBe('json');
    expect(chooseLogFormat({}, {})).toBe('json');
  });

  it('follows LOG_FORMAT either way, and ignores other values', () => {
    expect(chooseLogFormat({ isTTY: true }, { LOG_FORMAT: 'json' })).toBe('json');
    expect(chooseLogFormat({ isTTY: false }, { LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(chooseLogFormat({ isTTY: false }, { LOG_FORMAT: 'yaml' })).toBe('json');
  });

  it('writes a request as one short line when pretty, and as an object when JSON', () => {
    const pretty = capture();
    createLogger({ level: 'info', format: 'pretty', destination: pretty.destination }).info({ reqId: 'a-1', method: 'POST', route: '/v1/responses', status: 200, ms: 4 }, 'request');
    expect(pretty.lines).toHaveLength(1);
    expect(pretty.lines[0]).toMatch(/INFO.*POST \/v1\/responses 200 4 ms/);
    expect(pretty.lines[0]).not.toContain('{');

    const json = capture();
    createLogger({ level: 'info', format: 'json', destination: json.destination }).info({ method: 'GET', route: '/healthz', status: 200, ms: 1 }, 'request');
    expect(JSON.parse(json.lines[0] ?? '')).toMatchObject({ msg: 'request', method: 'GET', route: '/healthz', status: 200, service: 'onepoint-collector' });
  });

  it('still censors comments and emails when pretty', () => {
    const pretty = capture();
    createLogger({ format: 'pretty', destination: pretty.destination }).info({ user: { email: 'ada@example.com' }, comment: 'secret words' }, 'something');
    expect(pretty.lines.join('\n')).not.toMatch(/ada@example\.com|secret words/);
  });
});

describe('the level of a request line', () => {
  const none = () => undefined;
  it('is debug for the team page’s own refreshes and for health probes', () => {
    expect(requestLogLevel('/v1/stats', (name) => (name === 'x-onepoint-refresh' ? '1' : undefined))).toBe('debug');
    expect(requestLogLevel('/healthz', none)).toBe('debug');
  });
  it('is info for everything a person or a survey asked for', () => {
    expect(requestLogLevel('/v1/stats', none)).toBe('info');
    expect(requestLogLevel('/v1/responses', none)).toBe('info');
  });
});
