import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient, type AdminClient } from '../../sdk/index.ts';
import { ENGINES, ORIGIN, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

describe.each(ENGINES)('POST /v1/impressions and the response rate on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: AdminClient;
  const impression = (body: unknown, origin: string | null = ORIGIN) =>
    fetch(`${collector.url}/v1/impressions`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    });

  beforeAll(async () => {
    collector = await startTestCollector(name);
    admin = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
  });
  afterAll(() => collector.dispose());

  it('204 for a count of displays, which the stats add up as the response rate’s denominator', async () => {
    const siteKey = collector.site.publicKey;
    const first = await impression({ siteKey, surveyId: 'nps', count: 3 });
    expect(first.status).toBe(204);
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await impression({ siteKey, surveyId: 'nps', count: 1, unknownField: true })).status).toBe(204); // tolerant reader
    expect((await impression({ siteKey, surveyId: 'checkout', count: 4 })).status).toBe(204);
    expect((await collector.post(makePayload({ siteKey, score: 9 }))).status).toBe(200);
    const stats = await admin.stats();
    expect([stats.summary.total, stats.shown, stats.responseRate]).toEqual([1, 8, 1 / 8]);
    expect((await admin.stats({ surveyId: 'checkout' })).shown).toBe(4);
    expect((await admin.stats({ trait: { key: 'plan', value: 'pro' } })).shown).toBeNull();
  });

  it('400 naming each bad field; a body that is no JSON is a 400 too', async () => {
    const siteKey = collector.site.publicKey;
    for (const [body, path] of [
      [{ siteKey, surveyId: 'nps', count: 0 }, 'count'],
      [{ siteKey, surveyId: 'nps', count: 1001 }, 'count'],
      [{ siteKey, surveyId: 'nps', count: 1.5 }, 'count'],
      [{ siteKey, surveyId: 'nps', count: '3' }, 'count'],
      [{ siteKey, surveyId: 'nps' }, 'count'],
      [{ siteKey, surveyId: 'NPS!', count: 1 }, 'surveyId'],
      [{ surveyId: 'nps', count: 1 }, 'siteKey'],
    ] as const) {
      const response = await impression(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = await response.json();
      expect(answer.error.code).toBe('invalid_impression');
      expect(answer.error.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
    }
    const notJson = await impression('{"count":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');
  });

  it('401 for an unknown site key, 403 from an origin the site does not allow; neither counts', async () => {
    const before = (await admin.stats()).shown;
    expect((await impression({ siteKey: 'pk_nobody1234', surveyId: 'nps', count: 5 })).status).toBe(401);
    const elsewhere = await impression({ siteKey: collector.site.publicKey, surveyId: 'nps', count: 5 }, 'https://evil.example');
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).error.code).toBe('origin_not_allowed');
    expect((await admin.stats()).shown).toBe(before);
  });

  it('the stats take surveyId= and one trait.KEY=; a bad one is a 400 naming it', async () => {
    const get = (query: string) => collector.admin(`/v1/stats?${query}`);
    expect((await get('surveyId=nps&trait.plan=pro')).status).toBe(200);
    for (const [query, path] of [
      ['surveyId=Not%20one', 'surveyId'],
      ['trait.plan=pro&trait.seats=3', 'trait.seats'],
      ['trait=pro', 'trait'],
      ['survey=nps', 'survey'],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }
  });
});
