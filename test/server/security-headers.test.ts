import type { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/http/context.ts';
import { APP_PATHS } from '../../server/app-pages/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

// The team app's page is the build's (npm run build; `npm test` builds first). Unbuilt, its paths
// answer 503 not_built, which these tests say instead of failing on a missing build.
const appBuilt = existsSync(resolve(import.meta.dirname, '../../dist/app/index.html'));

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name.toLowerCase(), values.join(' ')]),
  );
}

describe.each(ENGINES)('security headers on every HTML answer, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let collector: TestCollector;
  let app: Hono<AppEnv> | undefined;
  beforeAll(async () => {
    collector = await startTestCollector(name, {
      extend: (routes) => {
        app = routes;
        // A page added later, with no headers of its own, and one with a policy that forgot framing.
        routes.get('/extra-page', (c) => c.html('<!doctype html><title>extra</title>'));
        routes.get('/own-policy', (c) => c.html('<!doctype html><title>own</title>', 200, { 'Content-Security-Policy': "default-src 'self'" }));
      },
    });
  });
  afterAll(() => collector.dispose());

  it('every GET route that answers text/html carries CSP (no inline script, no framing), nosniff and no-referrer', async () => {
    const paths = [...new Set((app?.routes ?? []).filter((route) => route.method === 'GET' && !route.path.includes('*')).map((route) => route.path.replaceAll(/:\w+/g, 'x')))];
    const html: string[] = [];
    for (const path of paths) {
      const response = await collector.admin(path);
      await response.body?.cancel();
      if (!/^text\/html/.test(response.headers.get('content-type') ?? '')) {
        expect(response.headers.get('content-security-policy'), path).toBeNull();
        continue;
      }
      html.push(path);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('frame-ancestors'), path).toBe("'none'");
      const scripts = policy.get('script-src') ?? policy.get('default-src') ?? '';
      expect(scripts, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
      expect(scripts, path).not.toBe('');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect(html).toEqual(expect.arrayContaining(['/extra-page', '/own-policy', ...(appBuilt ? APP_PATHS : [])]));
  });

  it('keeps a route’s own policy, adding frame-ancestors to it', async () => {
    const own = await collector.admin('/own-policy');
    expect(own.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
    const page = await collector.admin('/');
    if (!appBuilt) return expect(page.status).toBe(503);
    expect(directives(page.headers.get('content-security-policy')).get('script-src')).toBe("'self'");
    expect(directives(page.headers.get('content-security-policy')).get('style-src')).toBe("'self'");
    expect(directives(page.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'none'");
  });
});
