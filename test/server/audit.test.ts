import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditPageSchema, errorBodySchema, type Actor, type AuditAction, type AuditEntry } from '../../sdk/index.ts';
import { auditStore, recordAudit, requestAudit } from '../../server/audit/index.ts';
import { RowShapeError } from '../../server/db/rows.ts';
import type { Principal, PrincipalEnv } from '../../server/http/principal.ts';
import { ENGINES } from '../helpers/collector.ts';
import { fixedPrincipal, memberPrincipal } from '../helpers/fixed-principal.ts';
import { openTokensAuditDb, type TokensAuditDb } from '../helpers/tokens-audit-db.ts';

const T = Date.UTC(2026, 5, 1);
const ANA: Actor = { type: 'member', id: 'user-ana', name: 'Ana' };
const cursorOf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';

describe.each(ENGINES)('the audit log on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let t: TokensAuditDb;
  beforeAll(async () => {
    t = await openTokensAuditDb(name);
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    t.as.principal = memberPrincipal('team-a', 'admin', { id: 'user-ana', name: 'Ana' });
  });

  const get = (query: string) => t.app.request(`/v1/audit${query}`);
  const page = async (query: string) => {
    const answer = await get(query);
    expect(answer.status, query).toBe(200);
    return auditPageSchema.parse(await answer.json());
  };
  /** Every entry of the principal's team through pages of `limit`, and how many pages it took. */
  const walk = async (limit: number, filter = '') => {
    const items: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next: { items: AuditEntry[]; nextCursor: string | null } = await page(`?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...next.items);
      cursor = next.nextCursor;
      pages++;
    } while (cursor);
    return { items, pages };
  };
  const record = (teamId: string, action: AuditAction, at: number, targetId = 'x') => recordAudit(t.db, { teamId, actor: ANA, action, target: { type: 'thing', id: targetId } }, at);

  it('pages through a team’s log newest first, entries of the same millisecond included once each, and ends with a null cursor', async () => {
    t.as.principal = memberPrincipal('team-paged', 'admin');
    // Three in one millisecond: the id orders them, so no page boundary drops or repeats one.
    const times = [T, T + 1, T + 1, T + 1, T + 2, T + 5, T + 9];
    for (const [index, at] of times.entries()) await record('team-paged', 'team.changed', at, `paged-${index}`);
    await record('team-other', 'team.changed', T + 3, 'other');

    const all = await page('?limit=500');
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((entry) => Date.parse(entry.at))).toEqual([...times].reverse());
    const sorted = [...all.items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1));
    expect(all.items).toEqual(sorted);

    for (const limit of [1, 2, 3, 7]) {
      const walked = await walk(limit);
      expect(walked.items, `limit ${limit}`).toEqual(all.items);
      expect(walked.pages).toBe(Math.ceil(times.length / limit));
    }
    expect((await page('?limit=7')).nextCursor).toBeNull();
    expect(all.items.map((entry) => entry.target?.id)).not.toContain('other');
    // Without a limit: 50.
    expect((await page('')).items).toHaveLength(times.length);
  });

  it('filters by action, page after page', async () => {
    t.as.principal = memberPrincipal('team-actions', 'admin');
    const actions: AuditAction[] = ['member.invited', 'token.created', 'member.invited', 'note.added', 'member.invited', 'token.revoked'];
    for (const [index, action] of actions.entries()) await record('team-actions', action, T + index, `a-${index}`);
    const invited = await walk(1, '&action=member.invited');
    expect(invited.items.map((entry) => [entry.action, entry.target?.id])).toEqual([
      ['member.invited', 'a-4'],
      ['member.invited', 'a-2'],
      ['member.invited', 'a-0'],
    ]);
    expect((await page('?action=token.revoked')).items.map((entry) => entry.target?.id)).toEqual(['a-5']);
    expect((await page('?action=site.created')).items).toEqual([]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor!'],
    ['an object', cursorOf({ at: 1, id: UUID })],
    ['one part', cursorOf([1])],
    ['a fraction', cursorOf([1.5, UUID])],
    ['an infinite time', cursorOf(`[1e400, "${UUID}"]`)],
    ['a negative time', cursorOf([-1, UUID])],
    ['a time as text', cursorOf(['1', UUID])],
    ['an id that is not one the log makes', cursorOf([T, 'x'])],
    ['a NUL in the id', cursorOf([T, `${UUID}\u0000`])],
  ])('a crafted cursor (%s) is a 400 naming cursor, never a 500', async (_case, cursor) => {
    const answer = await get(`?cursor=${encodeURIComponent(cursor)}`);
    expect(answer.status).toBe(400);
    const { error } = errorBodySchema.parse(await answer.json());
    expect(error.code).toBe('invalid_cursor');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['cursor']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['action=token.made', 'action'],
    [`cursor=${'a'.repeat(501)}`, 'cursor'],
    ['actor=ana', 'actor'],
  ])('a bad query (%s) is a 400 naming %s', async (query, path) => {
    const answer = await get(`?${query}`);
    expect(answer.status).toBe(400);
    const { error } = errorBodySchema.parse(await answer.json());
    expect(error.code).toBe('invalid_query');
    expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
  });

  it('keeps the actor, the target and the detail as recorded; no target reads as null, no detail as {}', async () => {
    t.as.principal = memberPrincipal('team-detail', 'admin');
    const token: Actor = { type: 'token', id: 'tok-1', name: 'Zapier' };
    await recordAudit(t.db, { teamId: 'team-detail', actor: token, action: 'follow_up.changed', target: { type: 'response', id: 'r-1' }, detail: { status: 'closed', ownerId: null, nested: { a: [1, 'two'] } } }, T);
    await recordAudit(t.db, { teamId: 'team-detail', actor: { type: 'system', id: null, name: 'onepoint' }, action: 'site.created' }, T + 1);
    expect((await page('')).items.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: new Date(T + 1).toISOString(), actor: { type: 'system', id: null, name: 'onepoint' }, action: 'site.created', target: null, detail: {} },
      { at: new Date(T).toISOString(), actor: token, action: 'follow_up.changed', target: { type: 'response', id: 'r-1' }, detail: { status: 'closed', ownerId: null, nested: { a: [1, 'two'] } } },
    ]);
  });

  it('requestAudit records under the request’s principal: its team and its actor, at the clock’s time', async () => {
    const principal: Principal = { teamId: 'team-request', role: 'member', siteIds: [], actor: { type: 'site-key', id: 'site-1', name: 'Shop' }, userId: null, via: 'site-key' };
    const app = new Hono<PrincipalEnv>();
    const audit = requestAudit(t.db, () => T + 42);
    app.post('/change', fixedPrincipal(() => principal)('member'), async (c) => {
      await audit(c, 'note.added', { type: 'response', id: 'r-9' }, { length: 12 });
      return c.body(null, 204);
    });
    expect((await app.request('/change', { method: 'POST' })).status).toBe(204);
    const { items } = await auditStore(t.db).listAudit('team-request', { limit: 10 });
    expect(items.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: new Date(T + 42).toISOString(), actor: { type: 'site-key', id: 'site-1', name: 'Shop' }, action: 'note.added', target: { type: 'response', id: 'r-9' }, detail: { length: 12 } },
    ]);
  });

  it('a hand-edited row is an error naming the table and column, never a wrong entry', async () => {
    await t.db.run(
      "INSERT INTO audit_log (id, team_id, at, actor_type, actor_id, actor_name, action, detail) VALUES (?, 'team-broken', ?, 'robot', NULL, 'x', 'team.changed', 'not json')",
      [UUID, T],
    );
    const error = await auditStore(t.db).listAudit('team-broken', { limit: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RowShapeError);
    expect(error).toMatchObject({ table: 'audit_log', columns: expect.arrayContaining(['actor_type', 'detail']) });
  });
});
