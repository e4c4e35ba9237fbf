import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApiDocument } from '../../server/openapi.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';

let collector: TestCollector;
beforeAll(async () => {
  collector = await startTestCollector('sqlite');
});
afterAll(() => collector.dispose());

it('documents every /v1 route the collector serves, with each method, and better-auth’s allow-listed endpoints', () => {
  const paths: Record<string, Record<string, unknown>> = JSON.parse(JSON.stringify(openApiDocument('1.0.0').paths));
  const served = collector.app.routes.filter((route) => route.path.startsWith('/v1/') && !['ALL', 'OPTIONS'].includes(route.method)).map((route) => ({ path: route.path.replace(/:(\w+)/g, '{$1}'), method: route.method.toLowerCase() }));
  const missing = served.filter((route) => !paths[route.path]?.[route.method]).map((route) => `${route.method} ${route.path}`);
  expect(missing).toEqual([]);
  for (const path of ['sign-in/email', 'sign-out', 'get-session', 'revoke-sessions', 'change-password', 'request-password-reset', 'reset-password']) expect(Object.keys(paths)).toContain(`/api/auth/${path}`);
});
