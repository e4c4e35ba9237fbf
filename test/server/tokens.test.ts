import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiTokenCreatedSchema, apiTokenListSchema, auditPageSchema, errorBodySchema, type Role } from '../../sdk/index.ts';
import { int, nullableInt, selectOne } from '../../server/db/rows.ts';
import { LAST_USED_EVERY_MS, tokensStore, type TokensStore } from '../../server/tokens/index.ts';
import { ENGINES } from '../helpers/collector.ts';
import { memberPrincipal } from '../helpers/fixed-principal.ts';
import { openTokensAuditDb, type TokensAuditDb } from '../helpers/tokens-audit-db.ts';

const ADMIN_A = memberPrincipal('team-a', 'admin', { id: 'user-ana', name: 'Ana' });
const ADMIN_B = memberPrincipal('team-b', 'admin', { id: 'user-bo', name: 'Bo' });
const storedRow = z.object({ id: z.string(), team_id: z.string(), token_hash: z.string(), created_by: z.nullable(z.string()), created_at: int, last_used_at: nullableInt, revoked_at: nullableInt });

describe.each(ENGINES)('API tokens on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let t: TokensAuditDb;
  let store: TokensStore;
  beforeAll(async () => {
    t = await openTokensAuditDb(name);
    store = tokensStore(t.counted, () => t.clock.now);
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    t.as.principal = ADMIN_A;
  });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const create = async (body: unknown) => {
    const answer = await send('POST', '/v1/tokens', body);
    expect(answer.status).toBe(201);
    return apiTokenCreatedSchema.parse(await answer.json());
  };
  const list = async () => apiTokenListSchema.parse(await (await send('GET', '/v1/tokens')).json()).items;
  const problemOf = async (answer: Response) => errorBodySchema.parse(await answer.json()).error;
  const row = (id: string) => selectOne(t.db, storedRow, 'api_tokens', 'SELECT * FROM api_tokens WHERE id = ?', [id]);

  it('creating answers the secret once; the list never shows it, and the database keeps only its SHA-256', async () => {
    t.clock.now = Date.UTC(2026, 0, 2);
    const { token, secret } = await create({ name: 'Zapier', scope: 'read' });
    expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(token).toEqual({ id: token.id, name: 'Zapier', scope: 'read', createdBy: 'user-ana', createdAt: '2026-01-02T00:00:00.000Z', lastUsedAt: null, revokedAt: null });
    const listed = await send('GET', '/v1/tokens');
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/secret|hash/i);
    expect(apiTokenListSchema.parse(JSON.parse(text)).items).toContainEqual(token);
    const stored = await row(token.id);
    expect(stored?.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(stored?.team_id).toBe('team-a');
    const whole = JSON.stringify(await t.db.all('SELECT * FROM api_tokens WHERE id = ?', [token.id]));
    expect(whole).not.toContain(secret);
    expect(whole).not.toContain(secret.slice(3));
    // And the secret works, as this team's token.
    expect(await store.tokenBySecret(secret)).toEqual({ id: token.id, teamId: 'team-a', name: 'Zapier', scope: 'read' });
    expect(await store.tokenBySecret(`${secret}x`)).toBeUndefined();
  });

  it('lists revoked tokens too, newest first', async () => {
    t.as.principal = ADMIN_B;
    t.clock.now = Date.UTC(2026, 1, 1);
    const first = await create({ name: 'first', scope: 'read' });
    t.clock.now += 1000;
    const second = await create({ name: 'second', scope: 'write' });
    t.clock.now += 1000;
    expect((await send('DELETE', `/v1/tokens/${first.token.id}`)).status).toBe(204);
    expect((await list()).map((token) => [token.name, token.scope, token.revokedAt])).toEqual([
      ['second', 'write', null],
      ['first', 'read', new Date(t.clock.now).toISOString()],
    ]);
    expect(second.secret).not.toBe(first.secret);
  });

  it('a revoked token no longer authenticates; revoking again is a 204 that keeps the first time and logs once', async () => {
    t.clock.now = Date.UTC(2026, 2, 1);
    const { token, secret } = await create({ name: 'CI', scope: 'write' });
    expect(await store.tokenBySecret(secret)).toMatchObject({ id: token.id });
    t.clock.now += 5000;
    expect((await send('DELETE', `/v1/tokens/${token.id}`)).status).toBe(204);
    const revokedAt = new Date(t.clock.now).toISOString();
    expect(await store.tokenBySecret(secret)).toBeUndefined();
    t.clock.now += 5000;
    const again = await send('DELETE', `/v1/tokens/${token.id}`);
    expect(again.status).toBe(204);
    expect(await again.text()).toBe('');
    expect((await list()).find((listed) => listed.id === token.id)?.revokedAt).toBe(revokedAt);
    expect(await store.tokenBySecret(secret)).toBeUndefined();
    const audit = auditPageSchema.parse(await (await send('GET', '/v1/audit?action=token.revoked')).json());
    expect(audit.items.filter((entry) => entry.target?.id === token.id)).toHaveLength(1);
  });

  it('another team’s token is not found: not listed, not revocable (404), and still works', async () => {
    t.as.principal = ADMIN_B;
    const theirs = await create({ name: 'B only', scope: 'read' });
    t.as.principal = ADMIN_A;
    expect((await list()).map((token) => token.id)).not.toContain(theirs.token.id);
    const answer = await send('DELETE', `/v1/tokens/${theirs.token.id}`);
    expect(answer.status).toBe(404);
    expect(await problemOf(answer)).toMatchObject({ code: 'not_found' });
    expect((await row(theirs.token.id))?.revoked_at).toBeNull();
    expect(await store.tokenBySecret(theirs.secret)).toMatchObject({ teamId: 'team-b' });
    expect((await send('DELETE', '/v1/tokens/no-such-token')).status).toBe(404);
  });

  it('records last use at most once a minute: no write for the requests in between', async () => {
    const start = Date.UTC(2026, 3, 1);
    t.clock.now = start;
    const { token, secret } = await create({ name: 'busy', scope: 'read' });
    const lastUsed = async () => (await row(token.id))?.last_used_at;
    const touches = () => t.writes.filter((sql) => sql.includes('last_used_at')).length;
    expect(await lastUsed()).toBeNull();

    const before = touches();
    await store.tokenBySecret(secret);
    expect(await lastUsed()).toBe(start);
    for (const offset of [1, 30_000, LAST_USED_EVERY_MS - 1]) {
      t.clock.now = start + offset;
      await store.tokenBySecret(secret);
    }
    expect(await lastUsed()).toBe(start);
    t.clock.now = start + LAST_USED_EVERY_MS;
    await store.tokenBySecret(secret);
    expect(await lastUsed()).toBe(start + LAST_USED_EVERY_MS);
    // Five uses, two writes: the first, and the one a minute later.
    expect(touches() - before).toBe(2);
    const listed = (await list()).find((listed) => listed.id === token.id);
    expect(listed?.lastUsedAt).toBe(new Date(start + LAST_USED_EVERY_MS).toISOString());
  });

  it('a body that is not a token is a 400 naming each field, and creates nothing', async () => {
    const count = async () => (await t.db.all('SELECT id FROM api_tokens')).length;
    const before = await count();
    const cases: [unknown, string[]][] = [
      [{}, ['name', 'scope']],
      [{ name: '', scope: 'read' }, ['name']],
      [{ name: 'x'.repeat(101), scope: 'read' }, ['name']],
      [{ name: 7, scope: 'read' }, ['name']],
      [{ name: 'ok', scope: 'admin' }, ['scope']],
      [{ name: 'ok', scope: 'read', secret: 'sk_mine' }, ['secret']],
      [[], ['(root)']],
    ];
    for (const [body, paths] of cases) {
      const answer = await send('POST', '/v1/tokens', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const error = await problemOf(answer);
      expect(error.code).toBe('invalid_token');
      expect(error.issues?.map((issue) => issue.path).sort(), JSON.stringify(body)).toEqual(paths);
    }
    const notJson = await send('POST', '/v1/tokens', '{"name":');
    expect(notJson.status).toBe(400);
    expect(await problemOf(notJson)).toMatchObject({ code: 'invalid_json' });
    const form = await send('POST', '/v1/tokens', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await count()).toBe(before);
  });

  it.each<Role>(['viewer', 'member'])('a %s is refused (403) on every token and audit route, and changes nothing', async (role) => {
    const { token } = await create({ name: `kept from ${role}`, scope: 'read' });
    const rows = async () => JSON.stringify(await t.db.all('SELECT * FROM api_tokens ORDER BY id'));
    const audit = async () => (await t.db.all('SELECT id FROM audit_log')).length;
    const [tokensBefore, auditBefore] = [await rows(), await audit()];
    t.as.principal = memberPrincipal('team-a', role);
    for (const [method, path, body] of [
      ['GET', '/v1/tokens'],
      ['POST', '/v1/tokens', { name: 'sneaky', scope: 'write' }],
      ['DELETE', `/v1/tokens/${token.id}`],
      ['GET', '/v1/audit'],
    ] as const) {
      const answer = await send(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(await problemOf(answer)).toMatchObject({ code: 'forbidden' });
    }
    expect(await rows()).toBe(tokensBefore);
    expect(await audit()).toBe(auditBefore);
  });

  it('nobody signed in is a 401 on every route', async () => {
    t.as.principal = undefined;
    for (const [method, path] of [['GET', '/v1/tokens'], ['POST', '/v1/tokens'], ['DELETE', '/v1/tokens/x'], ['GET', '/v1/audit']] as const) {
      expect((await send(method, path, method === 'POST' ? { name: 'x', scope: 'read' } : undefined)).status, `${method} ${path}`).toBe(401);
    }
  });

  it('creating and revoking are in the audit log, with who did it, the token and its name and scope', async () => {
    t.clock.now = Date.UTC(2026, 4, 1);
    const { token } = await create({ name: 'Looker', scope: 'write' });
    t.clock.now += 1;
    expect((await send('DELETE', `/v1/tokens/${token.id}`)).status).toBe(204);
    const page = auditPageSchema.parse(await (await send('GET', '/v1/audit?limit=2')).json());
    const actor = { type: 'member', id: 'user-ana', name: 'Ana' };
    expect(page.items.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: '2026-05-01T00:00:00.001Z', actor, action: 'token.revoked', target: { type: 'token', id: token.id }, detail: { name: 'Looker', scope: 'write' } },
      { at: '2026-05-01T00:00:00.000Z', actor, action: 'token.created', target: { type: 'token', id: token.id }, detail: { name: 'Looker', scope: 'write' } },
    ]);
    // Team B's log has none of team A's changes.
    t.as.principal = ADMIN_B;
    const theirs = auditPageSchema.parse(await (await send('GET', '/v1/audit?limit=500')).json());
    expect(theirs.items.map((entry) => entry.target?.id)).not.toContain(token.id);
    expect(theirs.items.every((entry) => entry.actor.name === 'Bo')).toBe(true);
  });
});
