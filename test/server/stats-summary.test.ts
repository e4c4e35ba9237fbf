import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, npsFromCounts, segmentOf, statsSchema, statsSummarySchema, type ResponsePayload } from '../../sdk/index.ts';
import { createApp } from '../../server/app.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { fixedPrincipal, memberPrincipal } from '../helpers/fixed-principal.ts';
import { makePayload } from '../helpers/payload.ts';

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 0, 5, 10);

// Shop: 10, 9, 8 on D0; 0 (test) and 3 on D0 + 3 days; 6 on survey "onboarding" by a pro user.
// Blog, the same team's: 10. Elsewhere, another team's: 0, 0.
describe.each(ENGINES)('GET /v1/stats/summary on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let app: Hono<AppEnv>;
  let blog: Site;

  const post = async (site: Site, at: number, parts: Partial<ResponsePayload>) => {
    const payload = makePayload({ siteKey: site.publicKey, ...parts });
    db.clock.now = at;
    expect((await db.store.upsertResponse(site, payload, segmentOf(payload.score))).kind).toBe('stored');
  };
  const get = async (query = '') => {
    const answer = await app.request(`/v1/stats/summary${query}`);
    expect(answer.status, query).toBe(200);
    return statsSummarySchema.parse(await answer.json());
  };

  beforeAll(async () => {
    db = await openEngineStore(name);
    blog = (await db.store.createSite({ name: 'Blog', origins: [], teamId: db.site.teamId })).site;
    const elsewhere = (await db.store.createSite({ name: 'Elsewhere', origins: [] })).site;
    for (const score of [10, 9, 8]) await post(db.site, D0, { score });
    await post(db.site, D0 + 3 * DAY, { score: 0, context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-01-08T10:00:00.000Z', test: true } });
    await post(db.site, D0 + 3 * DAY, { score: 3 });
    await post(db.site, D0 + 3 * DAY, { score: 6, surveyId: 'onboarding', user: { id: 'u-pro', traits: { plan: 'pro' } } });
    await post(blog, D0, { score: 10 });
    for (let n = 0; n < 2; n++) await post(elsewhere, D0, { score: 0 });
    const principal = memberPrincipal(db.site.teamId, 'viewer', undefined, [db.site.id, blog.id]);
    app = createApp({ store: db.store, logger: pino({ level: 'silent' }), now: () => db.clock.now, authorize: fixedPrincipal(() => principal) });
  });
  afterAll(() => db.dispose());

  it('the NPS and 0–10 distribution of the team’s sites, without test answers or another team’s', async () => {
    const all = await get();
    expect(all.summary).toEqual(npsFromCounts({ promoters: 3, passives: 1, detractors: 2 }));
    expect(all.distribution).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2]);
    expect((await get('?includeTest=true')).distribution).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2]);
  });

  it('equals the whole stats’ summary and distribution for the same filters', async () => {
    for (const query of ['', '?includeTest=true', `?site=${blog.id}`, '?surveyId=onboarding', '?trait.plan=pro', `?from=${new Date(D0 + DAY).toISOString()}`, `?to=${new Date(D0 + DAY).toISOString()}`]) {
      const whole = statsSchema.parse(await (await app.request(`/v1/stats${query}`)).json());
      expect(await get(query), query).toEqual({ summary: whole.summary, distribution: whole.distribution });
    }
  });

  it('narrows by site, survey, trait and whole days', async () => {
    expect((await get(`?site=${blog.id}`)).summary.total).toBe(1);
    expect((await get('?surveyId=onboarding')).distribution).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect((await get('?trait.plan=pro')).summary.detractors).toBe(1);
    // From D0 + 1 day: the three days later alone; up to D0 + 1 day (exclusive, rounded up to the end of D0 + 1): D0's.
    expect((await get(`?from=${new Date(D0 + DAY).toISOString()}`)).summary.total).toBe(2);
    expect((await get(`?to=${new Date(D0 + DAY).toISOString()}`)).summary.total).toBe(4);
  });

  it('a bad filter, the trend’s interval or another team’s site is a 400 naming it', async () => {
    for (const [query, path] of [
      ['?interval=week', 'interval'],
      ['?from=yesterday', 'from'],
      ['?site=site-of-nobody', 'site'],
      ['?trait.a=1&trait.b=2', 'trait.b'],
    ] as const) {
      const answer = await app.request(`/v1/stats/summary${query}`);
      expect(answer.status, query).toBe(400);
      const body = errorBodySchema.parse(await answer.json());
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.issues?.map((issue) => String(issue.path))).toContain(path);
    }
  });
});
