import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountsSetup } from '../../server/accounts.ts';
import { appHeaders, GOOD_PASSWORD, person, sessionCookie, signIn, teamWithSite, testAccounts, tokenOf, type Person } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

describe.each(ENGINES)('teams, members, invitations and links on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  const clock = { offset: 0 };
  let collector: TestCollector;
  let people: AccountsSetup;
  let teamId: string;
  let admin: Person;
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const accept = (body: unknown) => fetch(`${collector.url}/v1/invitations/accept`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify(body) });
  const auditActions = async () => ((await (await admin.fetch('/v1/audit?limit=500')).json()) as { items: { action: string; actor: { name: string }; target: { id: string } | null; detail: Record<string, unknown> }[] }).items;

  beforeAll(async () => {
    collector = await startTestCollector(name, { now: () => Date.now() + clock.offset });
    people = await testAccounts(collector);
    teamId = await teamWithSite(collector);
    admin = await person(collector, people, { email: 'ada@example.com', teamId, role: 'admin' });
  });
  afterAll(() => collector.dispose());
  afterEach(() => {
    clock.offset = 0;
    vi.useRealTimers();
  });

  it('invites by a single-use link: lookup, a refused password keeps the link, then join, sign in, and never again', async () => {
    const made = await admin.fetch('/v1/invitations', json({ email: 'Bo@Example.com', role: 'member' }));
    expect(made.status).toBe(201);
    const { invitation, link } = await made.json();
    expect(invitation).toMatchObject({ email: 'bo@example.com', role: 'member' });
    expect(link).toMatch(new RegExp(`^${collector.url}/invite\\?token=`));
    const token = tokenOf(link);
    const lookup = await fetch(`${collector.url}/v1/invitations/lookup?token=${encodeURIComponent(token)}`);
    expect(await lookup.json()).toMatchObject({ email: 'bo@example.com', teamName: 'Shop team', role: 'member', needsPassword: true });
    expect((await (await admin.fetch('/v1/invitations')).json()).items.map((item: { id: string }) => item.id)).toContain(invitation.id);

    const none = await accept({ token });
    expect((await none.json()).error.code).toBe('password_required');
    const common = await accept({ token, password: 'qwertyuiop123' });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ error: { code: 'password_too_common', issues: [{ path: 'password' }] } });
    const joined = await accept({ token, name: 'Bo', password: GOOD_PASSWORD });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toEqual({ email: 'bo@example.com', teamId });
    expect((await signIn(collector, 'bo@example.com', GOOD_PASSWORD)).status).toBe(200);

    const again = await accept({ token, password: 'another fine long password' });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe('invalid_token');
    expect((await fetch(`${collector.url}/v1/invitations/lookup?token=${encodeURIComponent(token)}`)).status).toBe(404);
    const members = (await (await admin.fetch('/v1/members')).json()).items;
    expect(members).toContainEqual(expect.objectContaining({ email: 'bo@example.com', name: 'Bo', role: 'member', active: true }));
  });

  it('an invitation expires after 24 hours and a revoked one is dead (the collector’s clock)', async () => {
    const late = await (await admin.fetch('/v1/invitations', json({ email: 'late@example.com', role: 'viewer' }))).json();
    clock.offset = 24 * 3600 * 1000 + 1000;
    expect((await accept({ token: tokenOf(late.link), password: GOOD_PASSWORD })).status).toBe(404);
    clock.offset = 0;
    const revoked = await (await admin.fetch('/v1/invitations', json({ email: 'rev@example.com', role: 'viewer' }))).json();
    expect((await admin.fetch(`/v1/invitations/${revoked.invitation.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await accept({ token: tokenOf(revoked.link), password: GOOD_PASSWORD })).status).toBe(404);
    expect((await admin.fetch(`/v1/invitations/${revoked.invitation.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('someone with a password already joins another team by invitation without choosing one', async () => {
    const other = await collector.store.resources.teams.createTeam({ name: 'Second team' });
    const boss = await person(collector, people, { email: 'boss@example.com', teamId: other.id, role: 'admin' });
    const made = await (await boss.fetch('/v1/invitations', json({ email: 'ada@example.com', role: 'viewer' }))).json();
    expect((await (await fetch(`${collector.url}/v1/invitations/lookup?token=${encodeURIComponent(tokenOf(made.link))}`)).json()).needsPassword).toBe(false);
    expect((await accept({ token: tokenOf(made.link) })).status).toBe(200);
    // Two teams now: switch, and the role is the one in that team.
    const me = await (await admin.fetch('/v1/me')).json();
    expect(me.teams.map((team: { name: string }) => team.name).sort()).toEqual(['Second team', 'Shop team']);
    expect(me.team.id).toBe(teamId);
    expect((await admin.fetch('/v1/me/team', json({ teamId: other.id }))).status).toBe(204);
    const switched = await (await admin.fetch('/v1/me')).json();
    expect(switched).toMatchObject({ team: { id: other.id }, role: 'viewer', siteIds: [] });
    expect((await admin.fetch('/v1/team', { method: 'PATCH', body: JSON.stringify({ slaDays: 2 }) })).status).toBe(403);
    expect((await admin.fetch('/v1/me/team', json({ teamId: 'not-a-team' }))).status).toBe(404);
    expect((await admin.fetch('/v1/me/team', json({ teamId }))).status).toBe(204);
    expect((await (await admin.fetch('/v1/me')).json()).role).toBe('admin');
  });

  it('a reset link works once, within a day, and signs the person out everywhere', async () => {
    const cam = await person(collector, people, { email: 'cam@example.com', teamId, role: 'member' });
    const made = await admin.fetch(`/v1/members/${cam.userId}/reset-link`, { method: 'POST', body: '{}' });
    expect(made.status).toBe(201);
    const { link } = await made.json();
    expect(link).toMatch(new RegExp(`^${collector.url}/reset-password\\?token=`));
    const reset = (token: string, newPassword: string) => fetch(`${collector.url}/api/auth/reset-password`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify({ token, newPassword }) });
    expect((await reset(tokenOf(link), 'a brand new long phrase')).status).toBe(200);
    expect((await cam.fetch('/v1/me')).status).toBe(401);
    const reused = await reset(tokenOf(link), 'yet another long phrase');
    expect(reused.status).toBe(400);
    expect((await reused.json()).error.code).toBe('invalid_token');
    expect((await signIn(collector, cam.email, 'a brand new long phrase')).status).toBe(200);

    const expiring = (await (await admin.fetch(`/v1/members/${cam.userId}/reset-link`, { method: 'POST', body: '{}' })).json()).link;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 24 * 3600 * 1000 + 1000 });
    expect((await reset(tokenOf(expiring), 'too late for this phrase')).status).toBe(400);
  });

  it('roles: only admins change the team, members and invitations; the last admin stays', async () => {
    const viewer = await person(collector, people, { email: 'vi@example.com', teamId, role: 'viewer' });
    const member = await person(collector, people, { email: 'mo@example.com', teamId, role: 'member' });
    for (const who of [viewer, member]) {
      expect((await who.fetch('/v1/members')).status).toBe(200);
      expect((await who.fetch('/v1/team', { method: 'PATCH', body: JSON.stringify({ name: 'x' }) })).status).toBe(403);
      expect((await who.fetch('/v1/invitations', json({ email: 'z@example.com', role: 'admin' }))).status).toBe(403);
      expect((await who.fetch(`/v1/members/${admin.userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(403);
      expect((await who.fetch('/v1/tokens')).status).toBe(403);
      expect((await who.fetch('/v1/audit')).status).toBe(403);
    }
    const demoteLast = await admin.fetch(`/v1/members/${admin.userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'member' }) });
    expect(demoteLast.status).toBe(409);
    expect((await demoteLast.json()).error.code).toBe('last_admin');
    expect((await admin.fetch(`/v1/members/${admin.userId}`, { method: 'DELETE' })).status).toBe(409);
    const promoted = await admin.fetch(`/v1/members/${member.userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) });
    expect(await promoted.json()).toMatchObject({ role: 'admin', email: 'mo@example.com' });
    expect((await member.fetch('/v1/tokens')).status).toBe(200); // the role counts from the next request
    expect((await admin.fetch(`/v1/members/${viewer.userId}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await viewer.fetch('/v1/me');
    expect(gone.status).toBe(403);
    expect((await gone.json()).error.code).toBe('no_team');
    const bad = await admin.fetch(`/v1/members/${member.userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'owner' }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('role');
  });

  it('API tokens: read lists responses, cannot change; write follows up; revoked is 401; shown once, stored hashed', async () => {
    const read = await (await admin.fetch('/v1/tokens', json({ name: 'BI export', scope: 'read' }))).json();
    const write = await (await admin.fetch('/v1/tokens', json({ name: 'CRM sync', scope: 'write' }))).json();
    expect(read.secret).toMatch(/^sk_/);
    const rows = await collector.store.db.all('SELECT token_hash FROM api_tokens');
    expect(JSON.stringify(rows)).not.toContain(read.secret);
    expect(JSON.stringify(await (await admin.fetch('/v1/tokens')).json())).not.toContain(read.secret);
    const bearer = (secret: string, path: string, init: RequestInit = {}) => fetch(`${collector.url}${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' } });
    expect((await bearer(read.secret, '/v1/responses')).status).toBe(200);
    const me = await (await bearer(read.secret, '/v1/me')).json();
    expect(me).toMatchObject({ actor: { type: 'token', name: 'BI export' }, role: 'viewer', user: null });
    expect((await bearer(read.secret, '/v1/team', { method: 'PATCH', body: JSON.stringify({ slaDays: 3 }) })).status).toBe(403);
    expect((await bearer(write.secret, '/v1/me')).status).toBe(200);
    expect((await (await bearer(write.secret, '/v1/me')).json()).role).toBe('member');
    expect((await bearer(write.secret, '/v1/tokens')).status).toBe(403); // tokens never manage tokens
    expect((await admin.fetch(`/v1/tokens/${read.token.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await bearer(read.secret, '/v1/responses')).status).toBe(401);
    // A v1 site secret still opens its own site.
    expect((await bearer(collector.site.secretKey, '/v1/responses')).status).toBe(200);
    expect((await (await bearer(collector.site.secretKey, '/v1/me')).json()).actor).toMatchObject({ type: 'site-key', id: collector.site.id });
    expect((await bearer(collector.site.secretKey, '/v1/team', { method: 'PATCH', body: JSON.stringify({ slaDays: 3 }) })).status).toBe(403);
  });

  it('records follow-up changes, notes and exports in the audit log under their author', async () => {
    const response = { id: crypto.randomUUID(), siteKey: collector.site.publicKey, surveyId: 'nps', seq: 1, score: 4, status: 'partial', anonymousId: 'audited', context: { url: 'https://shop.example/', locale: 'en', createdAt: new Date().toISOString() } };
    expect((await collector.post(response)).status).toBe(200);
    const changed = await admin.fetch(`/v1/responses/${response.id}/follow-up`, { method: 'PATCH', body: JSON.stringify({ status: 'contacted', ownerId: admin.userId, note: 'Called, will fix the export' }) });
    expect(changed.status).toBe(200);
    const detail = await changed.json();
    expect(detail.timeline.filter((entry: { kind: string }) => entry.kind !== 'created').every((entry: { author: string }) => entry.author === 'ada')).toBe(true);
    expect((await admin.fetch('/v1/responses.csv?segment=detractor')).status).toBe(200);
    const entries = await auditActions();
    expect(entries.find((entry) => entry.action === 'follow_up.changed')).toMatchObject({ actor: { name: 'ada' }, target: { id: response.id }, detail: { status: 'contacted', ownerId: admin.userId } });
    expect(entries.find((entry) => entry.action === 'note.added')).toMatchObject({ target: { id: response.id } });
    expect(entries.find((entry) => entry.action === 'responses.exported')).toMatchObject({ actor: { name: 'ada' }, detail: { segment: 'detractor' } });
  });

  it('writes the audit log with the author of each change', async () => {
    const actions = await auditActions();
    const kinds = new Set(actions.map((entry) => entry.action));
    for (const action of ['member.invited', 'invitation.revoked', 'member.reset_link', 'member.role_changed', 'member.removed', 'token.created', 'token.revoked']) expect(kinds, action).toContain(action);
    expect(actions.find((entry) => entry.action === 'member.role_changed')).toMatchObject({ actor: { name: expect.any(String) }, detail: { from: 'member', to: 'admin' } });
    expect(actions.every((entry) => entry.actor.name.length > 0)).toBe(true);
  });

  it('mails the links too: the invitation to the invitee, a reset to its member, nothing for an unknown address', async () => {
    const outbox = async () => ((await (await admin.fetch('/v1/outbox?limit=200')).json()) as { items: { to: string; subject: string; text: string; state: string }[] }).items;
    const made = await (await admin.fetch('/v1/invitations', json({ email: 'mailed@example.com', role: 'viewer' }))).json();
    const invitation = (await outbox()).find((mail) => mail.to === 'mailed@example.com');
    expect(invitation).toMatchObject({ subject: 'Join Shop team on onepoint', state: expect.stringMatching(/queued|kept/) });
    expect(invitation?.text).toContain(made.link);
    const reset = (email: string) => fetch(`${collector.url}/api/auth/request-password-reset`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify({ email, redirectTo: '/reset-password' }) });
    const known = await reset(admin.email);
    const unknown = await reset('nobody-here@example.com');
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json()); // the same neutral answer
    const mails = await outbox();
    expect(mails.find((mail) => mail.to === admin.email && mail.subject === 'Choose your onepoint password')?.text).toMatch(new RegExp(`${collector.url}/reset-password\\?token=`));
    expect(mails.some((mail) => mail.to === 'nobody-here@example.com')).toBe(false);
  });

  it('a session cookie from one collector’s secret is nothing to another secret (signed cookies)', async () => {
    const cookie = sessionCookie(await signIn(collector, admin.email, GOOD_PASSWORD)) ?? '';
    const [name, value = ''] = cookie.split('=');
    const tampered = `${name}=${value.replace(/\.[^.]+$/, '.forged')}`;
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: tampered } })).status).toBe(401);
  });
});
