import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { changePublishedSchema, changeSchema, eligibilityAnswerSchema, errorBodySchema, responseDetailSchema, segmentOf, type ResponsePayload } from '../../sdk/index.ts';
import { createApp } from '../../server/app.ts';
import type { ChangeMail, LoopClosedEvent } from '../../server/changes/index.ts';
import { int, select } from '../../server/db/rows.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Principal } from '../../server/http/principal.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { fixedPrincipal } from '../helpers/fixed-principal.ts';
import { makePayload } from '../helpers/payload.ts';

const ORIGIN = 'https://shop.example';
const countRow = z.object({ n: int });

describe.each(ENGINES)('closing the loop on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let db: EngineStore;
  let app: Hono<AppEnv>;
  let shop: Site;
  let elsewhere: Site;
  let as: Principal | undefined;
  const mails: ChangeMail[] = [];
  const events: LoopClosedEvent[] = [];
  const failing = { mail: false };
  const ids = { ana: '', anaAgain: '', bo: '', cy: '', dee: '', other: '' };
  const sam = (role: Principal['role'] = 'member'): Principal => ({
    teamId: shop.teamId,
    role,
    siteIds: [shop.id],
    actor: { type: 'member', id: 'user-sam', name: 'Sam Lee' },
    userId: 'user-sam',
    via: 'session',
  });
  const lee = (): Principal => ({ teamId: elsewhere.teamId, role: 'admin', siteIds: [elsewhere.id], actor: { type: 'member', id: 'user-lee', name: 'Lee Moss' }, userId: 'user-lee', via: 'session' });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const problemOf = async (answer: Response) => errorBodySchema.parse(await answer.json()).error;
  const count = async (sql: string, params: string[] = []) => (await select(db.driver, countRow, 'count', sql, params))[0]?.n;
  const eligibility = async (userId: string) => {
    const answer = await app.request(`/v1/eligibility?siteKey=${shop.publicKey}&userId=${userId}`, { headers: { origin: ORIGIN } });
    expect(answer.status).toBe(200);
    return eligibilityAnswerSchema.parse(await answer.json());
  };
  const create = async (body: unknown) => {
    const answer = await send('POST', '/v1/changes', body);
    expect(answer.status, JSON.stringify(await answer.clone().json())).toBe(201);
    return changeSchema.parse(await answer.json());
  };

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
    // Ana is identified (twice), Bo gave a contact email with consent, Cy one without, Dee is anonymous.
    ids.ana = await post(shop, { score: 2, comment: 'Exports are so slow', user: { id: 'user-ana', email: 'ana@example.com' } });
    ids.anaAgain = await post(shop, { score: 3, user: { id: 'user-ana', email: 'ana@example.com' } });
    ids.bo = await post(shop, { score: 4, anonymousId: 'visitor-bo', contactConsent: true, contactEmail: 'bo@example.com' });
    ids.cy = await post(shop, { score: 5, anonymousId: 'visitor-cy', contactEmail: 'cy@example.com' });
    ids.dee = await post(shop, { score: 6, anonymousId: 'visitor-dee' });
    ids.other = await post(elsewhere, { score: 1, user: { id: 'user-ana', email: 'ana@example.com' } });
    app = createApp({
      store: db.store,
      logger: pino({ level: 'silent' }),
      now: () => db.clock.now,
      authorize: fixedPrincipal(() => as),
      loopEffects: {
        queueMail: async (tx, mail) => {
          if (failing.mail) throw new Error('the outbox is full');
          // Through the transaction it is handed: a row that commits with the publishing.
          await tx.run('SELECT 1');
          mails.push(mail);
        },
        fanOut: async (_tx, event) => void events.push(event),
      },
    });
  });
  afterAll(() => db.dispose());

  it('records a change linked to the team’s responses; another team’s response is a 400 naming it, and nothing is kept', async () => {
    as = sam();
    const refused = await send('POST', '/v1/changes', { title: 'Faster exports', body: 'They are 3× faster now.', responseIds: [ids.ana, ids.other] });
    expect(refused.status).toBe(400);
    const error = await problemOf(refused);
    expect(error.code).toBe('unknown_responses');
    expect(error.issues).toEqual([{ path: 'responseIds.1', message: `no response ${ids.other} on this team’s sites` }]);
    expect(await count('SELECT COUNT(*) AS n FROM changes')).toBe(0);

    const change = await create({ title: 'Faster exports', body: 'They are 3× faster now.', responseIds: [ids.ana] });
    expect(change).toMatchObject({ title: 'Faster exports', createdBy: 'Sam Lee', publishedAt: null, responseIds: [ids.ana] });
    const linked = await send('POST', `/v1/changes/${change.id}/responses`, { responseIds: [ids.anaAgain, ids.bo, ids.cy, ids.dee, ids.ana] });
    expect(linked.status).toBe(200);
    expect(changeSchema.parse(await linked.json()).responseIds.sort()).toEqual([ids.ana, ids.anaAgain, ids.bo, ids.cy, ids.dee].sort());
    expect((await send('GET', `/v1/changes/${change.id}`)).status).toBe(200);
    expect((await (await send('GET', '/v1/changes')).json()).items).toHaveLength(1);
  });

  it('bad bodies are 400s naming the field; a viewer may read but not write; another team’s change is a 404', async () => {
    as = sam();
    for (const [body, path] of [
      [{ body: 'x', responseIds: [] }, 'title'],
      [{ title: '', body: 'x' }, 'title'],
      [{ title: 'x', body: 'x', responseIds: 'all' }, 'responseIds'],
      [{ title: 'x', body: 'x', extra: 1 }, 'extra'],
    ] as const) {
      const answer = await send('POST', '/v1/changes', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(answer)).issues?.map((issue) => issue.path), JSON.stringify(body)).toContain(path);
    }
    expect((await send('POST', '/v1/changes', 'not json', { 'content-type': 'application/json' })).status).toBe(400);
    const [change] = (await (await send('GET', '/v1/changes')).json()).items;
    as = sam('viewer');
    expect((await send('GET', '/v1/changes')).status).toBe(200);
    expect((await send('POST', '/v1/changes', { title: 'x', body: 'y' })).status).toBe(403);
    expect((await send('POST', `/v1/changes/${change.id}/publish`)).status).toBe(403);
    expect((await send('POST', `/v1/changes/${change.id}/responses`, { responseIds: [ids.ana] })).status).toBe(403);
    as = lee();
    expect((await send('GET', `/v1/changes/${change.id}`)).status).toBe(404);
    expect((await send('POST', `/v1/changes/${change.id}/publish`)).status).toBe(404);
    expect((await send('POST', `/v1/changes/${change.id}/responses`, { responseIds: [ids.other] })).status).toBe(404);
    expect((await (await send('GET', '/v1/changes')).json()).items).toEqual([]);
  });

  it('a publishing that fails midway leaves nothing: not published, follow-ups open, no notices', async () => {
    as = sam();
    const [change] = (await (await send('GET', '/v1/changes')).json()).items;
    failing.mail = true;
    const answer = await send('POST', `/v1/changes/${change.id}/publish`);
    failing.mail = false;
    expect(answer.status).toBe(500);
    expect(changeSchema.parse(await (await send('GET', `/v1/changes/${change.id}`)).json()).publishedAt).toBeNull();
    expect(await count("SELECT COUNT(*) AS n FROM responses WHERE follow_up_status = 'resolved'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM follow_up_notes WHERE kind = 'change'")).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM notices')).toBe(0);
    expect(events).toEqual([]);
  });

  it('publishing emails the contactable once each, resolves every follow-up with a change entry, emits loop.closed and queues notices; again, nothing', async () => {
    as = sam();
    const [change] = (await (await send('GET', '/v1/changes')).json()).items;
    db.clock.now += 3_600_000;
    const answer = await send('POST', `/v1/changes/${change.id}/publish`);
    expect(answer.status).toBe(200);
    const published = changePublishedSchema.parse(await answer.json());
    expect(published).toMatchObject({ published: true, emailed: 2, resolved: 5, notices: 1 });
    expect(published.change.publishedAt).toBe(new Date(db.clock.now).toISOString());
    // Ana (identified, two responses) once, Bo (consented); never Cy (no consent) or Dee.
    expect(mails.map((mail) => [mail.to, mail.responseIds.length]).sort()).toEqual([['ana@example.com', 2], ['bo@example.com', 1]]);
    const ana = mails.find((mail) => mail.to === 'ana@example.com');
    expect(ana?.text).toContain('You told us: “Exports are so slow”');
    expect(ana?.text).toContain('Here is what we changed: Faster exports');
    expect(ana).toMatchObject({ kind: 'change.published', teamId: shop.teamId, siteId: shop.id, changeId: change.id, subject: 'Faster exports' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'loop.closed', teamId: shop.teamId, siteIds: [shop.id], data: { changeId: change.id, title: 'Faster exports' } });
    expect(events[0]?.data.responseIds.sort()).toEqual([ids.ana, ids.anaAgain, ids.bo, ids.cy, ids.dee].sort());

    const detail = responseDetailSchema.parse(await (await send('GET', `/v1/responses/${ids.bo}`)).json());
    expect(detail.response.followUpStatus).toBe('resolved');
    expect(detail.timeline.slice(-2)).toEqual([
      { kind: 'status', at: published.change.publishedAt, author: 'Sam Lee', from: 'new', to: 'resolved' },
      { kind: 'change', at: published.change.publishedAt, author: 'Sam Lee', changeId: change.id, title: 'Faster exports' },
    ]);
    const notices = (await eligibility('user-ana')).notices;
    expect(notices).toEqual([{ id: expect.any(String), title: 'Faster exports', body: 'They are 3× faster now.' }]);

    const rows = await count('SELECT COUNT(*) AS n FROM follow_up_notes');
    const again = changePublishedSchema.parse(await (await send('POST', `/v1/changes/${change.id}/publish`)).json());
    expect(again).toMatchObject({ published: false, emailed: 0, resolved: 0, notices: 0 });
    expect(again.change.publishedAt).toBe(published.change.publishedAt);
    expect(mails).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(await count('SELECT COUNT(*) AS n FROM follow_up_notes')).toBe(rows);
    expect(await count('SELECT COUNT(*) AS n FROM notices')).toBe(1);
    // Linked after publishing, nobody would hear of it.
    const late = await send('POST', `/v1/changes/${change.id}/responses`, { responseIds: [ids.dee] });
    expect(late.status).toBe(409);
  });

  it('two publishings at once: one closes the loop, the other finds it done', async () => {
    as = sam();
    const change = await create({ title: 'Dark mode', body: 'It is here.', responseIds: [ids.dee, ids.bo] });
    const before = { mails: mails.length, events: events.length };
    const answers = await Promise.all([send('POST', `/v1/changes/${change.id}/publish`), send('POST', `/v1/changes/${change.id}/publish`)]);
    const results = await Promise.all(answers.map(async (answer) => changePublishedSchema.parse(await answer.json())));
    expect(results.map((result) => result.published).sort()).toEqual([false, true]);
    expect(mails.length - before.mails).toBe(1);
    expect(events.length - before.events).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM follow_up_notes WHERE kind = 'change' AND to_value = ?", [change.id])).toBe(2);
    expect(await count('SELECT COUNT(*) AS n FROM notices WHERE change_id = ?', [change.id])).toBe(0); // neither is identified
  });

  it('a notice is in the eligibility answer until it is seen; seen is the user’s own, on an allowed origin', async () => {
    const [notice] = (await eligibility('user-ana')).notices ?? [];
    expect(notice).toBeDefined();
    expect((await eligibility('user-bo')).notices).toBeUndefined();
    const seen = (userId: string, origin = ORIGIN, id = notice!.id) =>
      app.request(`/v1/notices/${id}/seen`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: JSON.stringify({ siteKey: shop.publicKey, userId }) });
    expect((await seen('user-bo')).status).toBe(404);
    expect((await seen('user-ana', 'https://evil.example')).status).toBe(403);
    expect((await app.request(`/v1/notices/${notice!.id}/seen`, { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ siteKey: shop.publicKey }) })).status).toBe(400);
    expect((await seen('user-ana')).status).toBe(204);
    expect((await eligibility('user-ana')).notices).toBeUndefined();
    expect((await seen('user-ana')).status).toBe(204); // a second report (another tab) is harmless
  });
});
