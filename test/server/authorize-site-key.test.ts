import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackoff } from '../../server/http/failure-backoff.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Site } from '../../server/store.ts';
import { authorizeSiteKey } from '../../server/sites/index.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';

describe.each(ENGINES)('authorizeSiteKey (the v1 site secret key) on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let site: Site;
  let secretKey: string;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    db = await openEngineStore(name);
    ({ site, secretKey } = await db.store.createSite({ name: 'Blog', origins: ['https://blog.example'], teamId: db.site.teamId }));
    const authorize = authorizeSiteKey({ sites: db.store, authFailures: createBackoff({ free: 2, baseSeconds: 1, maxSeconds: 8, forgetSeconds: 60 }, () => 0) });
    app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('ip', c.req.header('x-test-ip') ?? '192.0.2.1');
      await next();
    });
    app.get('/viewer', authorize('viewer'), (c) => c.json(c.get('principal')));
    app.get('/member', authorize('member'), (c) => c.json(c.get('principal')));
    app.get('/admin', authorize('admin'), (c) => c.json(c.get('principal')));
  });
  afterAll(() => db.dispose());
  const as = (path: string, authorization?: string, ip = '192.0.2.1') => app.request(path, { headers: { ...(authorization ? { authorization } : {}), 'x-test-ip': ip } });

  it('a site’s key is a member of the site’s team who reads that one site, acting as the site', async () => {
    for (const path of ['/viewer', '/member']) {
      const response = await as(path, `Bearer ${secretKey}`);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual({
        teamId: db.site.teamId,
        role: 'member',
        // Only its own site, though its team has two.
        siteIds: [site.id],
        actor: { type: 'site-key', id: site.id, name: 'Blog' },
        userId: null,
        via: 'site-key',
      });
    }
  });

  it('403 forbidden for what needs more than a member; 401 without a key or with a wrong one', async () => {
    const forbidden = await as('/admin', `Bearer ${secretKey}`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    for (const authorization of [undefined, `Bearer ${site.publicKey}`, 'Bearer sk_wrong']) {
      const response = await as('/viewer', authorization, '198.51.100.7');
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized', message: 'send Authorization: Bearer sk_… with this site’s secret key' } });
    }
  });

  it('wrong keys from one address back off (429 with Retry-After), even for the right key afterwards; other addresses are untouched', async () => {
    const ip = '203.0.113.9';
    for (let attempt = 0; attempt < 3; attempt++) await as('/viewer', 'Bearer sk_guess', ip);
    const refused = await as('/viewer', `Bearer ${secretKey}`, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await as('/viewer', `Bearer ${secretKey}`, '203.0.113.10')).status).toBe(200);
  });
});
