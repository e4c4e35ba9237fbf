import { createMiddleware } from 'hono/factory';
import type { HttpDeps } from '../http/context.ts';
import { allows, type Authorize, type Principal, type PrincipalEnv } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { bearerToken } from './bearer-token.ts';
import type { Site } from './site.ts';
import type { SitesStore } from './store.ts';

/** What a v1 site secret key may do: follow up on its own site's responses, as a member would (SPEC §9). */
export const SITE_KEY_ROLE = 'member';

/** The principal a v1 site secret key acts as: its team, a member's role, its own site only. */
export function siteKeyPrincipal(site: Site): Principal {
  return { teamId: site.teamId, role: SITE_KEY_ROLE, siteIds: [site.id], actor: { type: 'site-key', id: site.id, name: site.name }, userId: null, via: 'site-key' };
}

/**
 * The v1 way in: `Authorization: Bearer sk_…` of a site → {@link siteKeyPrincipal}; 401 without
 * it, 403 for a route that needs more than a member. Wrong keys from one address back off hard
 * (429 with a growing `Retry-After`, answered before the store is asked), so keys cannot be
 * guessed at the speed of the network.
 */
export function authorizeSiteKey(deps: Pick<HttpDeps, 'authFailures'> & { sites: Pick<SitesStore, 'siteBySecret'> }): Authorize {
  return (least) =>
    createMiddleware<PrincipalEnv>(async (c, next) => {
      const ip = c.get('ip');
      const wait = deps.authFailures.wait(ip);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return problem(c, 429, 'rate_limited', `too many wrong secret keys from this address; try again in ${wait} s`);
      }
      const header = c.req.header('authorization');
      const token = bearerToken(header);
      const site = token?.startsWith('sk_') ? await deps.sites.siteBySecret(token) : undefined;
      if (!site) {
        // A request without credentials costs no lookup; every credential that fails counts.
        if (header) deps.authFailures.fail(ip);
        return problem(c, 401, 'unauthorized', 'send Authorization: Bearer sk_… with this site’s secret key');
      }
      if (!allows(SITE_KEY_ROLE, least)) return problem(c, 403, 'forbidden', `a site’s secret key may do what a member may; this needs ${least}`);
      c.set('principal', siteKeyPrincipal(site));
      return next();
    });
}
