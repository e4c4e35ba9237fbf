import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, errorBodySchema, siteCreatedSchema, siteListSchema, siteViewSchema } from '../../sdk/index.ts';
import { appHeaders, person, teamWithSite, testAccounts, type Person } from '../helpers/accounts.ts';
import { ENGINES, ORIGIN, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

describe.each(ENGINES)('the team’s sites on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: Person;
  let viewer: Person;
  let otherSiteId: string;
  beforeAll(async () => {
    collector = await startTestCollector(name);
    const people = await testAccounts(collector);
    const teamA = await teamWithSite(collector, 'Team A');
    const teamB = await collector.store.resources.teams.createTeam({ name: 'Team B' });
    otherSiteId = (await collector.store.createSite({ name: 'Other shop', origins: ['https://other.example'], teamId: teamB.id })).site.id;
    admin = await person(collector, people, { email: 'admin@a.example', teamId: teamA, role: 'admin' });
    viewer = await person(collector, people, { email: 'viewer@a.example', teamId: teamA, role: 'viewer' });
  });
  afterAll(() => collector.dispose());

  const send = (who: Person, method: string, path: string, body?: unknown) => who.fetch(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const problemOf = async (answer: Response) => errorBodySchema.parse(await answer.json()).error;
  const preflight = (origin: string) => fetch(`${collector.url}/v1/responses`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  const auditOf = async (action: string) => auditPageSchema.parse(await (await send(admin, 'GET', `/v1/audit?action=${action}`)).json()).items;

  it('lists the team’s own sites with their public keys, never a secret or another team’s site', async () => {
    const answer = await send(viewer, 'GET', '/v1/sites');
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).not.toMatch(/secret|hash|sk_/i);
    const { items } = siteListSchema.parse(JSON.parse(text));
    expect(items).toEqual([{ id: collector.site.id, name: 'Shop', publicKey: collector.site.publicKey, origins: [ORIGIN], createdAt: expect.any(String) }]);
    expect(items.map((site) => site.id)).not.toContain(otherSiteId);
  });

  it('creates a site in the admin’s team: its secret once, its origin allowed at once, and the audit log says so', async () => {
    const origin = 'https://blog.example';
    // The preflight's list of known origins is loaded now, before the site exists …
    expect((await preflight(origin)).status).toBe(403);
    const answer = await send(admin, 'POST', '/v1/sites', { name: 'Blog', origins: [origin, 'http://localhost:3000'] });
    expect(answer.status).toBe(201);
    const { site, secretKey } = siteCreatedSchema.parse(await answer.json());
    expect(secretKey).toMatch(/^sk_/);
    expect(site).toMatchObject({ name: 'Blog', origins: [origin, 'http://localhost:3000'] });
    expect(site.publicKey).toMatch(/^pk_/);
    // … and yet it knows the new origin without waiting for its few seconds to pass.
    expect((await preflight(origin)).status).toBe(204);
    expect((await collector.post(makePayload({ siteKey: site.publicKey }), { origin })).status).toBe(200);
    const listed = siteListSchema.parse(await (await send(viewer, 'GET', '/v1/sites')).json()).items;
    expect(listed.map((item) => item.id)).toEqual([collector.site.id, site.id]);
    expect(JSON.stringify(listed)).not.toContain(secretKey);
    // The secret is the site's v1 admin key, for this site only.
    const bySecret = await fetch(`${collector.url}/v1/sites`, { headers: { authorization: `Bearer ${secretKey}` } });
    expect(siteListSchema.parse(await bySecret.json()).items.map((item) => item.id)).toEqual([site.id]);
    const [entry] = await auditOf('site.created');
    expect(entry).toMatchObject({ actor: { type: 'member', id: admin.userId }, action: 'site.created', target: { type: 'site', id: site.id }, detail: { name: 'Blog', origins: [origin, 'http://localhost:3000'] } });
  });

  it('a changed allow-list takes effect at once: the old origin is refused, the new one posts', async () => {
    const response = () => makePayload({ siteKey: collector.site.publicKey });
    // Cached by the collector (site lookups by key are remembered for a few seconds).
    expect((await collector.post(response())).status).toBe(200);
    const answer = await send(admin, 'PATCH', `/v1/sites/${collector.site.id}`, { origins: ['https://new-shop.example'] });
    expect(answer.status).toBe(200);
    expect(siteViewSchema.parse(await answer.json())).toMatchObject({ id: collector.site.id, name: 'Shop', origins: ['https://new-shop.example'] });
    expect((await collector.post(response())).status).toBe(403);
    expect((await collector.post(response(), { origin: 'https://new-shop.example' })).status).toBe(200);
    expect((await preflight('https://new-shop.example')).status).toBe(204);
    const [entry] = await auditOf('site.changed');
    expect(entry).toMatchObject({ target: { type: 'site', id: collector.site.id }, detail: { origins: { from: [ORIGIN], to: ['https://new-shop.example'] } } });
    expect(entry?.detail).not.toHaveProperty('name');
  });

  it('renames a site; a change to nothing new is not logged', async () => {
    const renamed = await send(admin, 'PATCH', `/v1/sites/${collector.site.id}`, { name: 'Shop (EU)' });
    expect(siteViewSchema.parse(await renamed.json()).name).toBe('Shop (EU)');
    const before = (await auditOf('site.changed')).length;
    expect((await send(admin, 'PATCH', `/v1/sites/${collector.site.id}`, { name: 'Shop (EU)' })).status).toBe(200);
    expect(await auditOf('site.changed')).toHaveLength(before);
  });

  it('another team’s site does not exist for this team', async () => {
    const answer = await send(admin, 'PATCH', `/v1/sites/${otherSiteId}`, { name: 'Mine now' });
    expect(answer.status).toBe(404);
    expect((await problemOf(answer)).code).toBe('not_found');
    expect((await collector.store.listSites()).find((site) => site.id === otherSiteId)?.name).toBe('Other shop');
  });

  it('refuses what can never be a site with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'A', origins: ['https://a.example/'] }, 'origins.0'],
      [{ name: 'A', origins: ['https://a.example/shop'] }, 'origins.0'],
      [{ name: 'A', origins: ['ftp://a.example'] }, 'origins.0'],
      [{ name: 'A', origins: ['a.example'] }, 'origins.0'],
      [{ name: 'A', origins: [] }, 'origins'],
      [{ name: 'A', origins: ['https://a.example', 'https://a.example'] }, 'origins'],
      [{ name: '', origins: ['https://a.example'] }, 'name'],
      [{ origins: ['https://a.example'] }, 'name'],
      [{ name: 'A', origins: ['https://a.example'], secretKey: 'sk_mine' }, 'secretKey'],
    ];
    for (const [body, path] of cases) {
      const answer = await send(admin, 'POST', '/v1/sites', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const problem = await problemOf(answer);
      expect(problem.code).toBe('invalid_site');
      expect(problem.issues?.map((issue) => (Array.isArray(issue.path) ? issue.path.join('.') : issue.path)), JSON.stringify(body)).toContain(path);
    }
    expect((await send(admin, 'PATCH', `/v1/sites/${collector.site.id}`, {})).status).toBe(400);
    expect((await send(admin, 'PATCH', `/v1/sites/${collector.site.id}`, { origins: ['https://a.example:99999'] })).status).toBe(400);
    const notJson = await admin.fetch('/v1/sites', { method: 'POST', body: '{name', headers: { 'content-type': 'application/json' } });
    expect((await problemOf(notJson)).code).toBe('invalid_json');
    const form = await admin.fetch('/v1/sites', { method: 'POST', body: 'name=A', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(siteListSchema.parse(await (await send(viewer, 'GET', '/v1/sites')).json()).items.map((site) => site.name)).not.toContain('A');
  });

  it('a viewer reads but changes nothing; a change by cookie from another origin is refused', async () => {
    expect((await send(viewer, 'POST', '/v1/sites', { name: 'V', origins: ['https://v.example'] })).status).toBe(403);
    expect((await send(viewer, 'PATCH', `/v1/sites/${collector.site.id}`, { name: 'V' })).status).toBe(403);
    const crossSite = await fetch(`${collector.url}/v1/sites`, { method: 'POST', headers: { ...appHeaders(collector, admin.cookie), origin: 'https://evil.example' }, body: JSON.stringify({ name: 'E', origins: ['https://e.example'] }) });
    expect(crossSite.status).toBe(403);
  });
});
