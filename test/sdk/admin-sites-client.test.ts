import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient, InvalidAnswerError, InvalidInputError, type SiteView } from '../../sdk/index.ts';
import { failure } from '../helpers/failure.ts';
import { startScriptedServer, type Reply } from '../helpers/scripted-server.ts';

// The site methods of the admin client against a real HTTP server on loopback.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(replies: Reply[]) {
  const server = await startScriptedServer(replies);
  close = server.close;
  return server;
}

const site: SiteView = { id: 'site-1', name: 'Shop', publicKey: 'pk_shop', origins: ['https://shop.example'], createdAt: '2026-11-20T09:00:00.000Z' };

describe('admin client: sites', () => {
  it('lists, creates and changes sites: routes, bodies and the CSRF header of cookie mode', async () => {
    const server = await serve([{ body: { items: [site] } }, { status: 201, body: { site, secretKey: 'sk_new' } }, { body: { ...site, origins: ['https://b.example'] } }]);
    const admin = createAdminClient({ endpoint: server.url });
    expect(await admin.sites()).toEqual([site]);
    expect(await admin.createSite({ name: 'Shop', origins: ['https://shop.example'] })).toEqual({ site, secretKey: 'sk_new' });
    expect((await admin.updateSite('site 1', { origins: ['https://b.example'] })).origins).toEqual(['https://b.example']);
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /v1/sites', 'POST /v1/sites', 'PATCH /v1/sites/site%201']);
    expect(server.received.filter((request) => request.body).map((request) => JSON.parse(request.body))).toEqual([{ name: 'Shop', origins: ['https://shop.example'] }, { origins: ['https://b.example'] }]);
    expect(server.received.map((request) => request.headers['x-onepoint-csrf'])).toEqual([undefined, '1', '1']);
  });

  it('an origin with a path, no origins or an empty change never leave: InvalidInputError naming the field', async () => {
    const server = await serve([{ body: {} }]);
    const admin = createAdminClient({ endpoint: server.url });
    const cases: [Promise<unknown>, string][] = [
      [admin.createSite({ name: 'Shop', origins: ['https://shop.example/'] }), 'origins.0'],
      [admin.createSite({ name: 'Shop', origins: [] }), 'origins'],
      [admin.createSite({ name: '', origins: ['https://shop.example'] }), 'name'],
      [admin.updateSite('site-1', {}), '(root)'],
      [admin.updateSite('', { name: 'x' }), '(root)'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error, path).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(server.received).toEqual([]);
  });

  it('a site list off-contract is an InvalidAnswerError naming the field', async () => {
    const server = await serve([{ body: { items: [{ ...site, origins: 'https://shop.example' }] } }]);
    const error = await failure(createAdminClient({ endpoint: server.url }).sites());
    expect(error).toBeInstanceOf(InvalidAnswerError);
    expect((error as InvalidAnswerError).issues.map((issue) => issue.path)).toEqual(['items.0.origins']);
  });
});
