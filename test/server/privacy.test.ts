import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { eraseResultSchema, errorBodySchema, responsePageSchema, retentionSchema, segmentOf, statsSchema, type ResponsePayload } from '../../sdk/index.ts';
import { createApp } from '../../server/app.ts';
import { int, select } from '../../server/db/rows.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Principal } from '../../server/http/principal.ts';
import type { ErasedPerson } from '../../server/people/index.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { fixedPrincipal } from '../helpers/fixed-principal.ts';
import { makePayload } from '../helpers/payload.ts';

const countRow = z.object({ n: int });

describe.each(ENGINES)('erasing a person on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let db: EngineStore;
  let app: Hono<AppEnv>;
  let shop: Site;
  let elsewhere: Site;
  let as: Principal | undefined;
  const handed: ErasedPerson[] = [];
  const ids = { ana: [] as string[], bo: '', other: '' };
  const admin = (role: Principal['role'] = 'admin'): Principal => ({ teamId: shop.teamId, role, siteIds: [shop.id], actor: { type: 'member', id: 'user-sam', name: 'Sam Lee' }, userId: 'user-sam', via: 'session' });
  const send = (method: string, path: string, body?: unknown) => app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const count = async (sql: string, params: string[] = []) => (await select(db.driver, countRow, 'count', sql, params))[0]?.n;

  async function post(site: Site, overrides: Partial<ResponsePayload>): Promise<string> {
    const payload = makePayload({ siteKey: site.publicKey, status: 'complete', ...overrides });
    db.clock.now += 60_000;
    expect((await db.store.upsertResponse(site, payload, segmentOf(payload.score))).kind).toBe('stored');
    return payload.id;
  }

  beforeAll(async () => {
    db = await openEngineStore(name);
    shop = db.site;
    elsewhere = (await db.store.createSite({ name: 'Elsewhere', origins: ['https://elsewhere.example'] })).site;
    // Ana answered anonymously, then identified (same browser), then gave a contact email elsewhere in time.
    ids.ana.push(await post(shop, { score: 1, comment: 'Ana hates refunds', anonymousId: 'visitor-ana' }));
    ids.ana.push(await post(shop, { score: 2, comment: 'Still about refunds', anonymousId: 'visitor-ana', user: { id: 'user-ana', email: 'Ana@Example.com', traits: { plan: 'pro' } }, drivers: ['price'] }));
    ids.ana.push(await post(shop, { score: 3, anonymousId: 'visitor-ana-phone', contactConsent: true, contactEmail: 'ana@example.com' }));
    ids.bo = await post(shop, { score: 9, comment: 'Bo loves refunds', anonymousId: 'visitor-bo' });
    ids.other = await post(elsewhere, { score: 4, comment: 'Another team’s Ana', user: { id: 'user-ana', email: 'ana@example.com' } });
    app = createApp({
      store: db.store,
      logger: pino({ level: 'silent' }),
      now: () => db.clock.now,
      authorize: fixedPrincipal(() => as),
      personErasers: [{ name: 'mail', erase: async (_tx, person) => (handed.push(person), person.emails.length) }],
    });
    as = admin();
    expect((await send('PATCH', `/v1/responses/${ids.ana[0]}/follow-up`, { note: 'Called Ana about her refund' })).status).toBe(200);
    expect((await send('PATCH', `/v1/responses/${ids.bo}/follow-up`, { note: 'Bo is happy' })).status).toBe(200);
    const change = await (await send('POST', '/v1/changes', { title: 'Refunds in a day', body: 'Now.', responseIds: [ids.ana[1], ids.bo] })).json();
    expect((await send('POST', `/v1/changes/${change.id}/publish`)).status).toBe(200);
    expect(await count('SELECT COUNT(*) AS n FROM notices')).toBe(1);
    await db.driver.run('INSERT INTO dismissals (site_id, user_id, dismissed_at) VALUES (?, ?, ?)', [shop.id, 'user-ana', db.clock.now]);
  });
  afterAll(() => db.dispose());

  it('needs the admin role and someone to erase', async () => {
    as = admin('member');
    expect((await send('POST', '/v1/people/erase', { email: 'ana@example.com' })).status).toBe(403);
    as = admin();
    for (const body of [{}, { email: 'not an email' }, { userId: '' }, { name: 'Ana' }]) {
      const answer = await send('POST', '/v1/people/erase', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(await answer.json()).error.code).toBe('invalid_erase');
    }
    expect(await count('SELECT COUNT(*) AS n FROM responses')).toBe(5);
  });

  it('by email: every response of the person (by their other ids too), notes, notices, dismissals, jobs and search rows go; the list, CSV and stats no longer have them', async () => {
    as = admin();
    const answer = await send('POST', '/v1/people/erase', { email: 'ana@example.com' });
    expect(answer.status).toBe(200);
    const { erased } = eraseResultSchema.parse(await answer.json());
    // Three notes: Ana's own, and the publishing's status and change rows on her second response.
    expect(erased).toMatchObject({ responses: 3, notices: 1, dismissals: 1, mail: 1, changeLinks: 1 });
    expect(erased.notes).toBe(3);
    expect(erased.jobs).toBe(6);
    expect(handed[0]).toMatchObject({ teamId: shop.teamId, siteIds: [shop.id], userIds: ['user-ana'] });
    expect([...(handed[0]?.responseIds ?? [])].sort()).toEqual([...ids.ana].sort());
    expect([...(handed[0]?.anonymousIds ?? [])].sort()).toEqual(['visitor-ana', 'visitor-ana-phone']);

    const list = responsePageSchema.parse(await (await send('GET', '/v1/responses')).json());
    expect(list.items.map((item) => item.id)).toEqual([ids.bo]);
    expect(responsePageSchema.parse(await (await send('GET', '/v1/responses?q=refunds')).json()).items.map((item) => item.id)).toEqual([ids.bo]);
    const csv: { id: string }[] = parse(await (await send('GET', '/v1/responses.csv')).text(), { columns: true, bom: true });
    expect(csv.map((row) => row.id)).toEqual([ids.bo]);
    expect(statsSchema.parse(await (await send('GET', '/v1/stats')).json()).summary.total).toBe(1);
    const mine = ids.ana.map(() => '?').join(', ');
    expect(await count(`SELECT COUNT(*) AS n FROM responses WHERE id IN (${mine})`, ids.ana)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM follow_up_notes WHERE response_id IN (${mine})`, ids.ana)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM response_traits WHERE response_id IN (${mine})`, ids.ana)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM response_drivers WHERE response_id IN (${mine})`, ids.ana)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM response_search WHERE response_id IN (${mine})`, ids.ana)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM notices WHERE user_id = 'user-ana'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM dismissals WHERE user_id = 'user-ana'")).toBe(0);
    // Bo, and the other team's Ana, are untouched.
    expect(await count('SELECT COUNT(*) AS n FROM follow_up_notes WHERE response_id = ?', [ids.bo])).toBeGreaterThan(0);
    expect(await count('SELECT COUNT(*) AS n FROM responses WHERE id = ?', [ids.other])).toBe(1);
    // The audit log says what was erased, not who.
    const audit = await db.driver.all("SELECT detail FROM audit_log WHERE action = 'people.erased'");
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/ana/i);
  });

  it('erasing someone unknown erases nothing', async () => {
    as = admin();
    const { erased } = eraseResultSchema.parse(await (await send('POST', '/v1/people/erase', { userId: 'nobody', anonymousId: 'nobody-either' })).json());
    expect(erased.responses).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM responses')).toBe(2);
  });
});

