import type { Role } from '../../sdk/index.ts';
import { allows, type Authorize, type Principal } from '../../server/http/principal.ts';
import { problem } from '../../server/http/problem.ts';

/**
 * An {@link Authorize} for route tests: the request acts as whatever `current()` returns at that
 * moment (none: 401), and a role below the route's is 403, as the real guard answers. Tests switch
 * who is asking by changing what `current` returns.
 */
export function fixedPrincipal(current: () => Principal | undefined): Authorize {
  return (least) => async (c, next) => {
    const principal = current();
    if (!principal) return problem(c, 401, 'unauthorized', 'sign in or send an API token');
    if (!allows(principal.role, least)) return problem(c, 403, 'forbidden', `needs the ${least} role; this is a ${principal.role}`);
    c.set('principal', principal);
    await next();
  };
}

/** A signed-in member of `teamId` with `role`, reading `siteIds`. */
export function memberPrincipal(teamId: string, role: Role, user: { id: string; name: string } = { id: `user-${role}`, name: `The ${role}` }, siteIds: string[] = []): Principal {
  return { teamId, role, siteIds, actor: { type: 'member', id: user.id, name: user.name }, userId: user.id, via: 'session' };
}
