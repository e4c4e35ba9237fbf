import { createMiddleware } from 'hono/factory';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import type { Site } from './site.ts';
import type { SitesStore } from './store.ts';

/** What an admin route sees: the site its secret key opened. */
export type AdminEnv = AppEnv & { Variables: AppEnv['Variables'] & { site: Site } };

/**
 * The token of an `Authorization: Bearer …` header. The scheme is case-insensitive (RFC 9110
 * §11.1), so `bearer` and `BEARER` are the same scheme.
 * @example bearerToken('bearer sk_abc') // 'sk_abc'
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^bearer +([\w.~+/-]+=*) *$/i.exec(header ?? '')?.[1];
}

/**
 * `Authorization: Bearer sk_…` → the key's site. Wrong keys from one address back off hard
 * (429 with a growing `Retry-After`, answered before the store is asked), so keys cannot be
 * guessed at the speed of the network.
 */
export function requireSecretKey(deps: Pick<HttpDeps, 'authFailures'> & { sites: Pick<SitesStore, 'siteBySecret'> }) {
  return createMiddleware<AdminEnv>(async (c, next) => {
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
    c.set('site', site);
    return next();
  });
}
