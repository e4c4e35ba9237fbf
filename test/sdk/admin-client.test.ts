import { describe, expect, it } from 'vitest';
import { createAdminClient, HttpError, InvalidAnswerError, InvalidInputError, NetworkError, TimeoutError, type ListQuery } from '../../sdk/index.ts';
import { makeDetail, makeRecord } from '../helpers/admin-fixtures.ts';
import { failure } from '../helpers/failure.ts';

interface Seen {
  method: string;
  url: URL;
  authorization: string | null;
  credentials: RequestCredentials;
  contentType: string | null;
  body: string;
}

/** An injected fetch that records each request and answers with the next scripted reply. */
function scripted(replies: (() => Response | Promise<Response>)[]) {
  const seen: Seen[] = [];
  let index = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({
      method: request.method,
      url: new URL(request.url),
      authorization: request.headers.get('authorization'),
      credentials: request.credentials,
      contentType: request.headers.get('content-type'),
      body: await request.text(),
    });
    const reply = replies[Math.min(index++, replies.length - 1)];
    if (!reply) throw new Error('no reply scripted');
    return reply();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });


describe('createAdminClient (injected fetch)', () => {
  it('list: the typed query goes out as the collector’s parameter names, with the token as a bearer', async () => {
    const { fetch, seen } = scripted([json({ items: [makeRecord()], nextCursor: null })]);
    const admin = createAdminClient({ endpoint: 'https://c.example/', token: 'sk_secret', fetch });
    const page = await admin.list({ segment: 'detractor', scoreMin: 0, scoreMax: 6, owner: 'none', overdue: true, hasComment: true, contactable: false, trait: { key: 'plan', value: 'pro' }, limit: 20 });
    expect(page).toEqual({ items: [makeRecord()], nextCursor: null });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(`${seen[0]?.url.origin}${seen[0]?.url.pathname}`).toBe('https://c.example/v1/responses');
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({
      segment: 'detractor',
      scoreMin: '0',
      scoreMax: '6',
      owner: 'none',
      overdue: 'true',
      hasComment: 'true',
      contactable: 'false',
      'trait.plan': 'pro',
      limit: '20',
    });
    expect(seen[0]?.authorization).toBe('Bearer sk_secret');
  });

  it('without a token: no Authorization header, the browser’s cookie goes along (credentials: include)', async () => {
    const { fetch, seen } = scripted([json({ items: [], nextCursor: null })]);
    await createAdminClient({ endpoint: 'https://c.example', fetch }).list();
    expect(seen[0]?.authorization).toBeNull();
    expect(seen[0]?.credentials).toBe('include');
    expect(seen[0]?.url.search).toBe('');
  });

  it('iterate: every record of every page, following nextCursor until null', async () => {
    const first = makeRecord({ id: 'a' });
    const second = makeRecord({ id: 'b' });
    const third = makeRecord({ id: 'c' });
    const { fetch, seen } = scripted([json({ items: [first, second], nextCursor: 'next-1' }), json({ items: [third], nextCursor: null })]);
    const admin = createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch });
    const ids: string[] = [];
    for await (const record of admin.iterate({ segment: 'detractor', limit: 2 })) ids.push(record.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(seen.map((request) => request.url.searchParams.get('cursor'))).toEqual([null, 'next-1']);
    expect(seen.every((request) => request.url.searchParams.get('segment') === 'detractor')).toBe(true);
  });

  it('get, stats, csv and updateFollowUp: their routes, methods and bodies; answers parsed', async () => {
    const detail = makeDetail();
    const stats = {
      summary: { promoters: 1, passives: 0, detractors: 1, total: 2, nps: 0, marginOfError: 138.6 },
      distribution: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
      trend: [],
      shown: 4,
      responseRate: 0.5,
      drivers: { promoters: [], passives: [], detractors: [{ driver: 'Price', count: 1 }] },
      followUp: { settled: 1, contactedInSla: 1, contactedInSlaShare: 1, medianHoursToFirstContact: 2.5, overdueByOwner: [{ ownerId: null, owner: null, count: 1 }] },
    };
    const { fetch, seen } = scripted([json(detail), json(stats), () => new Response('\uFEFFid,score\r\na,3\r\n', { headers: { 'content-type': 'text/csv' } }), json(detail)]);
    const admin = createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch });
    expect(await admin.get('a/b')).toEqual(detail);
    expect(await admin.stats({ interval: 'day', includeTest: true })).toEqual(stats);
    expect(await admin.csv({ segment: 'promoter' })).toBe('id,score\r\na,3\r\n');
    expect(await admin.updateFollowUp('a', { status: 'not_needed', dueAt: '2026-12-01T09:00:00Z', note: 'Spam' })).toEqual(detail);
    expect(seen.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)).toEqual([
      'GET /v1/responses/a%2Fb',
      'GET /v1/stats?interval=day&includeTest=true',
      'GET /v1/responses.csv?segment=promoter',
      'PATCH /v1/responses/a/follow-up',
    ]);
    expect(seen[3]?.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(seen[3]?.body ?? '')).toEqual({ status: 'not_needed', dueAt: '2026-12-01T09:00:00Z', note: 'Spam' });
  });

  it('statsSummary: GET /v1/stats/summary with the stats’ filters but the interval; its answer parsed', async () => {
    const summary = { summary: { promoters: 1, passives: 0, detractors: 1, total: 2, nps: 0, marginOfError: 138.6 }, distribution: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0] };
    const { fetch, seen } = scripted([json(summary), json({ summary: summary.summary, distribution: [1, 1] })]);
    const admin = createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch });
    expect(await admin.statsSummary({ includeTest: true, trait: { key: 'plan', value: 'pro' } })).toEqual(summary);
    expect(seen.map((request) => `${request.url.pathname}${request.url.search}`)).toEqual(['/v1/stats/summary?includeTest=true&trait.plan=pro']);
    const interval = await failure(admin.statsSummary({ interval: 'day' } as Parameters<typeof admin.statsSummary>[0]));
    expect(interval).toBeInstanceOf(InvalidInputError);
    expect((interval as InvalidInputError).issues.map((issue) => issue.path)).toContain('interval');
    expect(seen).toHaveLength(1);
    // Ten counts are not a distribution: the answer is refused, not shown.
    expect(await failure(admin.statsSummary())).toBeInstanceOf(InvalidAnswerError);
  });

  it('renameView: PATCH /v1/views/:id with the name alone; an empty name or id never leaves', async () => {
    const view = { id: 'view_1', name: 'Calls this week', builtIn: false, query: { segment: 'passive' }, count: 3 };
    const { fetch, seen } = scripted([json(view)]);
    const admin = createAdminClient({ endpoint: 'https://c.example', fetch });
    expect(await admin.renameView('view_1', 'Calls this week')).toEqual(view);
    expect(seen.map((request) => `${request.method} ${request.url.pathname}`)).toEqual(['PATCH /v1/views/view_1']);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ name: 'Calls this week' });
    expect(seen[0]?.credentials).toBe('include');
    for (const [call, path] of [
      [admin.renameView('view_1', ''), 'name'],
      [admin.renameView('', 'x'), '(root)'],
    ] as const) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path)).toContain(path);
    }
    expect(seen).toHaveLength(1);
  });

  it('InvalidInputError naming the field, before any request, for a bad query or change', async () => {
    const { fetch, seen } = scripted([json({})]);
    const admin = createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch });
    const cases: [Promise<unknown>, string][] = [
      [admin.list({ score: 11 }), 'score'],
      [admin.list({ scoreMin: 8, scoreMax: 2 }), 'scoreMin'],
      [admin.list({ limit: 0 }), 'limit'],
      [admin.list({ colour: 'red' } as unknown as ListQuery), 'colour'],
      [admin.list({ trait: { key: '', value: 'x' } }), 'trait.'],
      [admin.csv({ from: 'yesterday' }), 'from'],
      [admin.stats({ interval: 'hour' as 'day' }), 'interval'],
      [admin.updateFollowUp('a', {}), '(root)'],
      [admin.updateFollowUp('a', { status: 'done' as 'new' }), 'status'],
      [admin.get(''), '(root)'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(seen).toEqual([]);
  });

  it('HttpError with the parsed error body; NetworkError; TimeoutError; InvalidAnswerError for an answer off-contract', async () => {
    const body = { error: { code: 'invalid_query', message: 'the filters are not valid', issues: [{ path: 'cursor', message: 'cursor is not one this collector made' }] } };
    const http = await failure(createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch: scripted([json(body, 400)]).fetch }).list({ cursor: 'junk' }));
    expect(http).toBeInstanceOf(HttpError);
    expect(http).toMatchObject({ name: 'HttpError', status: 400, body, retryable: false });

    const refused = scripted([() => Promise.reject(new TypeError('fetch failed'))]);
    expect(await failure(createAdminClient({ endpoint: 'https://c.example', fetch: refused.fetch }).stats())).toBeInstanceOf(NetworkError);

    const silent = scripted([() => new Promise<Response>(() => undefined)]);
    const timeout = await failure(createAdminClient({ endpoint: 'https://c.example', fetch: silent.fetch, timeoutMs: 20 }).get('a'));
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout).toMatchObject({ timeoutMs: 20 });

    const offContract = scripted([json({ items: [{ ...makeRecord(), segment: 'fan' }], nextCursor: null })]);
    const answer = await failure(createAdminClient({ endpoint: 'https://c.example', fetch: offContract.fetch }).list());
    expect(answer).toBeInstanceOf(InvalidAnswerError);
    expect((answer as InvalidAnswerError).issues.map((issue) => issue.path)).toEqual(['items.0.segment']);
  });
});
