import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsFromCounts } from '../../sdk/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

interface Listed {
  items: { id: string; score: number; segment: string; comment: string | null; followUpStatus: string }[];
  nextCursor: string | null;
}

describe.each(ENGINES)('admin API and eligibility on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  const scores = [0, 3, 6, 6, 7, 8, 9, 9, 10, 10, 10];
  const ids: string[] = [];

  beforeAll(async () => {
    collector = await startTestCollector(name);
    for (const [index, score] of scores.entries()) {
      const comment = index === 2 ? '=HYPERLINK("http://evil")' : index === 4 ? 'Needs DARK mode, please' : `note ${index}`;
      const p = makePayload({ siteKey: collector.site.publicKey, score, comment, status: 'complete' });
      ids.push(p.id);
      expect((await collector.post(p)).status).toBe(200);
    }
    await collector.post(makePayload({ siteKey: collector.site.publicKey, score: 0, context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-11-22T10:00:00Z', test: true } }));
  });
  afterAll(() => collector.dispose());

  const list = async (query = '') => (await (await collector.admin(`/v1/responses${query}`)).json()) as Listed;

  it('401 without the secret key, with a public key, or with a wrong one', async () => {
    for (const authorization of [undefined, `Bearer ${collector.site.publicKey}`, 'Bearer sk_wrong', collector.site.secretKey]) {
      const response = await fetch(`${collector.url}/v1/stats`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
    }
  });

  it('scopes everything to the key’s site', async () => {
    const { secretKey } = await collector.store.createSite({ name: 'Other', origins: ['https://other.example'] });
    const response = await fetch(`${collector.url}/v1/responses`, { headers: { authorization: `Bearer ${secretKey}` } });
    expect(((await response.json()) as Listed).items).toEqual([]);
    const patch = await fetch(`${collector.url}/v1/responses/${ids[0]}/follow-up`, { method: 'PATCH', body: JSON.stringify({ status: 'contacted' }), headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' } });
    expect(patch.status).toBe(404);
  });

  it('lists newest first and filters by segment, score, text and test flag', async () => {
    expect((await list()).items).toHaveLength(scores.length);
    expect((await list('?includeTest=true')).items).toHaveLength(scores.length + 1);
    expect((await list('?segment=detractor')).items.map((item) => item.score).sort()).toEqual([0, 3, 6, 6]);
    expect((await list('?score=10')).items).toHaveLength(3);
    expect((await list('?q=dark%20MODE')).items.map((item) => item.comment)).toEqual(['Needs DARK mode, please']);
    expect((await list('?q=100%25')).items).toEqual([]);
  });

  it('filters by date range', async () => {
    expect((await list('?from=2000-01-01&to=2100-01-01')).items).toHaveLength(scores.length);
    expect((await list('?to=2000-01-01')).items).toEqual([]);
  });

  it('pages with a cursor: every response exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Listed = await list(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('400 naming the field for a bad filter or cursor', async () => {
    for (const [query, path] of [
      ['?segment=fan', 'segment'],
      ['?score=11', 'score'],
      ['?from=yesterday', 'from'],
      ['?limit=0', 'limit'],
      ['?cursor=garbage', 'cursor'],
      ['?color=red', 'color'],
    ]) {
      const response = await collector.admin(`/v1/responses${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toContain(path);
    }
  });

  it('stats: NPS with margin of error, the 0–10 distribution and a trend', async () => {
    const stats = (await (await collector.admin('/v1/stats?interval=day')).json()) as { summary: { nps: number; marginOfError: number; total: number }; distribution: number[]; trend: { period: string; total: number }[] };
    const expected = npsFromCounts({ promoters: 5, passives: 2, detractors: 4 });
    expect(stats.summary).toEqual(expected);
    expect(stats.summary.nps).toBeCloseTo(9.1, 1);
    expect(stats.distribution).toEqual([1, 0, 0, 1, 0, 0, 2, 1, 1, 2, 3]);
    expect(stats.trend).toHaveLength(1);
    expect(stats.trend[0]?.period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const monthly = (await (await collector.admin('/v1/stats?interval=month')).json()) as { trend: { period: string }[] };
    expect(monthly.trend[0]?.period).toMatch(/^\d{4}-\d{2}$/);
    expect((await collector.admin('/v1/stats?interval=hour')).status).toBe(400);
  });

  it('stats stay exact when a later state of a response changes its score', async () => {
    // A test response, so that the other tests' fixture (test responses excluded) is unchanged.
    const read = async () => ((await (await collector.admin('/v1/stats?includeTest=true')).json()) as { distribution: number[] }).distribution;
    const before = await read();
    const p = makePayload({ siteKey: collector.site.publicKey, score: 9, context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-11-22T10:00:00Z', test: true } });
    await collector.post(p);
    await collector.post({ ...p, seq: 2, score: 4 });
    await collector.post({ ...p, seq: 1, score: 9 }); // stale: ignored, counts untouched
    const after = await read();
    expect(after[4]).toBe((before[4] ?? 0) + 1);
    expect(after[9]).toBe(before[9]);
  });

  it('exports CSV, streamed, with formula cells defused', async () => {
    const response = await collector.admin('/v1/responses.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read UTF-8
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^"id","received_at","created_at","score","segment"/);
    expect(lines).toHaveLength(scores.length + 1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('follow-up: status, owner and notes, kept as a history', async () => {
    const id = ids[0] ?? '';
    const patch = (body: unknown) => collector.admin(`/v1/responses/${id}/follow-up`, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect((await patch({ status: 'contacted', owner: 'sam', note: 'Called, will fix export' })).status).toBe(200);
    const second = (await (await patch({ status: 'resolved', note: 'Fixed in 2.3' })).json()) as { response: { followUpStatus: string; followUpOwner: string }; notes: { status: string; note: string; owner: string }[] };
    expect(second.response).toMatchObject({ followUpStatus: 'resolved', followUpOwner: 'sam' });
    expect(second.notes.map((note) => [note.status, note.note])).toEqual([
      ['contacted', 'Called, will fix export'],
      ['resolved', 'Fixed in 2.3'],
    ]);
    expect((await list('?followUpStatus=resolved')).items.map((item) => item.id)).toEqual([id]);
    expect((await patch({ status: 'done' })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await collector.admin('/v1/responses/00000000-0000-4000-8000-ffffffffffff/follow-up', { method: 'PATCH', body: '{"status":"new"}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    // A later post of the same response never resets what the team recorded.
    await collector.post(makePayload({ id, siteKey: collector.site.publicKey, seq: 50, score: 0 }));
    expect((await list('?followUpStatus=resolved')).items.map((item) => item.id)).toEqual([id]);
  });

  it('eligibility: asks a new user, not one who answered (90 days) or dismissed (30 days)', async () => {
    const ask = async (userId: string) => (await fetch(`${collector.url}/v1/eligibility?siteKey=${collector.site.publicKey}&userId=${userId}`)).json() as Promise<{ eligible: boolean; nextEligibleAt?: string }>;
    expect(await ask('new-user')).toEqual({ eligible: true });
    await collector.post(makePayload({ siteKey: collector.site.publicKey, user: { id: 'answered' } }));
    const answered = await ask('answered');
    expect(answered.eligible).toBe(false);
    expect(Date.parse(answered.nextEligibleAt ?? '') - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const dismiss = await fetch(`${collector.url}/v1/dismissals`, { method: 'POST', body: JSON.stringify({ siteKey: collector.site.publicKey, userId: 'dismisser' }), headers: { 'content-type': 'application/json' } });
    expect(dismiss.status).toBe(204);
    const dismissed = await ask('dismisser');
    expect(dismissed.eligible).toBe(false);
    expect(Date.parse(dismissed.nextEligibleAt ?? '') - Date.now()).toBeLessThan(31 * 86_400_000);
    expect((await fetch(`${collector.url}/v1/eligibility?siteKey=${collector.site.publicKey}`)).status).toBe(400);
    expect((await fetch(`${collector.url}/v1/eligibility?siteKey=pk_nobody_here&userId=x`)).status).toBe(401);
  });

  it('serves an OpenAPI 3.1 document generated from the schemas, and /healthz', async () => {
    const doc = (await (await fetch(`${collector.url}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: { Response: { properties: Record<string, unknown>; required: string[] } } } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/responses', '/v1/eligibility', '/v1/stats', '/v1/responses.csv', '/v1/responses/{id}/follow-up']));
    expect(doc.components.schemas.Response.required).toEqual(expect.arrayContaining(['id', 'siteKey', 'seq', 'score', 'status', 'anonymousId', 'context']));
    expect(Object.keys(doc.components.schemas.Response.properties)).toContain('followUp');
    // The trait value is a custom check in the SDK; the document still says what it takes.
    expect(doc.components.schemas.Response.properties.user).toMatchObject({ properties: { traits: { additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } } } });
    expect(await (await fetch(`${collector.url}/healthz`)).json()).toEqual({ ok: true });
  });
});
