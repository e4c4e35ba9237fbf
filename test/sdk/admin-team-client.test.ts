import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient, HttpError, InvalidAnswerError, InvalidInputError } from '../../sdk/index.ts';
import { failure } from '../helpers/failure.ts';
import { startScriptedServer, type Reply } from '../helpers/scripted-server.ts';
import { makeAuditEntry, makeInvitation, makeMe, makeMember, makeToken } from '../helpers/team-fixtures.ts';

// The team and sign-in methods of the admin client against a real HTTP server on loopback:
// what goes out (method, path, body, headers) and how each answer is read.
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

const line = (request: { method: string; url: string }) => `${request.method} ${request.url}`;

describe('admin client: team, members, invitations, tokens, audit', () => {
  it('each method’s route, method and body; answers parsed', async () => {
    const me = makeMe();
    const member = makeMember();
    const invitation = makeInvitation();
    const token = makeToken();
    const server = await serve([
      { body: me },
      { status: 204 },
      { body: makeMe({ team: { ...me.team, id: 'team-2', name: 'Beta' } }) },
      { body: me.team },
      { body: { ...me.team, slaDays: 3 } },
      { body: { items: [member] } },
      { body: { ...member, role: 'viewer' } },
      { status: 204 },
      { body: { link: 'http://c/reset-password?token=r', expiresAt: '2026-11-21T09:00:00.000Z' } },
      { body: { items: [invitation] } },
      { status: 201, body: { invitation, link: 'http://c/invite?token=i' } },
      { status: 204 },
      { body: { email: 'new@team.example', teamName: 'Acme support', role: 'viewer', needsPassword: true, expiresAt: '2026-11-21T09:00:00.000Z' } },
      { body: { email: 'new@team.example', teamId: 'team-1' } },
      { body: { items: [token] } },
      { status: 201, body: { token, secret: 'sk_new' } },
      { status: 204 },
      { body: { items: [makeAuditEntry()], nextCursor: 'c2' } },
    ]);
    const admin = createAdminClient({ endpoint: server.url, token: 'sk_admin' });
    expect(await admin.me()).toEqual(me);
    expect((await admin.switchTeam('team-2')).team.name).toBe('Beta');
    expect(await admin.team()).toEqual(me.team);
    expect((await admin.updateTeam({ slaDays: 3 })).slaDays).toBe(3);
    expect(await admin.members()).toEqual([member]);
    expect((await admin.updateMember('user 2', { role: 'viewer' })).role).toBe('viewer');
    expect(await admin.removeMember('user-2')).toBeUndefined();
    expect((await admin.resetLink('user-2')).link).toContain('reset-password');
    expect(await admin.invitations()).toEqual([invitation]);
    expect((await admin.invite({ email: 'new@team.example', role: 'viewer' })).link).toBe('http://c/invite?token=i');
    expect(await admin.revokeInvitation('inv-1')).toBeUndefined();
    expect((await admin.lookupInvitation('t&k')).needsPassword).toBe(true);
    expect(await admin.acceptInvitation({ token: 'tk', name: 'Nia', password: 'a long passphrase' })).toEqual({ email: 'new@team.example', teamId: 'team-1' });
    expect(await admin.tokens()).toEqual([token]);
    expect((await admin.createToken({ name: 'Zapier', scope: 'read' })).secret).toBe('sk_new');
    expect(await admin.revokeToken('tok-1')).toBeUndefined();
    expect((await admin.audit({ cursor: 'c1', limit: 50, action: 'token.created' })).nextCursor).toBe('c2');
    expect(server.received.map(line)).toEqual([
      'GET /v1/me',
      'POST /v1/me/team',
      'GET /v1/me',
      'GET /v1/team',
      'PATCH /v1/team',
      'GET /v1/members',
      'PATCH /v1/members/user%202',
      'DELETE /v1/members/user-2',
      'POST /v1/members/user-2/reset-link',
      'GET /v1/invitations',
      'POST /v1/invitations',
      'DELETE /v1/invitations/inv-1',
      'GET /v1/invitations/lookup?token=t%26k',
      'POST /v1/invitations/accept',
      'GET /v1/tokens',
      'POST /v1/tokens',
      'DELETE /v1/tokens/tok-1',
      'GET /v1/audit?cursor=c1&limit=50&action=token.created',
    ]);
    const bodies = server.received.filter((request) => request.body).map((request) => JSON.parse(request.body));
    expect(bodies).toEqual([
      { teamId: 'team-2' },
      { slaDays: 3 },
      { role: 'viewer' },
      { email: 'new@team.example', role: 'viewer' },
      { token: 'tk', name: 'Nia', password: 'a long passphrase' },
      { name: 'Zapier', scope: 'read' },
    ]);
    expect(server.received.every((request) => request.headers.authorization === 'Bearer sk_admin')).toBe(true);
    // A token is not a cookie: no CSRF header needed, none sent.
    expect(server.received.some((request) => request.headers['x-onepoint-csrf'])).toBe(false);
  });

  it('InvalidInputError naming the field, before any request', async () => {
    const server = await serve([{ body: {} }]);
    const admin = createAdminClient({ endpoint: server.url });
    const cases: [Promise<unknown>, string][] = [
      [admin.invite({ email: 'not-an-email', role: 'viewer' }), 'email'],
      [admin.invite({ email: 'a@b.example', role: 'owner' as 'admin' }), 'role'],
      [admin.updateMember('u', { role: 'boss' as 'admin' }), 'role'],
      [admin.updateMember('', { role: 'viewer' }), '(root)'],
      [admin.createToken({ name: '', scope: 'read' }), 'name'],
      [admin.createToken({ name: 'x', scope: 'admin' as 'read' }), 'scope'],
      [admin.audit({ limit: 0 }), 'limit'],
      [admin.updateTeam({}), '(root)'],
      [admin.lookupInvitation(''), '(root)'],
      [admin.signIn({ email: 'ada', password: 'x' }), 'email'],
      [admin.signIn({ email: 'ada@team.example', password: '' }), 'password'],
      [admin.resetPassword({ token: '', newPassword: 'long enough password' }), 'token'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error, path).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(server.received).toEqual([]);
  });

  it('an answer off-contract is an InvalidAnswerError naming the field', async () => {
    const server = await serve([{ body: { items: [{ ...makeMember(), role: 'owner' }] } }]);
    const error = await failure(createAdminClient({ endpoint: server.url }).members());
    expect(error).toBeInstanceOf(InvalidAnswerError);
    expect((error as InvalidAnswerError).issues.map((issue) => issue.path)).toEqual(['items.0.role']);
  });
});

describe('admin client: better-auth’s sign-in, in cookie mode', () => {
  it('sign-in, sign-out, everywhere, change and reset password: routes and bodies, every change with X-Onepoint-Csrf, reads with none', async () => {
    const server = await serve([
      { body: { redirect: false, token: 'ignored', user: { id: 'u1', email: 'ada@team.example', name: 'Ada', emailVerified: true } } },
      { body: makeMe() },
      { body: { success: true } },
      { body: { status: true } },
      { body: { token: null, user: {} } },
      { body: { status: true, message: 'If this email exists…' } },
      { body: { status: true } },
    ]);
    const admin = createAdminClient({ endpoint: server.url });
    expect(await admin.signIn({ email: 'ada@team.example', password: 'correct horse battery' })).toEqual({ user: { id: 'u1', email: 'ada@team.example', name: 'Ada' } });
    await admin.me();
    await admin.signOut();
    await admin.signOutEverywhere();
    await admin.changePassword({ currentPassword: 'old one', newPassword: 'a new long passphrase' });
    await admin.requestPasswordReset({ email: 'ada@team.example' });
    await admin.resetPassword({ token: 'rt', newPassword: 'a new long passphrase' });
    expect(server.received.map(line)).toEqual([
      'POST /api/auth/sign-in/email',
      'GET /v1/me',
      'POST /api/auth/sign-out',
      'POST /api/auth/revoke-sessions',
      'POST /api/auth/change-password',
      'POST /api/auth/request-password-reset',
      'POST /api/auth/reset-password',
    ]);
    expect(server.received.map((request) => request.headers['x-onepoint-csrf'] ?? null)).toEqual(['1', null, '1', '1', '1', '1', '1']);
    expect(server.received.every((request) => request.headers.authorization === undefined)).toBe(true);
    expect(server.received.map((request) => request.body && JSON.parse(request.body))).toEqual([
      { email: 'ada@team.example', password: 'correct horse battery' },
      '',
      {},
      {},
      { currentPassword: 'old one', newPassword: 'a new long passphrase', revokeOtherSessions: true },
      { email: 'ada@team.example', redirectTo: '/reset-password' },
      { token: 'rt', newPassword: 'a new long passphrase' },
    ]);
  });

  it('wrong credentials: HttpError 401 with the collector’s error body; throttled: 429 with the wait from Retry-After', async () => {
    const server = await serve([
      { status: 401, body: { error: { code: 'invalid_email_or_password', message: 'Invalid email or password' } } },
      { status: 429, headers: { 'retry-after': '42' }, body: { error: { code: 'rate_limited', message: 'too many sign-ins' } } },
      { status: 400, body: { error: { code: 'password_too_short', message: 'the password must be at least 12 characters' } } },
    ]);
    const admin = createAdminClient({ endpoint: server.url });
    const wrong = await failure(admin.signIn({ email: 'ada@team.example', password: 'nope' }));
    expect(wrong).toBeInstanceOf(HttpError);
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_email_or_password', message: 'Invalid email or password' } } });
    expect(await failure(admin.signIn({ email: 'ada@team.example', password: 'nope' }))).toMatchObject({ status: 429, retryAfterMs: 42_000, retryable: true });
    expect(await failure(admin.resetPassword({ token: 'rt', newPassword: 'short' }))).toMatchObject({ status: 400, body: { error: { code: 'password_too_short' } } });
  });
});
