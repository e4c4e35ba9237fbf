import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  errorBodySchema,
  webhookCreatedSchema,
  webhookDeliveryAnswerSchema,
  webhookDeliveryListSchema,
  webhookListSchema,
  webhookSchema,
  webhookSecretSchema,
  type Role,
} from '../../sdk/index.ts';
import { auditStore, requestAudit } from '../../server/audit/index.ts';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { selectOne } from '../../server/db/rows.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Principal } from '../../server/http/principal.ts';
import { webhookRoutes, webhooksStore } from '../../server/webhooks/index.ts';
import { ENGINES, freshDatabase } from '../helpers/collector.ts';
import { fixedPrincipal, memberPrincipal } from '../helpers/fixed-principal.ts';

const ADMIN_A = memberPrincipal('team-a', 'admin', { id: 'user-ana', name: 'Ana' });
const ADMIN_B = memberPrincipal('team-b', 'admin', { id: 'user-bo', name: 'Bo' });
const HOOK = { url: 'https://hooks.example/onepoint', events: ['response.scored'] };

describe.each(ENGINES)('webhook routes on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let db: Driver;
  let drop: () => Promise<void>;
  let app: Hono<AppEnv>;
  const as: { principal: Principal | undefined } = { principal: ADMIN_A };
  const clock = { now: Date.UTC(2026, 5, 1) };
  beforeAll(async () => {
    const database = await freshDatabase(name);
    drop = database.drop;
    db = await openDatabase(database.url);
    for (const id of ['team-a', 'team-b']) await db.run('INSERT INTO teams (id, name, sla_days, created_at) VALUES (?, ?, 7, ?)', [id, id, clock.now]);
    app = new Hono<AppEnv>();
    const now = () => clock.now;
    webhookRoutes(app, { webhooks: webhooksStore(db, now), authorize: fixedPrincipal(() => as.principal), audit: requestAudit(db, now), allowPrivate: false, now });
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });
  beforeEach(() => {
    as.principal = ADMIN_A;
  });

  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const create = async (body: unknown = HOOK) => {
    const answer = await send('POST', '/v1/webhooks', body);
    expect(answer.status).toBe(201);
    return webhookCreatedSchema.parse(await answer.json());
  };
  const problemOf = async (answer: Response) => errorBodySchema.parse(await answer.json()).error;
  const audited = async (action: string) => (await auditStore(db).listAudit('team-a', { limit: 500 })).items.filter((entry) => entry.action === action);

  it('creating answers the id and the secret once; lists and changes never show it', async () => {
    const created = await create({ ...HOOK, segments: ['promoter'], advocacy: true, format: 'slack' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.id).toBe(created.webhook.id);
    expect(created.webhook).toEqual({
      id: created.id,
      url: HOOK.url,
      format: 'slack',
      events: ['response.scored'],
      segments: ['promoter'],
      advocacy: true,
      createdBy: 'user-ana',
      createdAt: new Date(clock.now).toISOString(),
      disabledAt: null,
      disabledReason: null,
    });
    const listed = await (await send('GET', '/v1/webhooks')).text();
    expect(listed).not.toContain(created.secret);
    expect(listed).not.toMatch(/secret/i);
    expect(webhookListSchema.parse(JSON.parse(listed)).items).toContainEqual(created.webhook);
    const changed = await send('PATCH', `/v1/webhooks/${created.id}`, { events: ['follow_up.changed', 'loop.closed'], segments: null });
    const changedText = await changed.text();
    expect(changed.status).toBe(200);
    expect(changedText).not.toContain(created.secret);
    expect(webhookSchema.parse(JSON.parse(changedText))).toMatchObject({ events: ['follow_up.changed', 'loop.closed'], segments: null, advocacy: true });
    expect((await audited('webhook.created')).map((entry) => entry.target?.id)).toContain(created.id);
    expect(JSON.stringify(await auditStore(db).listAudit('team-a', { limit: 500 }))).not.toContain(created.secret);
  });

  it('rotating answers a new secret, and keeps the old one beside it', async () => {
    const created = await create();
    const answer = await send('POST', `/v1/webhooks/${created.id}/rotate`);
    expect(answer.status).toBe(200);
    const { secret } = webhookSecretSchema.parse(await answer.json());
    expect(secret).not.toBe(created.secret);
    const row = await selectOne(db, z.object({ secret: z.string(), previous_secret: z.nullable(z.string()) }), 'webhooks', 'SELECT secret, previous_secret FROM webhooks WHERE id = ?', [created.id]);
    // The old one signs beside it for a while (the delivery tests verify both), then no more.
    expect(row).toEqual({ secret, previous_secret: created.secret });
    expect((await audited('webhook.secret_rotated')).map((entry) => entry.target?.id)).toContain(created.id);
  });

  it('turning off and on again, deleting: audited, and gone for good', async () => {
    const created = await create();
    clock.now += 1000;
    const off = webhookSchema.parse(await (await send('PATCH', `/v1/webhooks/${created.id}`, { enabled: false })).json());
    expect(off).toMatchObject({ disabledAt: new Date(clock.now).toISOString(), disabledReason: 'turned off by an admin' });
    expect((await send('POST', `/v1/webhooks/${created.id}/test`)).status).toBe(409);
    const on = webhookSchema.parse(await (await send('PATCH', `/v1/webhooks/${created.id}`, { enabled: true })).json());
    expect(on).toMatchObject({ disabledAt: null, disabledReason: null });
    expect((await send('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await send('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await send('GET', `/v1/webhooks/${created.id}/deliveries`)).status).toBe(404);
    expect((await audited('webhook.deleted')).map((entry) => entry.target?.id)).toContain(created.id);
  });

  it('the test event is queued as a delivery of this webhook (202), in its log, with its job', async () => {
    const created = await create();
    const answer = await send('POST', `/v1/webhooks/${created.id}/test`);
    expect(answer.status).toBe(202);
    const { delivery } = webhookDeliveryAnswerSchema.parse(await answer.json());
    expect(delivery).toMatchObject({ webhookId: created.id, type: 'webhook.test', state: 'pending', attempts: 0 });
    const log = webhookDeliveryListSchema.parse(await (await send('GET', `/v1/webhooks/${created.id}/deliveries`)).json()).items;
    expect(log.map((item) => item.id)).toEqual([delivery.id]);
    const jobs = await db.all("SELECT kind, payload FROM jobs WHERE kind = 'webhook.deliver' AND payload LIKE ?", [`%${delivery.id}%`]);
    expect(jobs).toHaveLength(1);
    // Still being tried: a replay now would send it twice at once.
    expect(await problemOf(await send('POST', `/v1/webhooks/${created.id}/deliveries/${delivery.id}/replay`))).toMatchObject({ code: 'delivery_pending' });
    await db.run("UPDATE webhook_deliveries SET state = 'failed' WHERE id = ?", [delivery.id]);
    const replayed = await send('POST', `/v1/webhooks/${created.id}/deliveries/${delivery.id}/replay`);
    expect(replayed.status).toBe(202);
    expect(webhookDeliveryAnswerSchema.parse(await replayed.json()).delivery).toMatchObject({ id: delivery.id, state: 'pending' });
    expect(await db.all("SELECT id FROM jobs WHERE kind = 'webhook.deliver' AND payload LIKE ?", [`%${delivery.id}%`])).toHaveLength(2);
    expect((await send('POST', `/v1/webhooks/${created.id}/deliveries/msg_nope/replay`)).status).toBe(404);
  });

  it.each<[string, unknown, string]>([
    ['no url', { events: ['response.scored'] }, 'url'],
    ['a url that is not one', { ...HOOK, url: 'hooks' }, 'url'],
    ['an ftp url', { ...HOOK, url: 'ftp://hooks.example/' }, 'url'],
    ['a loopback address', { ...HOOK, url: 'http://127.0.0.1:8080/' }, 'url'],
    ['the metadata address', { ...HOOK, url: 'http://169.254.169.254/latest/' }, 'url'],
    ['an IPv4-mapped loopback', { ...HOOK, url: 'http://[::ffff:127.0.0.1]/' }, 'url'],
    ['localhost', { ...HOOK, url: 'http://localhost:3000/' }, 'url'],
    ['no events', { ...HOOK, events: [] }, 'events'],
    ['an unknown event', { ...HOOK, events: ['response.deleted'] }, 'events.0'],
    ['a repeated event', { ...HOOK, events: ['response.scored', 'response.scored'] }, 'events'],
    ['an unknown segment', { ...HOOK, segments: ['fans'] }, 'segments.0'],
    ['empty segments', { ...HOOK, segments: [] }, 'segments'],
    ['advocacy that is not a boolean', { ...HOOK, advocacy: 'yes' }, 'advocacy'],
    ['an unknown format', { ...HOOK, format: 'xml' }, 'format'],
    ['an unknown field', { ...HOOK, secret: 'whsec_mine' }, 'secret'],
  ])('creating with %s is a 400 naming %s', async (_what, body, path) => {
    const answer = await send('POST', '/v1/webhooks', body);
    expect(answer.status).toBe(400);
    const error = await problemOf(answer);
    expect(error.code).toBe('invalid_webhook');
    expect(error.issues?.map((issue) => issue.path)).toContain(path);
  });

  it('a change must change something, and its URL is checked like a new one; bad JSON is a 400, another type a 415', async () => {
    const created = await create();
    expect((await problemOf(await send('PATCH', `/v1/webhooks/${created.id}`, {}))).code).toBe('invalid_webhook');
    expect((await problemOf(await send('PATCH', `/v1/webhooks/${created.id}`, { url: 'http://10.0.0.5/' }))).issues?.map((issue) => issue.path)).toEqual(['url']);
    expect((await problemOf(await send('PATCH', `/v1/webhooks/${created.id}`, { enabled: 'yes' }))).issues?.map((issue) => issue.path)).toEqual(['enabled']);
    expect((await problemOf(await send('POST', '/v1/webhooks', '{"url":'))).code).toBe('invalid_json');
    expect((await app.request('/v1/webhooks', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' })).status).toBe(415);
    expect((await problemOf(await send('GET', `/v1/webhooks/${created.id}/deliveries?limit=0`))).issues?.map((issue) => issue.path)).toEqual(['limit']);
  });

  it('another team’s webhook does not exist for them: every route is a 404', async () => {
    const created = await create();
    as.principal = ADMIN_B;
    expect(webhookListSchema.parse(await (await send('GET', '/v1/webhooks')).json()).items.map((item) => item.id)).not.toContain(created.id);
    const routes: [string, string, unknown?][] = [
      ['PATCH', `/v1/webhooks/${created.id}`, { enabled: false }],
      ['DELETE', `/v1/webhooks/${created.id}`],
      ['POST', `/v1/webhooks/${created.id}/rotate`],
      ['GET', `/v1/webhooks/${created.id}/deliveries`],
      ['POST', `/v1/webhooks/${created.id}/deliveries/msg_x/replay`],
      ['POST', `/v1/webhooks/${created.id}/test`],
    ];
    for (const [method, path, body] of routes) expect([method, path, (await send(method, path, body)).status]).toEqual([method, path, 404]);
    as.principal = ADMIN_A;
    expect(webhookSchema.parse(await (await send('PATCH', `/v1/webhooks/${created.id}`, { format: 'json' })).json()).disabledAt).toBeNull();
  });

  it.each<Role>(['member', 'viewer'])('a %s gets 403 on every route, and nobody signed in 401', async (role) => {
    const created = await create();
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/webhooks'],
      ['POST', '/v1/webhooks', HOOK],
      ['PATCH', `/v1/webhooks/${created.id}`, { enabled: false }],
      ['DELETE', `/v1/webhooks/${created.id}`],
      ['POST', `/v1/webhooks/${created.id}/rotate`],
      ['GET', `/v1/webhooks/${created.id}/deliveries`],
      ['POST', `/v1/webhooks/${created.id}/deliveries/msg_x/replay`],
      ['POST', `/v1/webhooks/${created.id}/test`],
    ];
    as.principal = memberPrincipal('team-a', role);
    for (const [method, path, body] of routes) expect([method, path, (await send(method, path, body)).status]).toEqual([method, path, 403]);
    as.principal = undefined;
    for (const [method, path, body] of routes) expect([method, path, (await send(method, path, body)).status]).toEqual([method, path, 401]);
  });
});