describe.each(ENGINES)('retention on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  const DAY = 86_400_000;
  let db: EngineStore;
  let app: Hono<AppEnv>;
  let shop: Site;
  let blog: Site;
  let as: Principal | undefined;
  const put = (siteId: string, body: unknown) => app.request(`/v1/sites/${siteId}/retention`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const rowOf = z.object({ id: z.string(), score: int, comment: z.nullable(z.string()), user_id: z.nullable(z.string()), user_email: z.nullable(z.string()), contact_email: z.nullable(z.string()), user_traits: z.nullable(z.string()), anonymous_id: z.string() });

  async function post(site: Site, daysAgo: number, overrides: Partial<ResponsePayload> = {}): Promise<string> {
    const payload = makePayload({ siteKey: site.publicKey, status: 'complete', comment: 'a comment', user: { id: `user-${daysAgo}`, email: `p${daysAgo}@example.com`, traits: { plan: 'pro' } }, ...overrides });
    const at = db.clock.now;
    db.clock.now = Date.UTC(2026, 5, 1) - daysAgo * DAY;
    expect((await db.store.upsertResponse(site, payload, segmentOf(payload.score))).kind).toBe('stored');
    db.clock.now = at;
    return payload.id;
  }

  beforeAll(async () => {
    db = await openEngineStore(name);
    shop = db.site;
    blog = (await db.store.createSite({ name: 'Blog', origins: ['https://blog.example'], teamId: shop.teamId })).site;
    db.clock.now = Date.UTC(2026, 5, 1);
    app = createApp({ store: db.store, logger: pino({ level: 'silent' }), now: () => db.clock.now, authorize: fixedPrincipal(() => as) });
    as = { teamId: shop.teamId, role: 'admin', siteIds: [shop.id, blog.id], actor: { type: 'member', id: 'user-sam', name: 'Sam Lee' }, userId: 'user-sam', via: 'session' };
  });
  afterAll(() => db.dispose());

  it('is set per site by an admin; bad values are 400s, another team’s site a 404, a viewer 403', async () => {
    expect(retentionSchema.parse(await (await app.request(`/v1/sites/${shop.id}/retention`)).json())).toEqual({ days: null, mode: 'anonymise' });
    for (const body of [{ days: 0 }, { days: 1.5 }, { days: '30' }, { days: 30, mode: 'shred' }, {}]) expect((await put(shop.id, body)).status, JSON.stringify(body)).toBe(400);
    const other = (await db.store.createSite({ name: 'Other', origins: [] })).site;
    expect((await put(other.id, { days: 30 })).status).toBe(404);
    expect((await app.request(`/v1/sites/${other.id}/retention`)).status).toBe(404);
    as = { ...as!, role: 'viewer' };
    expect((await put(shop.id, { days: 30 })).status).toBe(403);
    as = { ...as, role: 'admin' };
  });

  it('the daily job anonymises exactly the responses older than the shop’s 30 days and deletes the blog’s older than 10; then queues tomorrow once', async () => {
    const { retentionHandler, RETENTION_JOB } = await import('../../server/retention/index.ts');
    const shopOld = await post(shop, 31);
    const shopEdge = await post(shop, 29);
    const blogOld = await post(blog, 11, { anonymousId: 'blog-old' });
    const blogNew = await post(blog, 9, { anonymousId: 'blog-new' });
    expect((await put(shop.id, { days: 30, mode: 'anonymise' })).status).toBe(200);
    expect(retentionSchema.parse(await (await put(blog.id, { days: 10, mode: 'delete' })).json())).toEqual({ days: 10, mode: 'delete' });

    const noted = await app.request(`/v1/responses/${shopOld}/follow-up`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'contacted', note: 'Called them at home' }) });
    expect(noted.status).toBe(200);
    const handler = retentionHandler(db.driver, () => db.clock.now);
    const context = { attempt: 1, signal: new AbortController().signal, job: undefined as never };
    await handler(null, context);
    const rows = await select(db.driver, rowOf, 'responses', 'SELECT id, score, comment, user_id, user_email, contact_email, user_traits, anonymous_id FROM responses ORDER BY received_at');
    expect(rows.map((row) => row.id)).toEqual([shopOld, shopEdge, blogNew]);
    expect(rows[0]).toEqual({ id: shopOld, score: 9, comment: null, user_id: null, user_email: null, contact_email: null, user_traits: null, anonymous_id: `anonymised:${shopOld}` });
    expect(rows[1]).toMatchObject({ comment: 'a comment', user_id: 'user-29' });
    // The team's note about them goes; that it was followed up stays.
    expect(await db.driver.all('SELECT kind, note FROM follow_up_notes WHERE response_id = ? ORDER BY position', [shopOld])).toEqual([{ kind: 'status', note: null }]);
    expect(rows[2]).toMatchObject({ comment: 'a comment', user_id: 'user-9' });
    expect(blogOld).not.toBe(blogNew);
    // The score stays in the stats; the anonymised one no longer answers a search.
    const stats = statsSchema.parse(await (await app.request('/v1/stats')).json());
    expect(stats.summary.total).toBe(3);
    const found = responsePageSchema.parse(await (await app.request('/v1/responses?q=comment')).json()).items.map((item) => item.id);
    expect(found.sort()).toEqual([shopEdge, blogNew].sort());

    // A late retry from the person's browser (a higher seq) does not bring back what was removed.
    const retried = makePayload({ id: shopOld, siteKey: shop.publicKey, seq: 5, status: 'complete', comment: 'a comment', user: { id: 'user-31', email: 'p31@example.com' } });
    expect((await db.store.upsertResponse(shop, retried, segmentOf(retried.score))).kind).toBe('stored');

    await handler(null, context); // running again (at-least-once) changes nothing and queues nothing new
    expect(await select(db.driver, rowOf, 'responses', 'SELECT id, score, comment, user_id, user_email, contact_email, user_traits, anonymous_id FROM responses ORDER BY received_at')).toEqual(rows);
    const jobs = await db.driver.all('SELECT idempotency_key, run_at FROM jobs WHERE kind = ?', [RETENTION_JOB]);
    expect(jobs).toEqual([{ idempotency_key: 'retention:2026-06-02', run_at: Date.UTC(2026, 5, 2, 3) }]);

    // Two days on, what aged past each period since goes too (the sweep starts where the last stopped).
    db.clock.now += 2 * DAY;
    await handler(null, context);
    const later = await select(db.driver, rowOf, 'responses', 'SELECT id, score, comment, user_id, user_email, contact_email, user_traits, anonymous_id FROM responses ORDER BY received_at');
    expect(later.map((row) => [row.id, row.anonymous_id === `anonymised:${row.id}`, row.comment])).toEqual([
      [shopOld, true, null],
      [shopEdge, true, null],
    ]);
    // Switched to delete, the next sweep also removes what earlier sweeps had anonymised.
    expect((await put(shop.id, { days: 30, mode: 'delete' })).status).toBe(200);
    await handler(null, context);
    expect(await db.driver.all('SELECT id FROM responses')).toEqual([]);
  });
});
