import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_PATHS, APP_POLICY, appPages } from '../../server/app-pages/index.ts';
import type { AppEnv } from '../../server/http/context.ts';

// The app's pages served from a build on disk (a scratch folder shaped as Vite writes dist/app).
const scratch = mkdtempSync(join(tmpdir(), 'onepoint-app-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const built = join(scratch, 'built');
mkdirSync(join(built, 'assets'), { recursive: true });
writeFileSync(join(built, 'index.html'), '<!doctype html><title>onepoint</title><script type="module" src="/app/assets/index-abc123.js"></script>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(built, 'assets', 'index-abc123.css'), 'body{}');
writeFileSync(join(scratch, 'secret.txt'), 'not for you');

function serve(dirs: string[]) {
  const app = new Hono<AppEnv>();
  appPages(app, { dirs });
  return (path: string) => app.request(path);
}

describe('the team app’s pages', () => {
  const get = serve([join(scratch, 'absent'), built]);

  it('every screen’s path answers the page, under the strict policy, never cached, with no referrer', async () => {
    expect(APP_PATHS).toEqual(expect.arrayContaining(['/', '/inbox', '/dashboard', '/members', '/tokens', '/audit', '/privacy', '/settings', '/invite', '/reset-password', '/sign-in']));
    for (const path of APP_PATHS) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await response.text()).toContain('/app/assets/index-abc123.js');
      expect(response.headers.get('content-security-policy'), path).toBe(APP_POLICY);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect(APP_POLICY).toMatch(/script-src 'self';/);
    expect(APP_POLICY).toMatch(/style-src 'self';/);
    expect(APP_POLICY).not.toMatch(/unsafe/);
  });

  it('hashed files with their type, cached for a year; anything else under /app/assets/ is a 404, a path outside it too', async () => {
    const script = await get('/app/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('/app/assets/index-abc123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/app/assets/nope-123.js', '/app/assets/..%2Fsecret.txt', '/app/assets/..%2F..%2Fbuilt%2Findex.html', '/app/assets/.hidden.js', '/app/assets/index-abc123.exe']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('/admin, the interim page, is gone for good: 301 to /', async () => {
    const response = await get('/admin');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/');
  });

  it('not built: 503 not_built saying how to build, for the page and its files', async () => {
    const none = serve([join(scratch, 'absent')]);
    for (const path of ['/', '/members', '/app/assets/index-abc123.js']) {
      const response = await none(path);
      expect(response.status, path).toBe(503);
      expect(await response.json(), path).toEqual({ error: { code: 'not_built', message: 'the team app is not built: run npm run build' } });
    }
  });
});
