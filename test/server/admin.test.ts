import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient, HttpError, npsFromCounts, type AdminClient } from '../../sdk/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';
import { failure } from '../helpers/failure.ts';


describe.each(ENGINES)('admin API and eligibility on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: AdminClient;
  const scores = [0, 3, 6, 6, 7, 8, 9, 9, 10, 10, 10];
  const ids: string[] = [];

  beforeAll(async () => {
    collector = await startTestCollector(name);
    admin = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
    for (const [index, score] of scores.entries()) {
      const comment = index === 2 ? '=HYPERLINK("http://evil")' : index === 4 ? 'Needs DARK mode, please' : `note ${index}`;
      const p = makePayload({ siteKey: collector.site.publicKey, score, comment, status: 'complete', anonymousId: `visitor-${index}` });
      ids.push(p.id);
      expect((await collector.post(p)).status).toBe(200);
    }
    await collector.post(makePayload({ siteKey: collector.site.publicKey, score: 0, context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-11-22T10:00:00Z', test: true } }));
  });
  afterAll(() => collector.dispose());

  const listed = async (query: Parameters<AdminClient['list']>[0] = {}) => (await admin.list(query)).items;

  it('401 without the secret key, with a public key, or with a wrong one (raw HTTP)', async () => {
    for (const authorization of [undefined, `Bearer ${collector.site.publicKey}`, 'Bearer sk_wrong', collector.site.secretKey]) {
      for (const path of ['/v1/stats', '/v1/responses', `/v1/responses/${ids[0]}`]) {
        const response = await fetch(`${collector.url}${path}`, { headers: authorization ? { authorization } : {} });
        expect(response.status, `${path} with ${authorization}`).toBe(401);
      }
    }
  });

  it('scopes everything to the key’s site: another site’s key lists nothing and gets 404 for this site’s ids', async () => {
    const { secretKey } = await collector.store.createSite({ name: 'Other', origins: ['https://other.example'] });
    const other = createAdminClient({ endpoint: collector.url, token: secretKey });
    expect((await other.list()).items).toEqual([]);
    // One call at a time: a second promise made up front would reject unwatched while the first is awaited.
    for (const attempt of [() => other.get(ids[0] ?? ''), () => other.updateFollowUp(ids[0] ?? '', { status: 'contacted' })]) {
      const error = await failure(attempt());
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
  });

  it('lists newest first and filters by segment, score, text and test flag', async () => {
    expect(await listed()).toHaveLength(scores.length);
    expect(await listed({ includeTest: true })).toHaveLength(scores.length + 1);
    expect((await listed({ segment: 'detractor' })).map((item) => item.score).sort()).toEqual([0, 3, 6, 6]);
    expect(await listed({ score: 10 })).toHaveLength(3);
    expect((await listed({ q: 'dark MODE' })).map((item) => item.comment)).toEqual(['Needs DARK mode, please']);
    expect(await listed({ q: '100%' })).toEqual([]);
  });

  it('filters by date range', async () => {
    expect(await listed({ from: '2000-01-01', to: '2100-01-01' })).toHaveLength(scores.length);
    expect(await listed({ to: '2000-01-01' })).toEqual([]);
  });

  it('pages with a cursor: every response exactly once, by list and by iterate', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<AdminClient['list']>> = await admin.list({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
    const iterated: string[] = [];
    for await (const record of admin.iterate({ limit: 4 })) iterated.push(record.id);
    expect(iterated).toEqual([...ids].reverse()); // newest first: the last posted comes first
  });

  it('400 naming the field for a bad filter, an unknown one, a second trait or a foreign cursor (raw HTTP)', async () => {
    for (const [query, path] of [
      ['?segment=fan', 'segment'],
      ['?score=11', 'score'],
      ['?scoreMin=9&scoreMax=2', 'scoreMin'],
      ['?from=yesterday', 'from'],
      ['?limit=0', 'limit'],
      ['?overdue=false', 'overdue'],
      ['?hasComment=maybe', 'hasComment'],
      ['?cursor=garbage', 'cursor'],
      ['?color=red', 'color'],
      ['?trait.plan=pro&trait.seats=3', 'trait.seats'],
    ]) {
      const response = await collector.admin(`/v1/responses${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code, query).toMatch(/^invalid_(query|cursor)$/);
      expect(body.error.issues.map((issue) => issue.path), query).toContain(path);
    }
  });

  it('accepts every filter of SPEC §10 by its name (the store decides what each matches)', async () => {
    const page = await admin.list({ scoreMin: 0, scoreMax: 10, owner: 'none', overdue: true, driver: 'Price', hasComment: true, contactable: false, identified: false, trait: { key: 'plan', value: 'pro' }, followUpStatus: 'not_needed' });
    expect(page).toHaveProperty('items');
  });

  it('stats: NPS with margin of error, the 0–10 distribution and a trend', async () => {
    const stats = await admin.stats({ interval: 'day' });
    expect(stats.summary).toEqual(npsFromCounts({ promoters: 5, passives: 2, detractors: 4 }));
    expect(stats.summary.nps).toBeCloseTo(9.1, 1);
    expect(stats.distribution).toEqual([1, 0, 0, 1, 0, 0, 2, 1, 1, 2, 3]);
    expect(stats.trend).toHaveLength(1);
    expect(stats.trend[0]?.period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await admin.stats({ interval: 'month' })).trend[0]?.period).toMatch(/^\d{4}-\d{2}$/);
    const response = await collector.admin('/v1/stats?interval=hour');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toEqual(['interval']);
  });

  it('stats stay exact when a later state of a response changes its score', async () => {
    // A test response, so that the other tests' fixture (test responses excluded) is unchanged.
    const read = async () => (await admin.stats({ includeTest: true })).distribution;
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
    const raw = await collector.admin('/v1/responses.csv');
    expect(raw.headers.get('content-type')).toMatch(/text\/csv/);
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read UTF-8
    const text = await admin.csv();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {}).slice(0, 5)).toEqual(['id', 'received_at', 'created_at', 'score', 'segment']);
    expect(rows).toHaveLength(scores.length);
    expect(rows.map((row) => row.comment)).toContain(`'=HYPERLINK("http://evil")`);
    expect((parse(await admin.csv({ segment: 'promoter' }), { columns: true }) as unknown[]).length).toBe(5);
  });

  it('follow-up: status, owner, due date and notes; the answer is the detail with every change in its timeline', async () => {
    const id = ids[0] ?? '';
    const first = await admin.updateFollowUp(id, { status: 'contacted', owner: 'sam', note: 'Called, will fix export' });
    expect(first.response).toMatchObject({ id, followUpStatus: 'contacted', followUpOwner: 'sam' });
    const second = await admin.updateFollowUp(id, { status: 'resolved', dueAt: '2030-01-02T03:04:05Z', note: 'Fixed in 2.3' });
    expect(second.response).toMatchObject({ followUpStatus: 'resolved', followUpOwner: 'sam', dueAt: '2030-01-02T03:04:05.000Z' });
    const received = second.response.receivedAt;
    expect(second.timeline.map(({ at: _at, ...entry }) => entry)).toEqual([
      // A v1 site key's changes are the site's: its name is the author.
      { kind: 'created', author: null },
      { kind: 'status', author: 'Shop', from: 'new', to: 'contacted' },
      { kind: 'owner', author: 'Shop', from: null, to: 'sam' },
      { kind: 'note', author: 'Shop', note: 'Called, will fix export' },
      { kind: 'status', author: 'Shop', from: 'contacted', to: 'resolved' },
      { kind: 'due', author: 'Shop', from: first.response.dueAt, to: '2030-01-02T03:04:05.000Z' },
      { kind: 'note', author: 'Shop', note: 'Fixed in 2.3' },
    ]);
    expect(second.timeline[0]?.at).toBe(received);
    expect(second.timeline.map((entry) => entry.at)).toEqual([...second.timeline.map((entry) => entry.at)].sort());
    // Read back later: the same timeline.
    expect((await admin.get(id)).timeline).toEqual(second.timeline);
    expect((await listed({ followUpStatus: 'resolved' })).map((item) => item.id)).toEqual([id]);
    // Setting what is already there records nothing; unassigning and not_needed do.
    const third = await admin.updateFollowUp(id, { status: 'not_needed', owner: null });
    expect(third.timeline.slice(second.timeline.length).map((entry) => [entry.kind, 'to' in entry ? entry.to : null])).toEqual([
      ['status', 'not_needed'],
      ['owner', null],
    ]);
    expect((await admin.updateFollowUp(id, { status: 'not_needed' })).timeline).toEqual(third.timeline);
    // A later post of the same response never resets what the team recorded.
    await collector.post(makePayload({ id, siteKey: collector.site.publicKey, seq: 50, score: 0, anonymousId: 'visitor-0' }));
    expect((await admin.get(id)).response).toMatchObject({ seq: 50, followUpStatus: 'not_needed', dueAt: '2030-01-02T03:04:05.000Z' });
  });

  it('follow-up: 400 naming the field for a bad change, 404 for an unknown id (raw HTTP)', async () => {
    const patch = (id: string, body: string) => collector.admin(`/v1/responses/${id}/follow-up`, { method: 'PATCH', body, headers: { 'content-type': 'application/json' } });
    for (const [body, path] of [
      ['{"status":"done"}', 'status'],
      ['{"dueAt":"next week"}', 'dueAt'],
      ['{"ownerId":"u1","note":"x"}', 'ownerId'],
      ['{}', '(root)'],
    ] as const) {
      const response = await patch(ids[1] ?? '', body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path), body).toContain(path);
    }
    expect((await patch(ids[1] ?? '', '{not json')).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-ffffffffffff', '{"status":"new"}')).status).toBe(404);
    expect((await collector.admin('/v1/responses/00000000-0000-4000-8000-ffffffffffff')).status).toBe(404);
  });

  it('get: the same person’s other responses on this site, newest first — by user id, else by anonymous id', async () => {
    const post = async (overrides: Parameters<typeof makePayload>[0]) => {
      const p = makePayload({ siteKey: collector.site.publicKey, ...overrides });
      expect((await collector.post(p)).status).toBe(200);
      return p.id;
    };
    // Received one after the other: the collector's clock orders them.
    const userFirst = await post({ score: 2, anonymousId: 'device-a', user: { id: 'user-42' } });
    const userSecond = await post({ score: 8, anonymousId: 'device-b', user: { id: 'user-42' } });
    const userThird = await post({ score: 10, anonymousId: 'device-a', user: { id: 'user-42' } });
    const sameDeviceOtherUser = await post({ score: 5, anonymousId: 'device-a', user: { id: 'user-7' } });
    const anonymousFirst = await post({ score: 1, anonymousId: 'device-z' });
    const anonymousSecond = await post({ score: 9, anonymousId: 'device-z' });
    const detail = await admin.get(userThird);
    expect(detail.response).toMatchObject({ id: userThird, score: 10, user: { id: 'user-42' } });
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(['created']);
    expect(detail.others.map((other) => [other.id, other.score, other.segment])).toEqual([
      [userSecond, 8, 'passive'],
      [userFirst, 2, 'detractor'],
    ]);
    expect(detail.others.every((other) => Date.parse(other.receivedAt) <= Date.parse(detail.response.receivedAt))).toBe(true);
    expect((await admin.get(sameDeviceOtherUser)).others).toEqual([]);
    expect((await admin.get(anonymousFirst)).others.map((other) => other.id)).toEqual([anonymousSecond]);
    // Another site's responses of the same user id are not this site's to show.
    const { site } = await collector.store.createSite({ name: 'Elsewhere', origins: ['https://elsewhere.example'] });
    await collector.post(makePayload({ siteKey: site.publicKey, user: { id: 'user-42' } }), { origin: 'https://elsewhere.example' });
    expect((await admin.get(userFirst)).others.map((other) => other.id)).toEqual([userThird, userSecond]);
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
    type Schema = { properties: Record<string, unknown>; required: string[] };
    const doc = (await (await fetch(`${collector.url}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, Schema> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/responses', '/v1/responses/{id}', '/v1/eligibility', '/v1/stats', '/v1/responses.csv', '/v1/responses/{id}/follow-up']));
    const response = doc.components.schemas.Response;
    expect(response?.required).toEqual(expect.arrayContaining(['id', 'siteKey', 'seq', 'score', 'status', 'anonymousId', 'context']));
    expect(Object.keys(response?.properties ?? {})).toContain('followUp');
    // The trait value is a custom check in the SDK; the document still says what it takes.
    expect(response?.properties.user).toMatchObject({ properties: { traits: { additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } } } });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Record', 'ResponsePage', 'ResponseDetail', 'Timeline', 'TimelineEntry', 'Stats', 'FollowUpChange']));
    expect(doc.components.schemas.Record?.required).toEqual(expect.arrayContaining(['followUpStatus', 'followUpOwner', 'followUpOwnerId', 'dueAt']));
    expect(Object.keys(doc.components.schemas.FollowUpChange?.properties ?? {}).sort()).toEqual(['dueAt', 'note', 'owner', 'ownerId', 'status', 'step']);
    expect(doc.paths['/v1/responses']?.get?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['segment', 'score', 'scoreMin', 'scoreMax', 'from', 'to', 'q', 'followUpStatus', 'owner', 'overdue', 'driver', 'hasComment', 'contactable', 'identified', 'trait.{KEY}', 'includeTest', 'site', 'cursor', 'limit']),
    );
    expect(doc.paths['/v1/stats']?.get?.parameters?.map((parameter) => parameter.name)).toContain('site');
    expect(doc.paths['/v1/jobs']?.get?.parameters?.map((parameter) => parameter.name).sort()).toEqual(['limit', 'state']);
    expect(Object.keys(doc.paths['/v1/jobs/{id}/retry'] ?? {})).toEqual(['post']);
    expect(await (await fetch(`${collector.url}/healthz`)).json()).toEqual({ ok: true });
  });
});
