import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../server/http/client-ip.ts';
import { makePayload } from '../helpers/payload.ts';
import { ENGINES, ORIGIN } from '../helpers/collector.ts';
import { startCountingApp, type CountingApp } from '../helpers/counting-app.ts';

// The app's clock stands still unless a test moves it: no token comes back on its own, so the
// counts below are exact. Requests come from one loopback address unless X-Forwarded-For (one
// trusted hop) names another client.
const oneHop = parseTrustProxy('1');
if (!oneHop.ok) throw new Error(oneHop.message);

async function tally(count: number, send: (i: number) => Promise<Response>) {
  const statuses: Record<number, number> = {};
  const retryAfter: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await send(i);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status === 429) retryAfter.push(Number(response.headers.get('retry-after')));
    await response.body?.cancel();
  }
  return { statuses, retryAfter };
}

describe.each(ENGINES)('throttling of requests that can never succeed, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let app: CountingApp;
  let client = 0;
  // A fresh client address per test, so each starts with full buckets.
  let from: Record<string, string>;
  beforeAll(async () => {
    app = await startCountingApp(name, { rateLimit: { burst: 30, perSecond: 1 }, trustProxy: oneHop.value });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    app.reset();
    from = { 'x-forwarded-for': `203.0.113.${++client}` };
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', origin: ORIGIN, ...from, ...headers } });

  it('300 invalid payloads from one address: 30 answered 400, then 429 with Retry-After', { timeout: 30_000 }, async () => {
    const result = await tally(300, (i) => post('/v1/responses', i % 2 ? { score: 'ten' } : '{"id": '));
    expect(result.statuses).toEqual({ 400: 30, 429: 270 });
    expect(result.retryAfter.every((seconds) => seconds >= 1)).toBe(true);
    // Another client is not held back by this one.
    expect((await post('/v1/responses', makePayload({ siteKey: app.site.publicKey }), { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
  });

  it('500 unknown site keys from one address: 30 lookups and 401s, then 429 without a lookup', { timeout: 30_000 }, async () => {
    const result = await tally(500, (i) => post('/v1/responses', makePayload({ siteKey: `pk_fake${i.toString().padStart(4, '0')}` })));
    expect(result.statuses).toEqual({ 401: 30, 429: 470 });
    expect(app.calls.siteByPublicKey).toBe(30);
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(1);
    // Tokens come back with time: one second, one more try.
    app.clock.now += 1000;
    expect((await post('/v1/responses', makePayload({ siteKey: 'pk_fake_again' }))).status).toBe(401);
    expect((await post('/v1/responses', makePayload({ siteKey: 'pk_fake_again' }))).status).toBe(429);
  });

  it('bad dismissals and eligibility questions spend the same budget', async () => {
    const dismissals = await tally(20, () => post('/v1/dismissals', { siteKey: app.site.publicKey }));
    const questions = await tally(20, () => fetch(`${app.url}/v1/eligibility?siteKey=pk_nobody1&userId=u`, { headers: from }));
    expect(dismissals.statuses).toEqual({ 400: 20 });
    expect(questions.statuses).toEqual({ 401: 10, 429: 10 });
  });

  it('valid requests never spend the failure budget', async () => {
    const result = await tally(40, () => post('/v1/responses', makePayload({ siteKey: app.site.publicKey })));
    // The per-site bucket (30) limits them, not the failure bucket: no 400/401 came before.
    expect(result.statuses).toEqual({ 200: 30, 429: 10 });
    const invalid = await post('/v1/responses', { score: 'ten' });
    expect(invalid.status).toBe(400);
  });
});

describe.each(ENGINES)('wrong secret keys back off hard, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let app: CountingApp;
  let client = 0;
  let from: Record<string, string>;
  beforeAll(async () => {
    app = await startCountingApp(name, { rateLimit: { burst: 30, perSecond: 1 }, trustProxy: oneHop.value });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    app.reset();
    from = { 'x-forwarded-for': `198.51.100.${++client}` };
  });

  const list = (authorization: string) => fetch(`${app.url}/v1/responses`, { headers: { authorization, ...from } });

  it('1,000 wrong keys in a row: 6 lookups, every other answer a 429 with Retry-After', { timeout: 30_000 }, async () => {
    const result = await tally(1000, (i) => list(`Bearer sk_guess${i}`));
    // Five free failures, the sixth starts the first wait.
    expect(result.statuses).toEqual({ 401: 6, 429: 994 });
    expect(app.calls.siteBySecret).toBe(6);
    expect(new Set(result.retryAfter)).toEqual(new Set([1]));
  });

  it('each further wrong key doubles the wait; the right key waits too, and then works', async () => {
    for (let i = 0; i < 6; i++) await list('Bearer sk_wrong');
    const waits: number[] = [];
    for (let round = 0; round < 5; round++) {
      const blocked = await list(`Bearer ${app.site.secretKey}`);
      expect(blocked.status).toBe(429);
      const wait = Number(blocked.headers.get('retry-after'));
      waits.push(wait);
      app.clock.now += wait * 1000;
      expect((await list('Bearer sk_wrong')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    app.clock.now += 32_000;
    expect((await list(`Bearer ${app.site.secretKey}`)).status).toBe(200);
  });

  it('a request with no credentials at all costs no lookup and no backoff', async () => {
    const result = await tally(20, () => fetch(`${app.url}/v1/responses`, { headers: from }));
    expect(result.statuses).toEqual({ 401: 20 });
    expect(app.calls.siteBySecret).toBe(0);
  });

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('the scheme %s is accepted (case-insensitive, RFC 9110)', async (scheme) => {
    expect((await list(`${scheme} ${app.site.secretKey}`)).status).toBe(200);
  });

  it.each(['Basic', 'Bearer:', 'Bearersk'])('the scheme %j is not', async (scheme) => {
    expect((await list(`${scheme} ${app.site.secretKey}`)).status).toBe(401);
  });
});

describe.each(ENGINES)('CORS preflights, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let app: CountingApp;
  beforeAll(async () => {
    app = await startCountingApp(name, { rateLimit: { burst: 30, perSecond: 1 }, trustProxy: oneHop.value });
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  const ask = (origin: string, client: string) =>
    fetch(`${app.url}/v1/responses`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'x-forwarded-for': client } });

  it('answer from a cached site list: 60 preflights, one store query', async () => {
    const result = await tally(60, (i) => ask(i % 3 ? ORIGIN : 'https://evil.example', `192.0.2.${i}`));
    expect(result.statuses).toEqual({ 204: 40, 403: 20 });
    expect(app.calls.listSites).toBe(1);
  });

  it('a new site’s origin is granted once the cached list is older than 5 s', async () => {
    await ask(ORIGIN, '192.0.2.200');
    await app.store.createSite({ name: 'Blog', origins: ['https://blog.example'] });
    expect((await ask('https://blog.example', '192.0.2.201')).status).toBe(403);
    app.clock.now += 5000;
    expect((await ask('https://blog.example', '192.0.2.202')).status).toBe(204);
  });

  it('are rate-limited per client address, with Retry-After', async () => {
    const result = await tally(50, () => ask(ORIGIN, '192.0.2.250'));
    expect(result.statuses).toEqual({ 204: 30, 429: 20 });
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
