import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Auth } from './auth/auth.ts';
import { SESSION_MAX_SECONDS } from './auth/auth.ts';
import { csrfRefusal } from './http/csrf.ts';
import type { createBackoff } from './http/failure-backoff.ts';
import { allows, type Authorize, type Principal, type PrincipalEnv } from './http/principal.ts';
import { problem } from './http/problem.ts';
import { bearerToken, siteKeyPrincipal, type Site } from './sites/index.ts';
import type { TeamsStore } from './teams/store.ts';

export interface AuthorizeDeps {
  auth: () => Promise<Auth>;
  teams: Pick<TeamsStore, 'teamsOf'>;
  teamSiteIds: (teamId: string) => Promise<string[]>;
  /** An API token (`sk_…` from `POST /v1/tokens`) → its team and scope. */
  tokenBySecret: (secret: string) => Promise<{ id: string; teamId: string; name: string; scope: 'read' | 'write' } | undefined>;
  /** A v1 site secret → its site (and team). */
  siteBySecret: (secret: string) => Promise<Site | undefined>;
  /** Wrong bearer tokens per client address. */
  authFailures: ReturnType<typeof createBackoff>;
  trusted: () => readonly string[];
  now: () => number;
}

/**
 * Authorisation in one place (SPEC §9). Every admin route mounts `authorize(least)`: it works out
 * who is asking — an `Authorization: Bearer sk_…` (an API token, else a v1 site secret) or the
 * session cookie — puts that {@link Principal} in the context, and answers 401 for nobody, 403
 * for a role below `least` or a cookie-authenticated change that fails the CSRF check.
 */
export function createAuthorize(deps: AuthorizeDeps): Authorize {
  const resolved = new WeakMap<Request, Promise<Principal | Response>>();
  const resolve = (c: Context<PrincipalEnv>) => {
    let found = resolved.get(c.req.raw);
    if (!found) resolved.set(c.req.raw, (found = principalOf(c)));
    return found;
  };

  async function principalOf(c: Context<PrincipalEnv>): Promise<Principal | Response> {
    const header = c.req.header('authorization');
    if (header !== undefined) return bearerPrincipal(c, header);
    const auth = await deps.auth();
    const found = await auth.api.getSession({ headers: c.req.raw.headers, returnHeaders: true });
    // A refreshed session (sliding idle expiry) comes with a new cookie.
    for (const cookie of found.headers?.getSetCookie() ?? []) c.header('set-cookie', cookie, { append: true });
    const session = found.response;
    if (!session) return problem(c, 401, 'unauthorized', 'sign in, or send Authorization: Bearer sk_… with an API token');
    if (session.session.createdAt.getTime() + SESSION_MAX_SECONDS * 1000 <= deps.now()) {
      await (await auth.$context).internalAdapter.deleteSession(session.session.token);
      return problem(c, 401, 'session_expired', 'this session is over a week old: sign in again');
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const refused = csrfRefusal(c, deps.trusted());
      if (refused) return refused;
    }
    const teams = await deps.teams.teamsOf(session.user.id);
    const active = (session.session as { activeTeamId?: string | null }).activeTeamId;
    const team = teams.find((candidate) => candidate.id === active) ?? teams[0];
    if (!team) return problem(c, 403, 'no_team', 'you are not a member of any team: ask an admin for an invitation');
    return {
      teamId: team.id,
      role: team.role,
      siteIds: await deps.teamSiteIds(team.id),
      actor: { type: 'member', id: session.user.id, name: session.user.name || session.user.email },
      userId: session.user.id,
      via: 'session',
      sessionId: session.session.id,
    };
  }

  async function bearerPrincipal(c: Context<PrincipalEnv>, header: string): Promise<Principal | Response> {
    const ip = c.get('ip');
    const wait = deps.authFailures.wait(ip);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate_limited', `too many wrong tokens from this address; try again in ${wait} s`);
    }
    const secret = bearerToken(header);
    if (secret?.startsWith('sk_')) {
      const token = await deps.tokenBySecret(secret);
      if (token) {
        const siteIds = await deps.teamSiteIds(token.teamId);
        return { teamId: token.teamId, role: token.scope === 'write' ? 'member' : 'viewer', siteIds, actor: { type: 'token', id: token.id, name: token.name }, userId: null, via: 'token' };
      }
      const site = await deps.siteBySecret(secret);
      if (site) return siteKeyPrincipal(site);
    }
    deps.authFailures.fail(ip);
    return problem(c, 401, 'unauthorized', 'send Authorization: Bearer sk_… with an API token or the site’s secret key');
  }

  return (least) =>
    createMiddleware<PrincipalEnv>(async (c, next) => {
      const principal = await resolve(c);
      if (principal instanceof Response) return principal;
      if (!allows(principal.role, least)) return problem(c, 403, 'forbidden', `this needs the ${least} role; ${principal.via === 'session' ? 'you are' : 'this token is'} ${principal.role} in this team`);
      c.set('principal', principal);
      return next();
    });
}
