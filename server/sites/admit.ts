import type { Context } from 'hono';
import { allowOrigin, originAllowed } from '../http/cors.ts';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import type { Site } from './site.ts';
import type { SitesStore } from './store.ts';

export type PublicDeps = Pick<HttpDeps, 'rateLimiter' | 'failures'> & { sites: Pick<SitesStore, 'siteByPublicKey'> };

/**
 * The gate of every request a page makes with a public site key (SPEC §6): an address that
 * spent its failures waits before anything is parsed; then rate (429), site key (401), origin
 * (403). Requests that can never succeed spend a failure of their address.
 */
export function publicGate(deps: PublicDeps) {
  const limited = (c: Context<AppEnv>, wait: number, message: string) => {
    c.header('Retry-After', String(wait));
    return problem(c, 429, 'rate_limited', `${message}; try again in ${wait} s`);
  };
  /** Answers `response` (a 400 or 401: it can never succeed) and spends a failure of the address. */
  const failed = (c: Context<AppEnv>, response: Response): Response => {
    deps.failures.take(c.get('ip'));
    return response;
  };
  return {
    failed,
    /** A 429 when this address spent its failures (bad bodies, unknown keys), before any parsing or lookup. */
    spent(c: Context<AppEnv>): Response | undefined {
      const wait = deps.failures.wait(c.get('ip'));
      return wait > 0 ? limited(c, wait, 'too many invalid requests from this address') : undefined;
    },
    /** IP + site → rate (429), then site key → site (401), origin → allowed (403). */
    async admit(c: Context<AppEnv>, siteKey: string): Promise<{ site: Site } | { response: Response }> {
      const origin = c.req.header('origin');
      const wait = deps.rateLimiter.take(`${c.get('ip')}|${siteKey}`);
      if (wait > 0) return { response: limited(c, wait, 'too many requests') };
      const site = await deps.sites.siteByPublicKey(siteKey);
      if (!site) return { response: failed(c, problem(c, 401, 'unknown_site_key', 'no site has this public key')) };
      if (!originAllowed(site, origin)) return { response: problem(c, 403, 'origin_not_allowed', `${origin} is not an allowed origin of this site`) };
      allowOrigin(c, origin);
      return { site };
    },
  };
}
