import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePayload } from '../helpers/payload.ts';
import { ENGINES, ORIGIN, startTestCollector, type TestCollector } from '../helpers/collector.ts';

// SPEC §6, tolerant reader: a widget from a newer release, posting fields this collector does not
// know, must not lose its answers (a 400 is final), while the fields it does know stay strict.
describe.each(ENGINES)('tolerant reader on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(name);
  });
  afterAll(() => collector.dispose());

  const stored = async (id: string) => {
    const body = (await (await collector.admin('/v1/responses?includeTest=true&limit=500')).json()) as { items: { id: string; score: number; comment: string | null; url: string; user: { id: string; email: string | null } | null }[] };
    return body.items.find((item) => item.id === id);
  };

  it('stores a response carrying unknown top-level and nested fields, ignoring them', async () => {
    const payload = makePayload({ siteKey: collector.site.publicKey, score: 3, comment: 'from the future', user: { id: 'u-new', email: 'ada@example.com' } });
    const newer = {
      ...payload,
      sentiment: { label: 'negative', confidence: 0.9 },
      user: { ...payload.user, locale: 'fr', plan: 'pro' },
      context: { ...payload.context, viewport: { width: 390, height: 844 }, referrer: 'https://search.example/' },
    };
    const response = await collector.post(newer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: payload.id, seq: 1, segment: 'detractor' });
    const record = await stored(payload.id);
    expect(record).toMatchObject({ score: 3, comment: 'from the future', url: payload.context.url, user: { id: 'u-new', email: 'ada@example.com' } });
    expect(JSON.stringify(record)).not.toContain('viewport');
  });

  it.each([
    ['top level', { score: 12 }, 'score'],
    ['in user', { user: { id: 'u-1', email: 'not an email', plan: 'pro' } }, 'user.email'],
    ['in context', { context: { url: 'https://shop.example/', locale: 'en', createdAt: 'yesterday', viewport: 1 } }, 'context.createdAt'],
  ])('still answers 400 for a bad known field %s next to unknown ones, naming only the known field', async (_where, change, path) => {
    const payload = makePayload({ siteKey: collector.site.publicKey });
    const response = await collector.post({ ...payload, sentiment: 'x', ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_response');
    expect(new Set(body.error.issues.map((issue) => issue.path))).toEqual(new Set([path]));
    expect(await stored(payload.id)).toBeUndefined();
  });

  it('accepts a dismissal and an eligibility question with unknown fields', async () => {
    const dismissal = await fetch(`${collector.url}/v1/dismissals`, {
      method: 'POST',
      body: JSON.stringify({ siteKey: collector.site.publicKey, userId: 'u-dismiss', surveyId: 'nps', reason: 'later' }),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    expect(dismissal.status).toBe(204);
    const query = new URLSearchParams({ siteKey: collector.site.publicKey, userId: 'u-dismiss', surveyId: 'nps' });
    const eligibility = await fetch(`${collector.url}/v1/eligibility?${query}`, { headers: { origin: ORIGIN } });
    expect(eligibility.status).toBe(200);
    expect(await eligibility.json()).toMatchObject({ eligible: false });
  });

  it('still answers 400 for a dismissal without its user id', async () => {
    const response = await fetch(`${collector.url}/v1/dismissals`, {
      method: 'POST',
      body: JSON.stringify({ siteKey: collector.site.publicKey, reason: 'later' }),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_dismissal', issues: [{ path: 'userId' }] } });
  });
});
