import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { errorBodySchema, jobListSchema, responseDetailSchema, responsePageSchema, segmentOf, statsSchema, type ResponsePayload } from '../../sdk/index.ts';
import { createApp } from '../../server/app.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Principal } from '../../server/http/principal.ts';
import { jobsAdmin } from '../../server/jobs/index.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { fixedPrincipal } from '../helpers/fixed-principal.ts';
import { makePayload } from '../helpers/payload.ts';
import { addMember } from '../helpers/team-rows.ts';

const DAY = 86_400_000;
const eventPayload = z.object({ responseId: z.string() });

// One team reads two sites (Shop, Blog) together; a third site (Elsewhere) is another team's.
describe.each(ENGINES)('admin routes for a team principal on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let app: Hono<AppEnv>;
  let shop: Site;
  let blog: Site;
  let elsewhere: Site;
  let as: Principal | undefined;
  const ids = { shop: [] as string[], blog: [] as string[], elsewhere: [] as string[] };
  const sam = (role: Principal['role'] = 'member'): Principal => ({
    teamId: shop.teamId,
    role,
    siteIds: [shop.id, blog.id],
    actor: { type: 'member', id: 'user-sam', name: 'Sam Lee' },
    userId: 'user-sam',
    via: 'session',
  });
  const token = (): Principal => ({ ...sam('viewer'), actor: { type: 'token', id: 'tok-1', name: 'CRM sync' }, userId: null, via: 'token' });

  const request = (path: string, init: RequestInit = {}) => app.request(path, init);
  const json = async (path: string) => {
    const response = await request(path);
    expect(response.status, path).toBe(200);
    return response.json() as Promise<unknown>;
  };
  const listed = async (query = '') => responsePageSchema.parse(await json(`/v1/responses${query}`)).items.map((item) => item.id).sort();
  const patch = (id: string, body: unknown) => request(`/v1/responses/${id}/follow-up`, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const issues = async (response: Response) => errorBodySchema.parse(await response.json()).error.issues?.map((issue) => issue.path);

  async function post(site: Site, overrides: Partial<ResponsePayload>): Promise<string> {
    const payload = makePayload({ siteKey: site.publicKey, status: 'complete', ...overrides });
    db.clock.now += 60_000;
    const stored = await db.store.upsertResponse(site, payload, segmentOf(payload.score));
    expect(stored.kind).toBe('stored');
    return payload.id;
  }

  beforeAll(async () => {
    db = await openEngineStore(name);
    shop = db.site;
    blog = (await db.store.createSite({ name: 'Blog', origins: ['https://blog.example'], teamId: shop.teamId })).site;
    elsewhere = (await db.store.createSite({ name: 'Elsewhere', origins: ['https://elsewhere.example'] })).site;
    await addMember(db.driver, { teamId: shop.teamId, userId: 'user-sam', name: 'Sam Lee', role: 'member' });
    await addMember(db.driver, { teamId: shop.teamId, userId: 'user-kim', name: 'Kim Park', role: 'viewer' });
    await addMember(db.driver, { teamId: elsewhere.teamId, userId: 'user-lee', name: 'Lee Moss', role: 'admin' });
    for (const score of [1, 9, 10]) ids.shop.push(await post(shop, { score, ...(score === 1 ? { comment: 'Refund took weeks' } : {}) }));
    for (const score of [3, 7]) ids.blog.push(await post(blog, { score, ...(score === 3 ? { comment: 'No refund yet' } : {}) }));
    for (const score of [0, 0, 0, 10]) ids.elsewhere.push(await post(elsewhere, { score, comment: 'refund refund' }));
    app = createApp({ store: db.store, logger: pino({ level: 'silent' }), now: () => db.clock.now, authorize: fixedPrincipal(() => as), jobs: jobsAdmin(db.driver, () => db.clock.now) });
  });
  afterAll(() => db.dispose());

  it('a site made for a team is that team’s; one made without a team gets a team of its own, named after it', async () => {
    expect(blog.teamId).toBe(shop.teamId);
    expect(elsewhere.teamId).not.toBe(shop.teamId);
    const [team] = await db.driver.all('SELECT name, sla_days FROM teams WHERE id = ?', [elsewhere.teamId]);
    expect(team).toEqual({ name: 'Elsewhere', sla_days: 7 });
    expect((await db.store.siteByPublicKey(blog.publicKey))?.teamId).toBe(shop.teamId);
    await expect(db.store.createSite({ name: 'Orphan', origins: [], teamId: 'team-nobody' })).rejects.toMatchObject({ name: 'UnknownTeamError', teamId: 'team-nobody' });
    expect((await db.store.listSites()).map((site) => site.name)).not.toContain('Orphan');
  });

  it('lists, counts and exports the team’s two sites together, never the other team’s', async () => {
    as = sam('viewer');
    expect(await listed()).toEqual([...ids.shop, ...ids.blog].sort());
    const stats = statsSchema.parse(await json('/v1/stats'));
    expect(stats.summary.total).toBe(5);
    expect(stats.distribution).toEqual([0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
    const csv = await request('/v1/responses.csv');
    const rows: { id: string }[] = parse(await csv.text(), { columns: true, bom: true });
    expect(rows.map((row) => row.id).sort()).toEqual([...ids.shop, ...ids.blog].sort());
    // A search runs its windows over both sites, and finds the other team's matches nowhere.
    expect(await listed('?q=refund')).toEqual([ids.shop[0], ids.blog[0]].sort());
    expect(await listed(`?q=refund&site=${blog.id}`)).toEqual([ids.blog[0]]);
    expect(await listed('?q=zzz')).toEqual([]);
  });

  it('site= narrows to one of the team’s sites; another team’s site (or none) is a 400 naming site', async () => {
    as = sam('viewer');
    expect(await listed(`?site=${blog.id}`)).toEqual([...ids.blog].sort());
    expect(statsSchema.parse(await json(`/v1/stats?site=${blog.id}`)).summary.total).toBe(2);
    for (const path of [`/v1/responses?site=${elsewhere.id}`, `/v1/stats?site=${elsewhere.id}`, '/v1/responses.csv?site=nope']) {
      const response = await request(path);
      expect(response.status, path).toBe(400);
      expect(await issues(response), path).toEqual(['site']);
    }
  });

  it('another team’s response is a 404 to get and to change, and stays unchanged', async () => {
    as = sam();
    const theirs = ids.elsewhere[0] ?? '';
    expect((await request(`/v1/responses/${theirs}`)).status).toBe(404);
    expect((await patch(theirs, { status: 'resolved' })).status).toBe(404);
    expect((await db.store.getResponse([elsewhere.id], theirs))?.response.followUpStatus).toBe('new');
    const ours = responseDetailSchema.parse(await json(`/v1/responses/${ids.blog[0]}`));
    expect(ours.response.id).toBe(ids.blog[0]);
  });

  it('roles: a viewer reads but cannot change a follow-up or see jobs (403); a member can', async () => {
    as = sam('viewer');
    expect((await patch(ids.shop[0] ?? '', { status: 'contacted' })).status).toBe(403);
    expect((await request('/v1/jobs')).status).toBe(403);
    as = undefined;
    expect((await request('/v1/responses')).status).toBe(401);
    as = sam();
    const jobs = jobListSchema.parse(await json('/v1/jobs?limit=500'));
    // response.scored and response.completed of each of the team's five responses, none of the other team's.
    expect(jobs.items).toHaveLength(10);
    expect(new Set(jobs.items.map((job) => eventPayload.parse(job.payload).responseId))).toEqual(new Set([...ids.shop, ...ids.blog]));
    // Newest first across both sites, and a limit takes the newest of them all.
    const newest = [...jobs.items].sort((x, y) => (y.createdAt ?? '').localeCompare(x.createdAt ?? '') || y.id.localeCompare(x.id));
    expect(jobs.items.map((job) => job.createdAt)).toEqual(newest.map((job) => job.createdAt));
    const three = jobListSchema.parse(await json('/v1/jobs?limit=3'));
    expect(three.items.map((job) => job.id)).toEqual(jobs.items.slice(0, 3).map((job) => job.id));
    expect(new Set(three.items.map((job) => eventPayload.parse(job.payload).responseId))).toEqual(new Set([ids.blog[1], ids.blog[0]]));
    const [theirJob] = await db.driver.all('SELECT id FROM jobs WHERE site_id = ?', [elsewhere.id]);
    expect((await request(`/v1/jobs/${String(theirJob?.id)}/retry`, { method: 'POST' })).status).toBe(404);
  });

  it('ownerId: a member of the team owns it by id and shows by name; the change is recorded under its author', async () => {
    as = sam();
    const id = ids.shop[0] ?? '';
    const response = await patch(id, { ownerId: 'user-kim', note: 'Kim knows this customer' });
    expect(response.status).toBe(200);
    const detail = responseDetailSchema.parse(await response.json());
    expect(detail.response).toMatchObject({ followUpOwner: 'Kim Park', followUpOwnerId: 'user-kim' });
    expect(detail.timeline.slice(1).map(({ at: _at, ...entry }) => entry)).toEqual([
      { kind: 'owner', author: 'Sam Lee', from: null, to: 'Kim Park' },
      { kind: 'note', author: 'Sam Lee', note: 'Kim knows this customer' },
    ]);
    const notes = await db.driver.all('SELECT kind, author, author_type, author_id FROM follow_up_notes WHERE response_id = ? ORDER BY position', [id]);
    expect(notes).toEqual([
      { kind: 'owner', author: 'Sam Lee', author_type: 'member', author_id: 'user-sam' },
      { kind: 'note', author: 'Sam Lee', author_type: 'member', author_id: 'user-sam' },
    ]);
    // The list shows the same owner, with no join.
    const page = responsePageSchema.parse(await json(`/v1/responses?site=${shop.id}`));
    expect(page.items.find((item) => item.id === id)).toMatchObject({ followUpOwner: 'Kim Park', followUpOwnerId: 'user-kim' });
    // Unassigning by id clears both.
    const cleared = responseDetailSchema.parse(await (await patch(id, { ownerId: null })).json());
    expect(cleared.response).toMatchObject({ followUpOwner: null, followUpOwnerId: null });
    expect(cleared.timeline.at(-1)).toMatchObject({ kind: 'owner', from: 'Kim Park', to: null, author: 'Sam Lee' });
  });

  it('ownerId: someone who is not a member of this team (another team’s, or nobody) is a 400 naming ownerId; nothing changes', async () => {
    as = sam();
    const id = ids.shop[1] ?? '';
    for (const body of [{ ownerId: 'user-lee' }, { ownerId: 'user-nobody', status: 'contacted' }]) {
      const response = await patch(id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await issues(response)).toEqual(['ownerId']);
    }
    expect((await patch(id, { ownerId: 'user-kim', owner: 'kim' })).status).toBe(400);
    const detail = responseDetailSchema.parse(await json(`/v1/responses/${id}`));
    expect(detail.response).toMatchObject({ followUpStatus: 'new', followUpOwner: null, followUpOwnerId: null });
    expect(detail.timeline).toHaveLength(1);
  });

  it('a token’s changes are the token’s: author its name, type and id', async () => {
    as = { ...token(), role: 'member' };
    const id = ids.blog[1] ?? '';
    const detail = responseDetailSchema.parse(await (await patch(id, { status: 'contacted' })).json());
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'status', author: 'CRM sync' });
    expect(await db.driver.all('SELECT author_type, author_id FROM follow_up_notes WHERE response_id = ?', [id])).toEqual([{ author_type: 'token', author_id: 'tok-1' }]);
  });

  it('owner=: me, a member id, none, and a v1 label; owner=me for a token is a 400', async () => {
    as = sam();
    const [mine, kims, labelled] = ids.shop;
    expect((await patch(mine ?? '', { ownerId: 'user-sam' })).status).toBe(200);
    expect((await patch(kims ?? '', { ownerId: 'user-kim' })).status).toBe(200);
    expect((await patch(labelled ?? '', { owner: 'Support desk' })).status).toBe(200);
    expect(await listed('?owner=me')).toEqual([mine]);
    expect(await listed('?owner=user-kim')).toEqual([kims]);
    expect(await listed('?owner=Support%20desk')).toEqual([labelled]);
    // A member's name matches as a label does (the name is what v1 clients know).
    expect(await listed('?owner=Kim%20Park')).toEqual([kims]);
    expect(await listed('?owner=none')).toEqual([...ids.blog].sort());
    // Another team's member id is only text here: no label is that, so nothing.
    expect(await listed('?owner=user-lee')).toEqual([]);
    as = token();
    const response = await request('/v1/responses?owner=me');
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.message).toBe('owner=me needs a signed-in member');
    expect(body.error.issues?.map((issue) => issue.path)).toEqual(['owner']);
    expect((await request('/v1/responses.csv?owner=me')).status).toBe(400);
    expect(await listed('?owner=user-sam')).toEqual([mine]);
  });

  it('a new response is due its team’s SLA after it arrives, read from the teams table', async () => {
    await db.driver.run('UPDATE teams SET sla_days = 3 WHERE id = ?', [shop.teamId]);
    const blogNow = await db.store.siteByPublicKey(blog.publicKey);
    const elsewhereNow = await db.store.siteByPublicKey(elsewhere.publicKey);
    expect(blogNow?.slaDays).toBe(3);
    expect(elsewhereNow?.slaDays).toBe(7);
    if (!blogNow || !elsewhereNow) throw new Error('sites vanished');
    const fast = await post(blogNow, { score: 2 });
    const received = db.clock.now;
    const slow = await post(elsewhereNow, { score: 2 });
    expect((await db.store.getResponse([blog.id], fast))?.response.dueAt).toBe(new Date(received + 3 * DAY).toISOString());
    expect((await db.store.getResponse([elsewhere.id], slow))?.response.dueAt).toBe(new Date(db.clock.now + 7 * DAY).toISOString());
  });
});
