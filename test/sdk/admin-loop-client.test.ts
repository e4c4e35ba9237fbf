import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient, InvalidInputError, type Change } from '../../sdk/index.ts';
import { failure } from '../helpers/failure.ts';
import { startScriptedServer, type Reply } from '../helpers/scripted-server.ts';

// The closing-the-loop and privacy methods of the admin client against a real HTTP server on loopback.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(replies: Reply[]) {
  const server = await startScriptedServer(replies);
  close = server.close;
  return server;
}

const change: Change = { id: 'ch 1', title: 'Faster exports', body: 'Now.', createdBy: 'Ada', createdAt: '2026-11-20T09:00:00.000Z', publishedAt: null, responseIds: ['r1'] };

describe('admin client: changes, erasing, retention', () => {
  it('each method’s route, method and body; answers parsed', async () => {
    const server = await serve([
      { body: { items: [change] } },
      { body: change },
      { status: 201, body: change },
      { body: { ...change, responseIds: ['r1', 'r2'] } },
      { body: { change: { ...change, publishedAt: '2026-11-21T09:00:00.000Z' }, published: true, emailed: 1, resolved: 2, notices: 1 } },
      { body: { erased: { responses: 2, notes: 1 } } },
      { body: { days: null, mode: 'anonymise' } },
      { body: { days: 30, mode: 'delete' } },
    ]);
    const admin = createAdminClient({ endpoint: server.url });
    expect(await admin.changes()).toEqual([change]);
    expect(await admin.change('ch 1')).toEqual(change);
    expect(await admin.createChange({ title: 'Faster exports', body: 'Now.', responseIds: ['r1'] })).toEqual(change);
    expect((await admin.linkResponses('ch 1', ['r2'])).responseIds).toEqual(['r1', 'r2']);
    expect((await admin.publishChange('ch 1')).resolved).toBe(2);
    expect((await admin.erasePerson({ email: 'ana@example.com' })).erased.responses).toBe(2);
    expect(await admin.retention('site-1')).toEqual({ days: null, mode: 'anonymise' });
    expect(await admin.setRetention('site-1', { days: 30, mode: 'delete' })).toEqual({ days: 30, mode: 'delete' });
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /v1/changes',
      'GET /v1/changes/ch%201',
      'POST /v1/changes',
      'POST /v1/changes/ch%201/responses',
      'POST /v1/changes/ch%201/publish',
      'POST /v1/people/erase',
      'GET /v1/sites/site-1/retention',
      'PUT /v1/sites/site-1/retention',
    ]);
    // Cookie-authenticated (no token): every change carries the CSRF header.
    expect(server.received.filter((request) => request.method !== 'GET').every((request) => request.headers['x-onepoint-csrf'] === '1')).toBe(true);
    expect(server.received.filter((request) => request.body).map((request) => JSON.parse(request.body))).toEqual([
      { title: 'Faster exports', body: 'Now.', responseIds: ['r1'] },
      { responseIds: ['r2'] },
      { email: 'ana@example.com' },
      { days: 30, mode: 'delete' },
    ]);
  });

  it('InvalidInputError naming the field, before any request', async () => {
    const server = await serve([{ body: {} }]);
    const admin = createAdminClient({ endpoint: server.url });
    const cases: [Promise<unknown>, string][] = [
      [admin.createChange({ title: '', body: 'x' }), 'title'],
      [admin.linkResponses('ch', []), 'responseIds'],
      [admin.erasePerson({}), '(root)'],
      [admin.erasePerson({ email: 'nope' }), 'email'],
      [admin.setRetention('site-1', { days: 0 }), 'days'],
      [admin.change(''), '(root)'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error, path).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(server.received).toEqual([]);
  });
});
