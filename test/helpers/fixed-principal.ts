import { createMiddleware } from 'hono/factory';
import { allows, type Authorize, type Principal, type PrincipalEnv } from '../../server/http/principal.ts';
import { problem } from '../../server/http/problem.ts';

/**
 * A test's stand-in for the collector's `authorize`: every admin request acts as whatever
 * `principal()` answers now (a team's member, a token, nobody), 401 for nobody and 403 below the
 * route's role, exactly as the contract says; no cookies or tokens to mint.
 */
export function fixedAuthorize(principal: () => Principal | undefined): Authorize {
  return (least) =>
    createMiddleware<PrincipalEnv>(async (c, next) => {
      const who = principal();
      if (!who) return problem(c, 401, 'unauthorized', 'no principal');
      if (!allows(who.role, least)) return problem(c, 403, 'forbidden', `needs ${least}`);
      c.set('principal', who);
      return next();
    });
}
