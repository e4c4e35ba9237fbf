import type { Hono } from 'hono';
import { invitationAcceptSchema, invitationCreateSchema, memberChangeSchema, switchTeamSchema, teamChangeSchema } from '../../sdk/index.ts';
import { csrfRefusal } from '../http/csrf.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { Accounts } from './accounts.ts';
import { LastAdminError, type TeamsStore } from './store.ts';

export interface TeamRouteDeps {
  teams: TeamsStore;
  /** Made on first use (better-auth starts with the first request). */
  accounts: () => Promise<Accounts>;
  authorize: Authorize;
  audit: Audit;
  /** The session's team from now on (`POST /v1/me/team`). */
  setActiveTeam: (sessionId: string, teamId: string) => Promise<void>;
  trusted: () => readonly string[];
  /** The invitation links a client address may try (guessing them is throttled like sign-in). */
  linkFailures: { wait(key: string): number; fail(key: string): number };
}

/**
 * The team (SPEC §9): who is asking (`/v1/me`), switching team, the team's settings, members and
 * roles, invitations and the password links admins hand over; and, without a principal, the
 * invitation link's own two routes.
 */
export function teamRoutes(app: Hono<AppEnv>, deps: TeamRouteDeps) {
  const { teams, authorize, audit } = deps;

  app.get('/v1/me', authorize('viewer'), async (c) => {
    const principal = c.get('principal');
    const team = await teams.team(principal.teamId);
    if (!team) return problem(c, 404, 'not_found', 'this team no longer exists');
    const user = principal.userId ? await (await deps.accounts()).user(principal.userId) : undefined;
    const others = principal.userId ? await teams.teamsOf(principal.userId) : [{ id: team.id, name: team.name, role: principal.role }];
    return c.json({ actor: principal.actor, user: user ? { id: user.id, name: user.name, email: user.email } : null, team, role: principal.role, teams: others, siteIds: [...principal.siteIds] });
  });

  app.post('/v1/me/team', authorize('viewer'), async (c) => {
    const principal = c.get('principal');
    if (!principal.sessionId || !principal.userId) return problem(c, 403, 'forbidden', 'only a signed-in member switches teams; a token belongs to one');
    const parsed = await body(c, switchTeamSchema);
    if (!parsed.ok) return parsed.answer;
    if (!(await teams.roleOf(parsed.value.teamId, principal.userId))) return problem(c, 404, 'not_found', 'you are not a member of that team');
    await deps.setActiveTeam(principal.sessionId, parsed.value.teamId);
    return c.body(null, 204);
  });

  app.get('/v1/team', authorize('viewer'), async (c) => {
    const team = await teams.team(c.get('principal').teamId);
    return team ? c.json(team) : problem(c, 404, 'not_found', 'this team no longer exists');
  });

  app.patch('/v1/team', authorize('admin'), async (c) => {
    const parsed = await body(c, teamChangeSchema);
    if (!parsed.ok) return parsed.answer;
    const team = await teams.updateTeam(c.get('principal').teamId, parsed.value);
    if (!team) return problem(c, 404, 'not_found', 'this team no longer exists');
    await audit(c, 'team.changed', { type: 'team', id: team.id }, { ...parsed.value });
    return c.json(team);
  });

  app.get('/v1/members', authorize('viewer'), async (c) => c.json({ items: await teams.listMembers(c.get('principal').teamId) }));

  app.patch('/v1/members/:userId', authorize('admin'), async (c) => {
    const parsed = await body(c, memberChangeSchema);
    if (!parsed.ok) return parsed.answer;
    const { teamId } = c.get('principal');
    const userId = c.req.param('userId');
    try {
      const before = await teams.setRole(teamId, userId, parsed.value.role);
      if (!before) return problem(c, 404, 'not_found', 'no member with this id in this team');
      if (before !== parsed.value.role) await audit(c, 'member.role_changed', { type: 'member', id: userId }, { from: before, to: parsed.value.role });
    } catch (error) {
      if (error instanceof LastAdminError) return problem(c, 409, 'last_admin', error.message);
      throw error;
    }
    const member = await teams.member(teamId, userId);
    return member ? c.json(member) : problem(c, 404, 'not_found', 'no member with this id in this team');
  });

  app.delete('/v1/members/:userId', authorize('admin'), async (c) => {
    const userId = c.req.param('userId');
    try {
      if (!(await teams.removeMember(c.get('principal').teamId, userId))) return problem(c, 404, 'not_found', 'no member with this id in this team');
    } catch (error) {
      if (error instanceof LastAdminError) return problem(c, 409, 'last_admin', error.message);
      throw error;
    }
    await audit(c, 'member.removed', { type: 'member', id: userId });
    return c.body(null, 204);
  });

  app.post('/v1/members/:userId/reset-link', authorize('admin'), async (c) => {
    const userId = c.req.param('userId');
    if (!(await teams.roleOf(c.get('principal').teamId, userId))) return problem(c, 404, 'not_found', 'no member with this id in this team');
    const made = await (await deps.accounts()).resetLink(userId);
    if (!made) return problem(c, 404, 'not_found', 'no member with this id in this team');
    await audit(c, 'member.reset_link', { type: 'member', id: userId });
    return c.json(made, 201);
  });

  app.get('/v1/invitations', authorize('admin'), async (c) => c.json({ items: await teams.listInvitations(c.get('principal').teamId) }));

  app.post('/v1/invitations', authorize('admin'), async (c) => {
    const parsed = await body(c, invitationCreateSchema);
    if (!parsed.ok) return parsed.answer;
    const principal = c.get('principal');
    const made = await (await deps.accounts()).invite({ teamId: principal.teamId, email: parsed.value.email, role: parsed.value.role, invitedBy: principal.actor.name });
    await audit(c, 'member.invited', { type: 'invitation', id: made.invitation.id }, { email: made.invitation.email, role: made.invitation.role });
    return c.json(made, 201);
  });

  app.delete('/v1/invitations/:id', authorize('admin'), async (c) => {
    const id = c.req.param('id');
    if (!(await teams.revokeInvitation(c.get('principal').teamId, id))) return problem(c, 404, 'not_found', 'no open invitation with this id in this team');
    await audit(c, 'invitation.revoked', { type: 'invitation', id });
    return c.body(null, 204);
  });

  // The invitation link itself: no principal yet. Wrong tokens count like wrong passwords.
  app.get('/v1/invitations/lookup', async (c) => {
    const token = c.req.query('token');
    if (!token) return problem(c, 400, 'invalid_query', 'send ?token= from the invitation link', [{ path: 'token', message: 'is required' }]);
    const wait = deps.linkFailures.wait(c.get('ip'));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate_limited', `too many wrong links from this address; try again in ${wait} s`);
    }
    const found = await (await deps.accounts()).lookup(token);
    if (!found) {
      deps.linkFailures.fail(c.get('ip'));
      return problem(c, 404, 'invalid_token', 'this invitation link is not valid any more: it was used, revoked or is over 24 hours old; ask for a new one');
    }
    return c.json(found);
  });

  app.post('/v1/invitations/accept', async (c) => {
    const refused = csrfRefusal(c, deps.trusted());
    if (refused) return refused;
    const wait = deps.linkFailures.wait(c.get('ip'));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate_limited', `too many wrong links from this address; try again in ${wait} s`);
    }
    const parsed = await body(c, invitationAcceptSchema);
    if (!parsed.ok) return parsed.answer;
    const result = await (await deps.accounts()).accept(parsed.value);
    if (result.ok) return c.json({ email: result.email, teamId: result.teamId });
    const { code, message } = result.problem;
    if (code === 'invalid_token') {
      deps.linkFailures.fail(c.get('ip'));
      return problem(c, 404, code, message);
    }
    return problem(c, 400, code, code === 'password_required' ? message : `the password ${message}`, [{ path: 'password', message }]);
  });
}

type Parsed<T> = { ok: true; value: T } | { ok: false; answer: Response };

/** The JSON body, checked by `schema`: a 400 naming each bad field otherwise. */
async function body<S extends Parameters<typeof check>[0]>(c: Parameters<typeof readJson>[0], schema: S): Promise<Parsed<ReturnType<typeof check<S>> extends { ok: true; value: infer V } | { ok: false } ? V : never>> {
  const json = await readJson(c);
  if (!json.ok) return { ok: false, answer: json.reason === 'media-type' ? problem(c, 415, 'unsupported_media_type', 'send the body as application/json') : problem(c, 400, 'invalid_json', 'the body is not valid JSON') };
  const parsed = check(schema, json.value);
  if (!parsed.ok) return { ok: false, answer: problem(c, 400, 'invalid_body', 'the body is not valid', parsed.issues) };
  return { ok: true, value: parsed.value };
}
