import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../sdk/index.ts';
import { makePayload } from '../helpers/payload.ts';
import { ENGINES, ORIGIN, startTestCollector, type TestCollector } from '../helpers/collector.ts';

describe.each(ENGINES)('POST /v1/responses on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(name);
  });
  afterAll(() => collector.dispose());

  const payload = (overrides: Parameters<typeof makePayload>[0] = {}) => makePayload({ siteKey: collector.site.publicKey, ...overrides });
  const stored = async (id: string) => (await createAdminClient({ endpoint: collector.url, token: collector.site.secretKey }).get(id)).response;

  it('stores a response and answers { id, seq, segment }, with the exact origin allowed', async () => {
    const p = payload({ score: 6 });
    const response = await collector.post(p);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: p.id, seq: 1, segment: 'detractor' });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(await stored(p.id)).toMatchObject({ seq: 1, score: 6 });
  });

  it('accepts a text/plain beacon body', async () => {
    const p = payload();
    const response = await collector.post(p, { contentType: 'text/plain;charset=UTF-8' });
    expect(response.status).toBe(200);
  });

  it('keeps the highest seq: a later state updates, an older or repeated one changes nothing', async () => {
    const p = payload({ seq: 1, score: 9 });
    await collector.post(p);
    await collector.post({ ...p, seq: 3, status: 'complete', comment: 'final' });
    const stale = await collector.post({ ...p, seq: 2, comment: 'stale' });
    expect(await stale.json()).toEqual({ id: p.id, seq: 3, segment: 'promoter' });
    const repeat = await collector.post({ ...p, seq: 3, comment: 'replayed with other content' });
    expect(repeat.status).toBe(200);
    expect(await stored(p.id)).toMatchObject({ seq: 3, status: 'complete', comment: 'final' });
  });

  it('computes the segment from the score, and ignores a segment sent by the client', async () => {
    const p = payload({ score: 7 });
    expect(await (await collector.post(p)).json()).toMatchObject({ segment: 'passive' });
    const forged = await collector.post({ ...payload({ score: 2 }), segment: 'promoter' });
    expect(forged.status).toBe(200);
    expect(await forged.json()).toMatchObject({ segment: 'detractor' });
  });

  it.each([
    ['malformed JSON', '{"id": ', 'invalid_json', undefined],
    ['wrong types', { score: 'ten' }, 'invalid_response', 'score'],
    ['a bad known field next to an unknown one', { extra: 1, status: 'done' }, 'invalid_response', 'status'],
    ['a 10,000-character comment', { comment: 'x'.repeat(10_000) }, 'invalid_response', 'comment'],
    ['a lone surrogate', { comment: 'bad \ud800 text' }, 'invalid_response', 'comment'],
    ['a score of 11', { score: 11 }, 'invalid_response', 'score'],
  ])('400 for %s, naming the field, and nothing stored changes', async (_label, change, code, path) => {
    const original = payload({ comment: 'original' });
    await collector.post(original);
    const body = typeof change === 'string' ? change : JSON.stringify({ ...original, seq: 9, ...change });
    const response = await collector.post(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; issues?: { path: string }[] } };
    expect(answer.error.code).toBe(code);
    if (path) expect(answer.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(await stored(original.id)).toMatchObject({ seq: 1, comment: 'original' });
  });

  it('401 for an unknown site key', async () => {
    const response = await collector.post(payload({ siteKey: 'pk_unknown_key' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown_site_key' } });
  });

  it('403 for an origin the site does not list (exact match), without CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example']) {
      const response = await collector.post(payload(), { origin });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows calls without an Origin (a server or CLI using the SDK)', async () => {
    expect((await collector.post(payload(), { origin: null })).status).toBe(200);
  });

  it('answers the CORS preflight for listed origins only', async () => {
    const ask = (origin: string) => fetch(`${collector.url}/v1/responses`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await ask(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const denied = await ask('https://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('413 for a body over 32 KiB, declared or chunked, before parsing', async () => {
    const big = JSON.stringify({ ...payload(), comment: 'x'.repeat(40_000) });
    expect((await collector.post(big)).status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${collector.url}/v1/responses`, { method: 'POST', body: chunks, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it('415 for a form body', async () => {
    expect((await collector.post('a=1', { contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('never logs comments or emails', async () => {
    await collector.post(payload({ comment: 'SECRET-COMMENT-TEXT', user: { id: 'u-log', email: 'hidden@example.com' } }));
    const logs = collector.logs.join('\n');
    expect(logs).toContain('/v1/responses');
    expect(logs).not.toContain('SECRET-COMMENT-TEXT');
    expect(logs).not.toContain('hidden@example.com');
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After once a client spends its burst, per IP and site', async () => {
    const collector = await startTestCollector('sqlite', { rateLimit: { burst: 3, perSecond: 0.5 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const response = await collector.post(makePayload({ siteKey: collector.site.publicKey }));
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const other = await collector.post(makePayload({ siteKey: 'pk_another_site' }));
      expect(other.status).toBe(401); // another site's bucket is untouched
    } finally {
      await collector.dispose();
    }
  });
});
